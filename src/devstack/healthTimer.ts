import { UserInputError } from '../core/errors';

/** Minutes between health recomputes while the local org runs (0 turns the timer off). */
export const DEFAULT_HEALTH_EVERY_MINUTES = 60;
export const HEALTH_EVERY_ENV = 'BATON_HEALTH_EVERY_MINUTES';

/**
 * `--health-every <minutes>`, else BATON_HEALTH_EVERY_MINUTES, else 60. A bad value is
 * refused naming where it came from, before the org starts.
 */
export function healthEveryMinutes(
  flag?: string,
  env: string | undefined = process.env[HEALTH_EVERY_ENV]
): number {
  const [text, source] =
    flag !== undefined
      ? [flag, '--health-every']
      : env !== undefined
        ? [env, HEALTH_EVERY_ENV]
        : [];
  if (text === undefined) return DEFAULT_HEALTH_EVERY_MINUTES;
  const minutes = Number(text);
  if (text.trim() === '' || !Number.isFinite(minutes) || minutes < 0) {
    throw new UserInputError(
      `${source} must be a number of minutes ≥ 0 (0 turns the timer off), got "${text}"`,
      'health-every'
    );
  }
  return minutes;
}

/**
 * Recomputes health every `minutes` while the local org runs, so scores stay fresh as the
 * day passes and data changes. A run still going when the next is due is not doubled; a
 * failed run is logged and the timer goes on. The timer never keeps the process alive.
 */
export function startHealthTimer(
  recompute: () => Promise<string>,
  minutes: number,
  log: (line: string) => void
): { stop: () => void } {
  if (minutes <= 0) return { stop: () => undefined };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recompute()
      .then((summary) => log(`Health (every ${minutes} min): ${summary}`))
      .catch((error: unknown) =>
        log(`Health recompute failed: ${error instanceof Error ? error.message : String(error)}`)
      )
      .finally(() => {
        running = false;
      });
  }, minutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
