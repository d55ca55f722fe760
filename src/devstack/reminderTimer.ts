/** How often the local org looks for overdue handovers: each day's reminder goes out once. */
export const REMINDER_CHECK_MINUTES = 60;

/**
 * Reminds account managers of overdue handovers while the local org runs: once at start, then
 * every hour, so a new day's reminder goes out soon after midnight (UTC). `remind` is
 * idempotent per handover and day, so the hourly check posts nothing twice. A run still going
 * is not doubled; a failure is logged and the timer goes on; it never keeps the process alive.
 */
export function startReminderTimer(
  remind: () => Promise<string>,
  log: (line: string) => void,
  minutes = REMINDER_CHECK_MINUTES
): { stop: () => void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    remind()
      .then((summary) => log(`Handover reminders: ${summary}`))
      .catch((error: unknown) =>
        log(`Handover reminders failed: ${error instanceof Error ? error.message : String(error)}`)
      )
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
