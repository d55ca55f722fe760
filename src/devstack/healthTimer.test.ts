import { UserInputError } from '../core/errors';
import { DEFAULT_HEALTH_EVERY_MINUTES, healthEveryMinutes, startHealthTimer } from './healthTimer';

describe('healthEveryMinutes', () => {
  it('takes the flag, else the environment, else the default', () => {
    expect(healthEveryMinutes('15', '30')).toBe(15);
    expect(healthEveryMinutes(undefined, '30')).toBe(30);
    expect(healthEveryMinutes(undefined, undefined)).toBe(DEFAULT_HEALTH_EVERY_MINUTES);
    expect(healthEveryMinutes('0', undefined)).toBe(0);
  });

  it('refuses a value that is not minutes, naming where it came from', () => {
    expect(() => healthEveryMinutes('soon', undefined)).toThrow(/--health-every .*"soon"/);
    expect(() => healthEveryMinutes(undefined, '-5')).toThrow(/BATON_HEALTH_EVERY_MINUTES/);
    expect(() => healthEveryMinutes('', undefined)).toThrow(UserInputError);
  });
});

describe('startHealthTimer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('recomputes every N minutes, never two runs at once, and goes on after a failure', async () => {
    const lines: string[] = [];
    let finish: (summary: string) => void = () => undefined;
    const recompute = jest
      .fn<Promise<string>, []>()
      .mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)))
      .mockImplementationOnce(async () => {
        throw new Error('org away');
      })
      .mockImplementation(async () => '3 accounts scored: 3 Green');
    const timer = startHealthTimer(recompute, 10, (line) => lines.push(line));

    await jest.advanceTimersByTimeAsync(10 * 60_000 - 1);
    expect(recompute).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(recompute).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(10 * 60_000); // first run still going: skipped
    expect(recompute).toHaveBeenCalledTimes(1);
    finish('2 accounts scored: 2 Red');
    await jest.advanceTimersByTimeAsync(20 * 60_000);
    timer.stop();
    await jest.advanceTimersByTimeAsync(60 * 60_000);

    expect(recompute).toHaveBeenCalledTimes(3);
    expect(lines).toEqual([
      'Health (every 10 min): 2 accounts scored: 2 Red',
      'Health recompute failed: org away',
      'Health (every 10 min): 3 accounts scored: 3 Green'
    ]);
  });

  it('starts no timer at 0 minutes', async () => {
    const recompute = jest.fn(async () => '');
    startHealthTimer(recompute, 0, () => undefined);
    await jest.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(recompute).not.toHaveBeenCalled();
  });
});
