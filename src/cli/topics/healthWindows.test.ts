import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Connection } from 'jsforce';
import { addDays } from '../../core';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { register } from './health';
import { runCliJson } from '../../testkit/runCli';

// Every window is the model's: an org whose Health_Measure__mdt survey windows and
// Health_Band__mdt trend days differ from the shipped ones gets the same answer from
// `baton health score` (its records as --model), `health recompute` and `health explain`.

jest.setTimeout(120_000);

const PROJECT = resolve(__dirname, '../../..');
const TODAY = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => addDays(TODAY, -days);

let testOrg: TestOrg;
let conn: Connection;
let project: string;
const connect = jest.fn(async () => conn);
const run = (...args: string[]) =>
  runCliJson([register], connect, ['health', ...args]).finally(() => jest.restoreAllMocks());

/** Sets one `<field>`'s value in a custom metadata record of the copied project. */
function setValue(record: string, field: string, value: number) {
  const file = join(project, 'force-app/main/default/customMetadata', `${record}.md-meta.xml`);
  const xml = readFileSync(file, 'utf8');
  const pattern = new RegExp(`(<field>${field}</field>\\s*<value xsi:type="xsd:double">)[^<]*`);
  if (!pattern.test(xml)) throw new Error(`${record} has no ${field}`);
  writeFileSync(file, xml.replace(pattern, `$1${value}`));
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'baton-windows-project-'));
  cpSync(join(PROJECT, 'force-app'), join(project, 'force-app'), { recursive: true });
  cpSync(join(PROJECT, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
  setValue('Health_Measure.NPS', 'Window_Days__c', 60);
  setValue('Health_Measure.CSAT', 'Window_Days__c', 30);
  setValue('Health_Measure.CES', 'Window_Days__c', 400);
  setValue('Health_Band.Trend_Up', 'Days__c', 14);
  setValue('Health_Band.Trend_Down', 'Days__c', 14);
  testOrg = await startTestOrg({ projectDir: project, twins: false });
  conn = testOrg.conn;
});

afterAll(async () => {
  await testOrg?.close();
});

describe('health windows come from the model', () => {
  it('score, recompute and explain agree when the survey windows and the trend days change', async () => {
    const account = { Touch_Tier__c: 'Low', Licensed_Seats__c: 10, Overdue_Invoices__c: 0 };
    const [{ id }] = (await conn
      .sobject('Account')
      .create([{ Name: 'Ikkuna Oy', ...account }], { allOrNone: true })) as { id: string }[];
    // Outside NPS 60 days, outside CSAT 30, inside CES 400 (the shipped windows say otherwise).
    const surveys = [
      { type: 'NPS', score: 2, date: daysAgo(180) },
      { type: 'CSAT', score: 1, date: daysAgo(45) },
      { type: 'CES', score: 7, date: daysAgo(300) },
      { type: 'NPS', score: 9, date: daysAgo(10) }
    ];
    await conn.sobject('Survey_Response__c').create(
      surveys.map((s) => ({
        Account__c: id,
        Type__c: s.type,
        Score__c: s.score,
        Responded_On__c: s.date
      })),
      { allOrNone: true }
    );
    const usage = { date: daysAgo(5), active: 6, logins: 120 };
    await conn.sobject('Usage_Snapshot__c').create(
      {
        Account__c: id,
        Period_End__c: usage.date,
        Active_Users__c: usage.active,
        Logins__c: usage.logins
      },
      { allOrNone: true }
    );
    // 20 days old: the baseline with 14 trend days, too young for the shipped 28.
    await conn.sobject('Health_Snapshot__c').create(
      {
        Account__c: id,
        Score__c: 40,
        Status__c: 'Red',
        Coverage__c: 1,
        Computed_At__c: `${daysAgo(20)}T12:00:00.000Z`,
        Snapshot_Key__c: `${id}-${daysAgo(20)}`
      },
      { allOrNone: true }
    );

    const input = join(project, 'input.json');
    writeFileSync(
      input,
      JSON.stringify({
        asOf: TODAY,
        accounts: [
          {
            id,
            touchTier: 'Low',
            licensedSeats: 10,
            overdueInvoices: 0,
            openHighPriorityCases: 0,
            escalations90d: 0,
            activeUsers30d: usage.active,
            logins30d: usage.logins,
            surveys,
            previousScores: [{ date: daysAgo(20), score: 40 }]
          }
        ]
      })
    );
    const scored = await run(
      'score',
      '--input',
      input,
      '--model',
      join(project, 'force-app/main/default/customMetadata')
    );
    expect(scored.exitCode).toBe(0);
    const pure = scored.json.results[0];

    const recomputed = await run(
      'recompute',
      '--accounts',
      id,
      '--failures',
      join(project, 'f.csv')
    );
    expect(recomputed.exitCode).toBe(0);
    const stored = (
      await conn.query<{
        Health_Score__c: number;
        Health_Status__c: string;
        Health_Trend__c: number;
      }>(
        `SELECT Health_Score__c, Health_Status__c, Health_Trend__c FROM Account WHERE Id = '${id}'`
      )
    ).records[0];
    const explained = await run('explain', '--account', id);
    expect(explained.exitCode).toBe(0);

    const measureScores = (measures: { key: string; score: number | null }[]) =>
      Object.fromEntries(
        measures.filter((m) => ['nps', 'csat', 'ces'].includes(m.key)).map((m) => [m.key, m.score])
      );
    // NPS from the one answer in 60 days (a promoter), no CSAT within 30, the CES of 300 days ago.
    expect(measureScores(pure.measures)).toEqual({ nps: 100, csat: null, ces: expect.any(Number) });
    expect(pure.trend).toBe(pure.score - 40);
    expect(stored).toMatchObject({
      Health_Score__c: pure.score,
      Health_Status__c: pure.status,
      Health_Trend__c: pure.trend
    });
    expect(explained.json.result).toMatchObject({
      score: pure.score,
      status: pure.status,
      trend: pure.trend
    });
    expect(measureScores(explained.json.result.measures)).toEqual(measureScores(pure.measures));
  });
});
