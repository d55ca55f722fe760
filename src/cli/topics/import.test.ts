import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { register } from './import';
import { runCliJson } from '../../testkit/runCli';

// Flag checks happen before any connection: a typo costs no API call and exits 1 with one
// JSON document naming the flag. Then the commands through commander against the local org
// (the import rules in depth: src/services/imports/imports.localorg.test.ts).

let orgConn: Connection | undefined;
const connect = jest.fn(async () => {
  if (!orgConn) throw new Error('must not connect');
  return orgConn;
});

const run = (...args: string[]) => runCliJson([register], connect, ['import', ...args]);

afterEach(() => {
  jest.restoreAllMocks();
  connect.mockClear();
  process.exitCode = undefined;
});

describe('baton import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-import-cli-'));

  it('refuses a missing file before connecting', async () => {
    const { json, exitCode } = await run('surveys', '--file', join(dir, 'nope.csv'));
    expect(exitCode).toBe(1);
    expect(json).toMatchObject({
      status: 1,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/--file: no file/)
    });
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses a mapping that is not the documented shape, naming the key', async () => {
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'account_id,type,score,responded_on\n');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { score: 5 } }));
    const { json, exitCode } = await run('usage', '--file', file, '--mapping', mapping);
    expect(exitCode).toBe(1);
    expect(json.message).toMatch(/--mapping: columns\.score: Expected string/);
    expect(connect).not.toHaveBeenCalled();
  });

  describe('against the local org', () => {
    let testOrg: Awaited<ReturnType<typeof startTestOrg>>;
    let accountId: string;

    beforeAll(async () => {
      testOrg = await startTestOrg({ twins: false });
      orgConn = testOrg.conn;
      accountId = (await orgConn.sobject('Account').create({ Name: 'Tuonti Oy' })).id as string;
    }, 60_000);

    afterAll(async () => {
      orgConn = undefined;
      await testOrg?.close();
    });

    const answers = async () =>
      (
        await orgConn!.query(
          `SELECT COUNT() FROM Survey_Response__c WHERE Account__c = '${accountId}'`
        )
      ).totalSize;

    it('imports surveys: --all-or-none writes nothing, then good rows in, bad rows out, exit 1', async () => {
      const file = join(dir, 'answers.csv');
      const rejected = join(dir, 'answers-bad.csv');
      writeFileSync(
        file,
        [
          'account_id,type,score,responded_on,response_id',
          `${accountId},NPS,9,2026-04-01,r1`,
          `${accountId},CSAT,9,2026-04-01,r2`,
          ''
        ].join('\n')
      );

      const strict = await run('surveys', '--file', file, '--all-or-none', '--rejected', rejected);
      expect(strict.exitCode).toBe(1);
      expect(strict.json).toMatchObject({ written: false, rejected: 1, inserted: 0 });
      expect(strict.json.errors).toEqual([
        { row: 3, message: expect.stringMatching(/score: CSAT scores run 1–5/) }
      ]);
      expect(await answers()).toBe(0);

      const loose = await run('surveys', '--file', file, '--rejected', rejected);
      expect(loose.exitCode).toBe(1);
      expect(loose.json).toMatchObject({ written: true, inserted: 1, rejected: 1 });
      expect(await answers()).toBe(1);
      expect(existsSync(rejected)).toBe(true);
      expect(readFileSync(rejected, 'utf8')).toMatch(/^row,account_id,type,score/);

      const again = await run('surveys', '--file', file, '--rejected', rejected);
      expect(again.json).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
      expect(await answers()).toBe(1);
    });

    it('refuses a file whose quote never closes, naming the line, and writes nothing', async () => {
      const file = join(dir, 'unclosed.csv');
      const rejected = join(dir, 'unclosed-bad.csv');
      writeFileSync(
        file,
        [
          'account_id,type,score,responded_on,comment',
          `${accountId},NPS,9,2026-05-01,"fine"`,
          `${accountId},NPS,7,2026-05-02,"forgot to close`,
          `${accountId},NPS,8,2026-05-03,later answer`,
          ''
        ].join('\n')
      );
      const before = await answers();
      const { json, exitCode } = await run('surveys', '--file', file, '--rejected', rejected);
      expect(exitCode).toBe(1);
      expect(json).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('CSV line 3: a quoted field starts here and never closes')
      });
      expect(await answers()).toBe(before);
      expect(existsSync(rejected)).toBe(false);
    });

    it('refuses a file that is not UTF-8, naming the line, and writes nothing', async () => {
      const file = join(dir, 'latin1.csv');
      const lines = [
        'account_id,type,score,responded_on,comment',
        `${accountId},NPS,9,2026-05-04,fine`,
        `${accountId},NPS,8,2026-05-05,Hyv\xe4 palvelu`
      ];
      writeFileSync(file, Buffer.from(lines.join('\n') + '\n', 'latin1'));
      const before = await answers();
      const { json, exitCode } = await run('surveys', '--file', file);
      expect(exitCode).toBe(1);
      expect(json).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('CSV line 3: the file is not UTF-8')
      });
      expect(await answers()).toBe(before);
    });

    it('imports usage with exit 0 when every row is good, and records first value', async () => {
      const file = join(dir, 'usage.csv');
      writeFileSync(file, `account_id,period_end,active_users\n${accountId},2026-03-31,4\n`);
      const { json, exitCode } = await run('usage', '--file', file);
      expect(exitCode).toBe(0);
      expect(json).toMatchObject({ inserted: 1, rejected: 0, firstValueRecorded: 1 });
    });
  });
});
