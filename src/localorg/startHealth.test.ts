import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrgCommand } from './start';

// `npm start` (headless here, no preview build): health is recomputed after the first seed
// through recomputeHealth, then on the timer, against the org it just started.

jest.setTimeout(120_000);

it('recomputes health after seeding and again on the timer', async () => {
  process.env.BATON_NO_SF_ALIAS = '1';
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-start-'));
  const lines: string[] = [];
  const started = await startOrgCommand({
    dataDir,
    port: 0,
    headless: true,
    // 0.01 min: a tick every 600 ms, so the test sees the timer fire for real.
    healthEveryMinutes: 0.01,
    log: (line) => lines.push(line)
  });
  try {
    expect(lines).toContainEqual(expect.stringMatching(/^Health: 60 accounts scored: \d+ \w+/));
    expect(lines).toContain('Health recomputes every 0.01 min.');
    for (let waited = 0; waited < 20_000; waited += 100) {
      if (lines.some((line) => line.startsWith('Health (every 0.01 min): 60 accounts scored')))
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lines).toContainEqual(
      expect.stringMatching(/^Health \(every 0\.01 min\): 60 accounts scored: /)
    );
  } finally {
    started.stopHealthTimer();
    await started.org.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
