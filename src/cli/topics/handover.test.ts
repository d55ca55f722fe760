import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { startTestOrg } from '../../testkit/testOrg';
import { memoryOrg } from '../../testkit/handover/memoryOrg';
import { register } from './handover';

// The CLI topic end to end against an in-memory org: flags → twin → one JSON document and
// the sf exit codes (0 ok, 1 user error).

function setup() {
  const org = memoryOrg();
  const seller = org.insert('User', { Name: 'Sanna Seller' }).Id;
  const am = org.insert('User', { Name: 'Aki Manager' }).Id;
  const account = org.insert('Account', { Name: 'Kontrakti Oy' }).Id;
  const contact = org.insert('Contact', { LastName: 'Virtanen', AccountId: account }).Id;
  let user = seller;
  const program = new Command('baton').exitOverride();
  register(program, async () => org.connAs(user));
  const out: string[] = [];
  jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const run = async (as: string, ...args: string[]) => {
    user = as;
    out.length = 0;
    process.exitCode = undefined;
    await program.parseAsync(['node', 'baton', 'handover', ...args, '--json']);
    return { json: JSON.parse(out.join('')), exitCode: process.exitCode ?? 0 };
  };
  return { org, seller, am, account, contact, run };
}

const file = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'baton-handover-')), 'handover.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

describe('baton handover', () => {
  it('submits a file, then the account manager accepts by id', async () => {
    const { am, seller, account, contact, run } = setup();
    const submitted = await run(
      seller,
      'submit',
      '--file',
      file({
        Account__c: account,
        Account_Manager__c: am,
        Contract_Start__c: '2026-01-05',
        What_Was_Sold__c: 'Baton Pro',
        Primary_Contact__c: contact,
        Success_Criteria__c: '40 active users',
        Fit__c: 'Good',
        Proposed_Touch_Tier__c: 'Tech'
      })
    );
    expect(submitted.exitCode).toBe(0);
    expect(submitted.json).toEqual([
      expect.objectContaining({ status: 'Submitted', feedElementId: expect.any(String) })
    ]);
    const accepted = await run(am, 'accept', '--id', submitted.json[0].id);
    expect(accepted.json).toEqual([expect.objectContaining({ status: 'Accepted' })]);
  });

  it('exits 1 naming the record and field of a bad file, and writes nothing', async () => {
    const { org, seller, account, run } = setup();
    const result = await run(
      seller,
      'submit',
      '--file',
      file([{ Account__c: account }, { Account__c: account, Fit__c: 'Great' }])
    );
    expect(result.exitCode).toBe(1);
    expect(result.json).toMatchObject({ status: 1, code: 'INVALID_INPUT' });
    expect(result.json.message).toMatch(/1\.Fit__c/);
    expect(org.tables.get('Handover__c')?.size ?? 0).toBe(0);
  });

  it('exits 1 with the missing fields when a handover is incomplete', async () => {
    const { seller, account, run } = setup();
    const result = await run(
      seller,
      'submit',
      '--file',
      file({ Account__c: account, Proposed_Touch_Tier__c: 'Tech' })
    );
    expect(result.exitCode).toBe(1);
    expect(result.json).toMatchObject({ code: 'MISSING_REQUIRED_FIELDS' });
    expect(result.json.message).toContain('Primary Contact');
  });

  it('refuses to return without a reason', async () => {
    const { am, run } = setup();
    const result = await run(am, 'return', '--id', 'a00000000000001AAA', '--reason', ' ');
    expect(result).toMatchObject({ exitCode: 1, json: { code: 'INVALID_INPUT' } });
  });
});

describe('baton handover against the local org', () => {
  it('submits a file of handovers as the seller and accepts one as the account manager', async () => {
    const testOrg = await startTestOrg();
    try {
      const idOf = (persona: string) => testOrg.org.users.find((u) => u.persona === persona)!.id;
      // One open handover per account: the file hands over two customers.
      const customer = async (name: string) => {
        const account = await testOrg.conn.sobject('Account').create({ Name: name, MRR__c: 100 });
        const contact = await testOrg.conn
          .sobject('Contact')
          .create({ LastName: 'Virtanen', AccountId: account.id });
        return { account, contact };
      };
      const [first, second] = [await customer('CLI Oy'), await customer('Toinen CLI Oy')];
      const record = (what: string, { account, contact } = first) => ({
        Account__c: account.id,
        Account_Manager__c: idOf('accountManager'),
        Contract_Start__c: '2026-01-05',
        What_Was_Sold__c: what,
        Primary_Contact__c: contact.id,
        Success_Criteria__c: '40 active users',
        Fit__c: 'Good',
        Proposed_Touch_Tier__c: 'Tech'
      });
      let persona = 'seller';
      const program = new Command('baton').exitOverride();
      register(program, async () => testOrg.connAs(persona));
      const out: string[] = [];
      jest
        .spyOn(process.stdout, 'write')
        .mockImplementation((chunk) => (out.push(String(chunk)), true));
      await program.parseAsync([
        'node',
        'baton',
        'handover',
        'submit',
        '--file',
        file([record('Deal A'), record('Deal B', second)]),
        '--json'
      ]);
      const submitted = JSON.parse(out.join(''));
      expect(submitted.map((row: { status: string }) => row.status)).toEqual([
        'Submitted',
        'Submitted'
      ]);
      persona = 'accountManager';
      out.length = 0;
      await program.parseAsync([
        'node',
        'baton',
        'handover',
        'accept',
        '--id',
        submitted[0].id,
        '--json'
      ]);
      expect(JSON.parse(out.join(''))).toEqual([expect.objectContaining({ status: 'Accepted' })]);
      const posts = await testOrg.conn.query(
        `SELECT Id FROM FeedItem WHERE ParentId IN ('${first.account.id}', '${second.account.id}')`
      );
      expect(posts.totalSize).toBe(2);
    } finally {
      await testOrg.close();
    }
  }, 30_000);
});
