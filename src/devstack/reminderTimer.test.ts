import { startReminderTimer } from './reminderTimer';

// The local org's daily handover reminder: a run at start, then one per interval, never two at once.

afterEach(() => jest.useRealTimers());

it('reminds at start and on every tick, skipping a tick while a run is still going', async () => {
  jest.useFakeTimers();
  const lines: string[] = [];
  let finish: (summary: string) => void = () => undefined;
  const remind = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
  const timer = startReminderTimer(remind, (line) => lines.push(line), 60);
  expect(remind).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(60 * 60_000);
  expect(remind).toHaveBeenCalledTimes(1);
  finish('1 of 2 submitted handovers overdue');
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
  jest.advanceTimersByTime(60 * 60_000);
  expect(remind).toHaveBeenCalledTimes(2);
  expect(lines).toEqual(['Handover reminders: 1 of 2 submitted handovers overdue']);
  timer.stop();
  jest.advanceTimersByTime(3 * 60 * 60_000);
  expect(remind).toHaveBeenCalledTimes(2);
});
