import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrgCommand } from './start';

// `npm start` (headless here, no preview build): after the first seed, tiers are assigned and
// touchpoints planned (real services), health is recomputed through recomputeHealth, then on the timer, against the org it just started.

jest.setTimeout(120_000);

it('assigns tiers, plans touchpoints, recomputes health after seeding and again on the timer', async () => {
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
    // Tiers and touchpoints run first (the cadence measure reads the plan), one line each.
    const tiersAt = lines.findIndex((line) => line.startsWith('Tiers: '));
    const planAt = lines.findIndex((line) => /^Touchpoints: Planned 60 of 60 accounts/.test(line));
    const healthAt = lines.findIndex((line) => line.startsWith('Health: '));
    expect(tiersAt).toBeGreaterThanOrEqual(0);
    expect(planAt).toBeGreaterThan(tiersAt);
    expect(healthAt).toBeGreaterThan(planAt);
    // The CS lead's portfolio has its segments from the first start (no command to remember).
    expect(lines).toContainEqual(
      expect.stringMatching(/^Portfolio: Wrote the segment of \d+ of 60 accounts: A \d+/)
    );
    const admin = started.org.connectionFor(started.org.users.find((u) => u.persona === 'admin')!);
    const accounts = await admin.query<{
      Id: string;
      Touch_Tier__c: string;
      Next_Touchpoint_Due__c: string | null;
    }>('SELECT Id, Touch_Tier__c, Next_Touchpoint_Due__c FROM Account');
    expect(accounts.records).toHaveLength(60);
    const planned = await admin.query<{ WhatId: string; ActivityDate: string }>(
      'SELECT WhatId, ActivityDate FROM Task WHERE Touchpoint_Key__c != null AND IsClosed = false'
    );
    const today = new Date().toISOString().slice(0, 10);
    const firstOpen = new Map<string, string>();
    for (const task of planned.records)
      if (!firstOpen.has(task.WhatId) || task.ActivityDate < firstOpen.get(task.WhatId)!)
        firstOpen.set(task.WhatId, task.ActivityDate);
    // Next_Touchpoint_Due__c is the first open planned Task; High and Low meet on a recurring
    // interval, so each has one from today on. Tech has only a welcome and a 60-day survey
    // (Tier_Cadence__mdt), so a Tech account past those rightly has none.
    expect(accounts.records.map((a) => [a.Id, a.Next_Touchpoint_Due__c ?? null])).toEqual(
      accounts.records.map((a) => [a.Id, firstOpen.get(a.Id) ?? null])
    );
    const highAndLow = accounts.records.filter((a) => a.Touch_Tier__c !== 'Tech');
    expect(highAndLow.length).toBeGreaterThan(30);
    expect(highAndLow.filter((a) => !(a.Next_Touchpoint_Due__c! >= today))).toEqual([]);
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
