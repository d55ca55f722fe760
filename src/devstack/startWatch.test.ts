import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrgCommand } from './start';

// `npm start` keeps the demo fresh by change events, not only on its timer: with the timer
// off, a survey written through the API still reaches its account's score.

jest.setTimeout(60_000);

it('rescores an account through the health watch as soon as a survey arrives', async () => {
  process.env.BATON_NO_SF_ALIAS = '1';
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-start-watch-'));
  const lines: string[] = [];
  const started = await startOrgCommand({
    dataDir,
    port: 0,
    headless: true,
    seed: false,
    healthEveryMinutes: 0,
    log: (line) => lines.push(line)
  });
  try {
    expect(lines).toContainEqual(expect.stringMatching(/^Health watch: listening to Account, /));
    const admin = started.org.connectionFor(started.org.users.find((u) => u.persona === 'admin')!);
    const account = (await admin.sobject('Account').create({ Name: 'Tuore Oy' })).id!;
    await admin.sobject('Survey_Response__c').create({
      Account__c: account,
      Type__c: 'CSAT',
      Score__c: 2,
      Responded_On__c: new Date().toISOString().slice(0, 10)
    });
    // The watcher logs its burst once the recompute has written, so the line comes last.
    const rescored = /^Health watch: \d+ changes?, 1 account rescored/;
    for (let waited = 0; !lines.some((line) => rescored.test(line)) && waited < 15_000;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      waited += 100;
    }
    expect(lines).toContainEqual(expect.stringMatching(rescored));
    const scored = await admin.sobject('Account').retrieve(account);
    expect(scored.Health_Scored_At__c).toBeTruthy();
  } finally {
    started.stopHealthTimer();
    await started.org.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
