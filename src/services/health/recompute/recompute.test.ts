import type { MessageSegment } from '../../../core/connect';
import type { OrgAccess, Row, RowResult } from './orgAccess';
import { recompute } from './recompute';
import { chunkAccounts } from './chunkWrites';
import { WAVE_ACCOUNTS } from './accountWaves';
import { readBreakdown } from '../../../core';
import type { HealthScorer } from './scorer';
import { loadProjectModel } from '../../../metadata/projectModel';
import { projectHistoryPolicy } from '../../../metadata/historyPolicy';

const shippedHistory = projectHistoryPolicy();

/**
 * Orchestration with an in-memory org and a one-measure scorer: what is written where, and
 * when alerts go out. (Scores against the real model and the local org are in
 * recompute.localorg.test.ts.)
 */
function memoryOrg(accounts: Row[], cases: Row[] = []) {
  const snapshots = new Map<string, Row>();
  const posts: { subjectId: string; segments: MessageSegment[] }[] = [];
  const byId = new Map(accounts.map((account) => [String(account.Id), account]));
  const rowsOf = (soql: string): Row[] => {
    const object = /FROM (\w+)/.exec(soql)![1];
    if (object === 'Account') return [...byId.values()].map((account) => ({ ...account }));
    return object === 'Case' ? cases : [];
  };
  const org: OrgAccess = {
    count: async () => byId.size,
    query: async (soql, _expected, onRows) => onRows(rowsOf(soql)),
    update: async (_object, rows) =>
      rows.map((row): RowResult => {
        Object.assign(byId.get(String(row.Id))!, row);
        return { success: true };
      }),
    upsert: async (_object, field, rows) =>
      rows.map((row): RowResult => {
        snapshots.set(String(row[field]), row);
        return { success: true };
      }),
    post: async (subjectId, segments) => {
      posts.push({ subjectId, segments });
    }
  };
  return { org, byId, snapshots, posts };
}

const scorer: HealthScorer = {
  bandOrder: ['Green', 'Yellow', 'Red'],
  model: loadProjectModel(),
  score: (signals) => {
    const score = Math.max(0, 100 - 35 * signals.openHighPriorityCases);
    const status = score >= 70 ? 'Green' : score >= 40 ? 'Yellow' : 'Red';
    return {
      score,
      status,
      coverage: 1,
      trend: null,
      trendDirection: null,
      quadrant: null,
      measures: [],
      drivers: [`Support −${100 - score}`],
      driversFi: [],
      measuresUsed: 1,
      measuresApplicable: 1
    };
  }
};

const ACCOUNT = '001000000000001AAA';
const highCases = (n: number) =>
  Array.from({ length: n }, () => ({ AccountId: ACCOUNT, Priority: 'High', IsClosed: false }));
const run = (org: OrgAccess, asOf = '2026-11-20') =>
  recompute(org, scorer, {
    history: shippedHistory,
    asOf,
    failuresFile: '/dev/null',
    now: () => new Date('2026-11-20T03:00:00Z')
  });

describe('recompute (in-memory org)', () => {
  it('writes each chunk of accounts in one write per object, the same rows whatever the chunk size', async () => {
    const accounts = Array.from({ length: 5 }, (_, k) => ({ Id: `00100000000000${k}AAA` }));
    const whole = memoryOrg(accounts.map((a) => ({ ...a })));
    const chunked = memoryOrg(accounts.map((a) => ({ ...a })));
    const writes: string[] = [];
    const { update, upsert } = chunked.org;
    chunked.org.update = (object, rows) => {
      writes.push(`${object} ${rows.length}`);
      return update(object, rows);
    };
    chunked.org.upsert = (object, field, rows) => {
      writes.push(`${object} ${rows.length}`);
      return upsert(object, field, rows);
    };

    await run(whole.org);
    const summary = await recompute(chunked.org, scorer, {
      history: shippedHistory,
      asOf: '2026-11-20',
      failuresFile: '/dev/null',
      now: () => new Date('2026-11-20T03:00:00Z'),
      chunkSize: 2
    });

    expect(summary.scored).toBe(5);
    expect(writes).toEqual([
      'Account 2',
      'Health_Snapshot__c 2',
      'Account 2',
      'Health_Snapshot__c 2',
      'Account 1',
      'Health_Snapshot__c 1'
    ]);
    expect([...chunked.snapshots.entries()]).toEqual([...whole.snapshots.entries()]);
    expect([...chunked.byId.values()]).toEqual([...whole.byId.values()]);
  });

  it('writes a wave in thirds, and up to 100 000 accounts in one chunk', () => {
    expect(chunkAccounts(WAVE_ACCOUNTS)).toBe(Math.ceil(WAVE_ACCOUNTS / 3));
    expect(chunkAccounts(100_001)).toBe(Math.ceil(WAVE_ACCOUNTS / 3));
    expect(chunkAccounts(100_000)).toBe(100_000);
    expect(chunkAccounts(0)).toBe(1);
  });

  it('scores the next chunks while the org writes, holding at most two in flight and one scored', async () => {
    const accounts = Array.from({ length: 8 }, (_, k) => ({ Id: `00100000000000${k}AAA` }));
    const { org } = memoryOrg(accounts);
    const events: string[] = [];
    const counting: HealthScorer = {
      ...scorer,
      score: (signals, asOf) => {
        events.push('score');
        return scorer.score(signals, asOf);
      }
    };
    const { update } = org;
    org.update = async (object, rows) => {
      events.push(`write ${rows.length}`);
      // The org takes its time: the recompute goes on scoring meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push('written');
      return update(object, rows);
    };

    const summary = await recompute(org, counting, {
      history: shippedHistory,
      asOf: '2026-11-20',
      failuresFile: '/dev/null',
      chunkSize: 2
    });

    expect(summary.scored).toBe(8);
    const firstWritten = events.indexOf('written');
    const before = events.slice(0, firstWritten);
    // Chunk 2 is scored while chunk 1 is written, and sent at once, without waiting for it;
    // chunk 3 is scored too, but sent only once chunk 1 is written: two in flight at most …
    expect(before.filter((event) => event === 'score')).toHaveLength(6);
    expect(before.filter((event) => event === 'write 2')).toHaveLength(2);
    expect(events[firstWritten + 1]).toBe('write 2');
    // … and chunk 4 is scored only once chunk 1 is written: three chunks held at most.
    expect(events.slice(firstWritten).filter((event) => event === 'score')).toHaveLength(2);
  });

  it("writes a chunk's snapshots after its own Accounts only, not after the chunk before", async () => {
    const accounts = Array.from({ length: 6 }, (_, k) => ({ Id: `00100000000000${k}AAA` }));
    const { org } = memoryOrg(accounts);
    const events: string[] = [];
    const { update, upsert } = org;
    const slow =
      <T>(name: string, write: (rows: Row[]) => Promise<T>, ms: number) =>
      async (rows: Row[]) => {
        const chunk = String(rows[0].Id ?? rows[0].Account__c).slice(14, 15);
        events.push(`${name} ${chunk} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`${name} ${chunk} end`);
        return write(rows);
      };
    org.update = (object, rows) => slow('accounts', (r) => update(object, r), 5)(rows);
    org.upsert = (object, field, rows) =>
      slow('snapshots', (r) => upsert(object, field, r), 40)(rows);

    const summary = await recompute(org, scorer, {
      history: shippedHistory,
      asOf: '2026-11-20',
      failuresFile: '/dev/null',
      chunkSize: 2
    });

    expect(summary.scored).toBe(6);
    const at = (event: string) => events.indexOf(event);
    // Chunk 2's Accounts go while chunk 1's snapshots are being written …
    expect(at('accounts 2 start')).toBeLessThan(at('snapshots 0 end'));
    // … a chunk's snapshots only after its own Accounts …
    for (const chunk of ['0', '2', '4'])
      expect(at(`snapshots ${chunk} start`)).toBeGreaterThan(at(`accounts ${chunk} end`));
    // … and not after the chunk before's: the org always has the next job to work on.
    expect(at('snapshots 2 start')).toBeLessThan(at('snapshots 0 end'));
    // At most two chunks in flight: chunk 3 waits for chunk 1 to be written.
    expect(at('accounts 4 start')).toBeGreaterThan(at('snapshots 0 end'));
  });

  it('fails the run with the write error even when it happens while the next chunk is scored', async () => {
    const accounts = Array.from({ length: 4 }, (_, k) => ({ Id: `00100000000000${k}AAA` }));
    const { org } = memoryOrg(accounts);
    org.update = async () => {
      throw new Error('org unreachable');
    };

    await expect(
      recompute(org, scorer, {
        history: shippedHistory,
        asOf: '2026-11-20',
        failuresFile: '/dev/null',
        chunkSize: 2
      })
    ).rejects.toThrow('org unreachable');
  });

  it('writes the health fields and one snapshot per account per day, also when rerun', async () => {
    const { org, byId, snapshots } = memoryOrg([{ Id: ACCOUNT }], highCases(1));

    const summary = await run(org);
    await run(org);

    expect(summary).toMatchObject({
      accounts: 1,
      scored: 1,
      byStatus: { Yellow: 1 },
      changedStatus: 1,
      failed: 0
    });
    expect(byId.get(ACCOUNT)).toMatchObject({
      Health_Score__c: 65,
      Health_Status__c: 'Yellow',
      Health_Scored_At__c: '2026-11-20T03:00:00.000Z'
    });
    expect([...snapshots.keys()]).toEqual([`${ACCOUNT}-2026-11-20`]);
    const snapshot = snapshots.get(`${ACCOUNT}-2026-11-20`)!;
    expect(snapshot).toMatchObject({ Score__c: 65, Status__c: 'Yellow' });
    expect(readBreakdown(String(snapshot.Breakdown__c), [])).toMatchObject({
      version: 2,
      override: null
    });
  });

  it('shows an active override as the status but stores the computed score and status', async () => {
    const { org, byId, snapshots, posts } = memoryOrg(
      [
        {
          Id: ACCOUNT,
          Health_Status__c: 'Green',
          Health_Override__c: 'Green',
          Health_Override_Until__c: '2026-11-20'
        }
      ],
      highCases(3)
    );

    const summary = await run(org);

    expect(byId.get(ACCOUNT)).toMatchObject({ Health_Status__c: 'Green', Health_Score__c: 0 });
    expect(snapshots.get(`${ACCOUNT}-2026-11-20`)).toMatchObject({ Status__c: 'Red', Score__c: 0 });
    expect(summary.overridesHonoured).toBe(1);
    expect(posts).toEqual([]);
  });

  it("honours an override to a status an admin added to the model's bands", async () => {
    const model = loadProjectModel();
    const amber = { status: 'Amber', min: 50, max: 59 };
    const withAmber = { ...scorer, model: { ...model, bands: [...model.bands, amber] } };
    const { org, byId, snapshots } = memoryOrg(
      [{ Id: ACCOUNT, Health_Status__c: 'Amber', Health_Override__c: 'Amber' }],
      highCases(3)
    );

    const summary = await recompute(org, withAmber, {
      history: shippedHistory,
      asOf: '2026-11-20',
      failuresFile: '/dev/null',
      now: () => new Date('2026-11-20T03:00:00Z')
    });

    expect(summary.overridesHonoured).toBe(1);
    expect(byId.get(ACCOUNT)).toMatchObject({ Health_Status__c: 'Amber' });
    expect(snapshots.get(`${ACCOUNT}-2026-11-20`)).toMatchObject({
      Status__c: 'Red',
      Override_Status__c: 'Amber'
    });
  });

  it('ignores an override whose expiry has passed', async () => {
    const { org, byId } = memoryOrg(
      [{ Id: ACCOUNT, Health_Override__c: 'Green', Health_Override_Until__c: '2026-11-19' }],
      highCases(3)
    );
    await run(org);
    expect(byId.get(ACCOUNT)!.Health_Status__c).toBe('Red');
  });

  it('posts one alert when the status falls to Red, and not again on the next runs', async () => {
    const { org, byId, posts } = memoryOrg(
      [{ Id: ACCOUNT, Health_Status__c: 'Green', Account_Manager__c: '005000000000009AAA' }],
      highCases(2)
    );

    const first = await run(org);
    await run(org, '2026-11-21');

    expect(first).toMatchObject({ alerts: 1, alertsPosted: 1 });
    expect(posts).toHaveLength(1);
    expect(posts[0].subjectId).toBe(ACCOUNT);
    expect(posts[0].segments).toContainEqual({ type: 'Mention', id: '005000000000009AAA' });
    expect(byId.get(ACCOUNT)!.Health_Alert_Status__c).toBe('Red');
  });

  it('writes nothing on a dry run', async () => {
    const { org, byId, snapshots, posts } = memoryOrg(
      [{ Id: ACCOUNT, Health_Status__c: 'Green' }],
      highCases(2)
    );

    const summary = await recompute(org, scorer, {
      history: shippedHistory,
      asOf: '2026-11-20',
      dryRun: true
    });

    expect(summary).toMatchObject({
      dryRun: true,
      scored: 1,
      alerts: 1,
      alertsPosted: 0,
      failuresFile: null
    });
    expect(byId.get(ACCOUNT)!.Health_Status__c).toBe('Green');
    expect(snapshots.size).toBe(0);
    expect(posts).toEqual([]);
  });
});
