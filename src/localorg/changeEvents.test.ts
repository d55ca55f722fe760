import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming';
import { API_VERSION, startLocalOrg, type LocalOrg } from './server';
import { Store } from './store';
import { ChangeLog } from './changeEvents/changeLog';

const PROJECT = join(__dirname, '..', '..');
const SURVEYS = '/data/Survey_Response__ChangeEvent';

jest.setTimeout(60_000);

interface ChangeMessage {
  event: { replayId: number };
  payload: {
    ChangeEventHeader: {
      entityName: string;
      changeType: string;
      recordIds: string[];
      changedFields: string[];
      commitUser: string;
      commitTimestamp: number;
      transactionKey: string;
      sequenceNumber: number;
    };
    [field: string]: unknown;
  };
}

let dataDir: string;
let org: LocalOrg;
const adminConn = () =>
  new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: API_VERSION
  });

/** Subscribes through jsforce's Faye client and collects what arrives. */
async function listen(channel: string, replayId: number) {
  const received: ChangeMessage[] = [];
  const client = adminConn().streaming.createClient([
    new StreamingExtension.Replay(channel, replayId)
  ]);
  const subscription = client.subscribe(channel, (message: ChangeMessage) => {
    received.push(message);
  });
  await subscription;
  const until = async (count: number) => {
    const deadline = Date.now() + 10_000;
    while (received.length < count && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return received;
  };
  return {
    received,
    until,
    // Awaited: Faye closes its transport only when the org answers the disconnect; a client
    // left waiting retries forever and keeps the test process alive.
    stop: async () => {
      await (client as unknown as { disconnect(): PromiseLike<void> | undefined }).disconnect();
    }
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'baton-cdc-'));
  org = await startLocalOrg({ dataDir, projectDir: PROJECT });
});
afterAll(async () => {
  await org.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Change Data Capture in the local org', () => {
  it('streams each write path (REST, composite, Bulk) to the object channel and ChangeEvents', async () => {
    const conn = adminConn();
    const account = (await conn.sobject('Account').create({ Name: 'Acme CDC' })).id!;
    const surveys = await listen(SURVEYS, -1);
    const everything = await listen('/data/ChangeEvents', -1);

    const created = (
      await conn.sobject('Survey_Response__c').create({
        Account__c: account,
        Type__c: 'NPS',
        Score__c: 9,
        Responded_On__c: '2026-01-05'
      })
    ).id!;
    await conn.requestPost(`/services/data/v${API_VERSION}/composite`, {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'PATCH',
          url: `/services/data/v${API_VERSION}/sobjects/Survey_Response__c/${created}`,
          referenceId: 'rescore',
          body: { Score__c: 3 }
        }
      ]
    });
    await conn.bulk2.loadAndWaitForResults({
      object: 'Survey_Response__c',
      operation: 'insert',
      input: `Account__c,Type__c,Score__c,Responded_On__c\n${account},CSAT,4,2026-01-06\n`
    });
    await conn.sobject('Survey_Response__c').destroy(created);

    const events = await surveys.until(4);
    expect(events.map((e) => e.payload.ChangeEventHeader.changeType)).toEqual([
      'CREATE',
      'UPDATE',
      'CREATE',
      'DELETE'
    ]);
    const [create, update] = events;
    expect(create.payload.ChangeEventHeader).toMatchObject({
      entityName: 'Survey_Response__c',
      recordIds: [created],
      commitUser: org.users.find((u) => u.persona === 'admin')!.id
    });
    expect(create.payload.Account__c).toBe(account);
    expect(update.payload.ChangeEventHeader.changedFields).toContain('Score__c');
    expect(update.payload.Score__c).toBe(3);
    expect(typeof update.payload.ChangeEventHeader.commitTimestamp).toBe('number');
    expect(update.payload.ChangeEventHeader.transactionKey).toBeTruthy();
    const replayIds = events.map((e) => e.event.replayId);
    expect([...replayIds].sort((a, b) => a - b)).toEqual(replayIds);

    // The Account was created before the subscription: only the survey events reach it.
    expect((await everything.until(4)).map((e) => e.payload.ChangeEventHeader.entityName)).toEqual(
      Array(4).fill('Survey_Response__c')
    );
    await surveys.stop();
    await everything.stop();
  });

  it('replays retained events after a restart from a stored replay id, or all with -2', async () => {
    const conn = adminConn();
    const account = (await conn.sobject('Account').create({ Name: 'Replay Ltd' })).id!;
    const first = await listen(SURVEYS, -1);
    const survey = (score: number) => ({
      Account__c: account,
      Type__c: 'NPS',
      Score__c: score,
      Responded_On__c: '2026-01-07'
    });
    await conn.sobject('Survey_Response__c').create(survey(8));
    const [seen] = await first.until(1);
    await first.stop();
    await conn.sobject('Survey_Response__c').create(survey(2));

    await org.close();
    org = await startLocalOrg({ dataDir, projectDir: PROJECT });

    const resumed = await listen(SURVEYS, seen.event.replayId);
    const [missed] = await resumed.until(1);
    expect(missed.payload.Score__c).toBe(2);
    expect(missed.event.replayId).toBeGreaterThan(seen.event.replayId);
    await resumed.stop();

    // -2: every survey event this file wrote, the four of the first test and these two.
    const all = await listen(SURVEYS, -2);
    expect(await all.until(6)).toHaveLength(6);
    await all.stop();
  });

  it("numbers one transaction's events under one key, as an org does", async () => {
    const conn = adminConn();
    const account = (await conn.sobject('Account').create({ Name: 'Yksi Kauppa Oy' })).id!;
    const surveys = await listen(SURVEYS, -1);
    const rows = [1, 2, 3].map((n) => `${account},CSAT,${n},2026-01-0${n}`).join('\n');
    await conn.bulk2.loadAndWaitForResults({
      object: 'Survey_Response__c',
      operation: 'insert',
      input: `Account__c,Type__c,Score__c,Responded_On__c\n${rows}\n`
    });
    await conn.sobject('Survey_Response__c').create({
      Account__c: account,
      Type__c: 'NPS',
      Score__c: 8,
      Responded_On__c: '2026-01-04'
    });
    const headers = (await surveys.until(4)).map((e) => e.payload.ChangeEventHeader);
    expect(headers.map((h) => h.sequenceNumber)).toEqual([1, 2, 3, 1]);
    expect(new Set(headers.slice(0, 3).map((h) => h.transactionKey)).size).toBe(1);
    expect(headers[3].transactionKey).not.toBe(headers[0].transactionKey);
    await surveys.stop();
  });

  it('reads an event kept whole by an earlier version as it was kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-cdc-kept-'));
    const store = new Store(dir);
    try {
      const log = new ChangeLog(store, new Set(['Account']));
      const whole = {
        ChangeEventHeader: { entityName: 'Account', changeType: 'UPDATE' },
        Name: 'Vanha'
      };
      store.db
        .prepare('INSERT INTO _change_events (channel, payload, createdAt) VALUES (?, ?, ?)')
        .run('/data/AccountChangeEvent', JSON.stringify(whole), Date.now());
      log.record('Account', 'UPDATE', '001000000000001AAA', { Name: 'Uusi' }, '005000000000001AAA');
      const [kept, recorded] = log.after('/data/AccountChangeEvent', 0);
      expect(kept.payload).toEqual(whole);
      expect(recorded.payload).toMatchObject({
        ChangeEventHeader: { entityName: 'Account', changeType: 'UPDATE', changedFields: ['Name'] },
        Name: 'Uusi'
      });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
