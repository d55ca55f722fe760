import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { register } from './handover';
import { runCliJson } from '../../testkit/runCli';

// `baton handover submit --file` run again with the same file, as a retry after a timeout or a
// pipeline rerun would: the handovers and their Chatter posts are there once.

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(() => t?.close());
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const submit = (file: string) =>
  runCliJson([register], async () => t.connAs('seller'), ['handover', 'submit', '--file', file]);

async function handoverFor(name: string) {
  const account = (await t.conn.sobject('Account').create({ Name: name, MRR__c: 100 }))
    .id as string;
  const contact = (
    await t.conn.sobject('Contact').create({ LastName: 'Virtanen', AccountId: account })
  ).id as string;
  const manager = t.org.users.find((user) => user.persona === 'accountManager')!.id;
  return {
    Account__c: account,
    Account_Manager__c: manager.slice(0, 15),
    Contract_Start__c: '2026-01-05',
    What_Was_Sold__c: `Baton Pro for ${name}`,
    Primary_Contact__c: contact,
    Success_Criteria__c: '40 active users',
    Fit__c: 'Good',
    ARR__c: 120000,
    Proposed_Touch_Tier__c: 'Tech'
  };
}

describe('baton handover submit, run twice', () => {
  it('creates each handover and its post once', async () => {
    const records = [await handoverFor('Twice Oy'), await handoverFor('Again Ab')];
    const file = join(mkdtempSync(join(tmpdir(), 'baton-handover-twice-')), 'handovers.json');
    writeFileSync(file, JSON.stringify(records));

    const first = await submit(file);
    const second = await submit(file);

    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    expect(second.json).toEqual(first.json);
    const accounts = records.map((record) => `'${record.Account__c}'`).join(', ');
    const count = async (soql: string) => (await t.conn.query(soql)).totalSize;
    expect(await count(`SELECT Id FROM Handover__c WHERE Account__c IN (${accounts})`)).toBe(2);
    expect(await count(`SELECT Id FROM FeedItem WHERE ParentId IN (${accounts})`)).toBe(2);
  });
});
