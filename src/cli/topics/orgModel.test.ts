import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, suggestTier } from '../../core';
import { loadProjectModel } from '../../metadata/projectModel';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { loadModelFromOrg } from '../../org/orgModel';
import { countApiCalls } from '../../services/health/recompute/apiCalls';
import { register as registerHandover } from './handover';
import { register as registerHealth } from './health';
import { register as registerTier } from './tier';
import { register as registerTouchpoints } from './touchpoints';
import { runCliJson } from '../../testkit/runCli';

// The org-backed commands run with the connected org's custom metadata, not force-app's: an
// admin's edit in the org reaches `tier assign`, `health recompute`, `health explain`,
// `touchpoints onboarding` and `handover submit|accept` (jsforce → local org → SQLite), as
// Apex's getAll() sees it.

jest.setTimeout(60_000);

let testOrg: TestOrg;
/** The persona the next command runs as (handover answers need the account manager). */
let persona = 'admin';
const connect = jest.fn(async () => testOrg.connAs(persona));
const AS_OF = new Date().toISOString().slice(0, 10);

// A fresh org per test: each one changes the org's custom metadata.
beforeEach(async () => {
  testOrg = await startTestOrg({ twins: false });
});

afterEach(async () => {
  persona = 'admin';
  jest.restoreAllMocks();
  process.exitCode = undefined;
  await testOrg?.close();
});

/**
 * Arranges an admin's edit of a custom metadata record. A real org takes these edits through
 * Setup or a metadata deploy, never through the REST sObject API, so the test writes the
 * local org's SQLite row directly (the same seam the local org loads force-app's records
 * through); everything under test then reads it back through jsforce and SOQL.
 */
function setMetadata(type: string, developerName: string, fields: Record<string, unknown>) {
  for (const [field, value] of Object.entries(fields)) {
    const changed = testOrg.org.core.db
      .prepare(`UPDATE "${type}" SET "${field}" = ? WHERE DeveloperName = ?`)
      .run(value, developerName).changes;
    expect(changed).toBe(1);
  }
}

const run = (...args: string[]) =>
  runCliJson([registerHealth, registerTier, registerTouchpoints, registerHandover], connect, args);

async function accountField(id: string, field: string): Promise<unknown> {
  const result = await testOrg.conn.query<Record<string, unknown>>(
    `SELECT ${field} FROM Account WHERE Id = '${id}'`
  );
  return result.records[0][field];
}

describe('org-backed commands read the model from the org', () => {
  it('loadModelFromOrg: an unchanged org gives exactly the project model', async () => {
    expect(await loadModelFromOrg(testOrg.conn)).toEqual(loadProjectModel());
  });

  it('loadModelFromOrg reads the five custom metadata types in one API call', async () => {
    const calls = countApiCalls(testOrg.conn);
    try {
      await loadModelFromOrg(testOrg.conn);
      expect(calls.count()).toBe(1);
    } finally {
      calls.stop();
    }
  });

  it("tier assign follows the org's Touch_Tier_Rule__mdt threshold, not force-app's", async () => {
    // ARR 30 000 with potential 2: Low by the shipped rules (High from ARR 50 000).
    const account = { mrr: 2500, growthPotential: 2, strategic: false };
    expect(suggestTier(account, loadProjectModel()).suggested).toBe('Low');
    const { id } = await testOrg.conn.sobject('Account').create({
      Name: 'Kynnys Oy',
      MRR__c: account.mrr,
      Growth_Potential__c: account.growthPotential
    });
    setMetadata('Touch_Tier_Rule__mdt', 'Large_ARR', { Min_ARR__c: 25000 });

    const { json, exitCode } = await run('tier', 'assign');
    expect(exitCode).toBe(0);
    expect(json.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          accountId: id,
          to: 'High',
          reason: 'ARR 30\u202f000 ≥ 25\u202f000'
        })
      ])
    );
    expect(await accountField(id as string, 'Touch_Tier__c')).toBe('High');
  });

  it("health recompute and explain follow the org's Health_Band__mdt boundaries", async () => {
    const managerId = testOrg.org.users.find((user) => user.persona === 'accountManager')!.id;
    const { id } = await testOrg.conn.sobject('Account').create({
      Name: 'Raja Oy',
      Account_Manager__c: managerId,
      Touch_Tier__c: 'Low',
      Licensed_Seats__c: 10,
      Overdue_Invoices__c: 0
    });
    const accountId = id as string;
    await testOrg.conn.sobject('Survey_Response__c').create({
      Account__c: accountId,
      Type__c: 'NPS',
      Score__c: 6,
      Responded_On__c: addDays(AS_OF, -3)
    });
    await testOrg.conn.sobject('Usage_Snapshot__c').create({
      Account__c: accountId,
      Period_End__c: addDays(AS_OF, -3),
      Active_Users__c: 5,
      Logins__c: 200
    });
    const recompute = () => run('health', 'recompute', '--accounts', accountId);

    expect((await recompute()).exitCode).toBe(0);
    const score = (await accountField(accountId, 'Health_Score__c')) as number;
    // A detractor and half the seats active: Yellow by the shipped bands (40–69).
    expect(await accountField(accountId, 'Health_Status__c')).toBe('Yellow');
    expect(score).toBeGreaterThan(40);
    expect(score).toBeLessThan(70);

    // An admin lowers Green to start at this very score (Yellow ends just below it).
    setMetadata('Health_Band__mdt', 'Green', { Min_Value__c: score });
    setMetadata('Health_Band__mdt', 'Yellow', { Max_Value__c: score - 1 });

    expect((await recompute()).exitCode).toBe(0);
    expect(await accountField(accountId, 'Health_Score__c')).toBe(score);
    expect(await accountField(accountId, 'Health_Status__c')).toBe('Green');
    const explained = await run('health', 'explain', '--account', accountId);
    expect(explained.json.result).toMatchObject({ score, status: 'Green' });
  });

  it('an invalid record in the org is named (type, record, field) and nothing is written', async () => {
    const { id } = await testOrg.conn.sobject('Account').create({ Name: 'Rikki Oy', MRR__c: 5000 });
    setMetadata('Health_Band__mdt', 'Green', { Max_Value__c: 10 });

    for (const command of [
      ['tier', 'assign'],
      ['health', 'recompute']
    ]) {
      const { json, exitCode } = await run(...command);
      expect(exitCode).toBe(1);
      expect(json).toMatchObject({ code: 'INVALID_MODEL' });
      expect(json.message).toContain(
        "The org's custom metadata is invalid: Health_Band__mdt.Green: Max_Value__c: must be ≥ Min_Value__c."
      );
    }
    expect(await accountField(id as string, 'Touch_Tier__c')).toBeNull();
    expect(await accountField(id as string, 'Health_Score__c')).toBeNull();
  });

  it("touchpoints onboarding's default target is the org's time-to-first-value Full_At__c", async () => {
    const shipped = loadProjectModel().measures.find((m) => m.kind === 'timeToFirstValue')!;
    const days = shipped.fullAt + 20;
    // Onboarding started between the shipped target and the org's: late only by force-app.
    const managerId = testOrg.org.users.find((user) => user.persona === 'accountManager')!.id;
    const { id } = await testOrg.conn.sobject('Account').create({
      Name: 'Tavoite Oy',
      Account_Manager__c: managerId,
      Onboarding_Started__c: addDays(AS_OF, -(shipped.fullAt + 10))
    });
    const late = async () =>
      (await run('touchpoints', 'onboarding', '--dry-run')).json.alerts.alerts.map(
        (alert: { accountId: string }) => alert.accountId
      );
    expect(await late()).toContain(id);
    setMetadata('Health_Measure__mdt', 'Time_To_First_Value', { Full_At__c: days });
    expect(await late()).not.toContain(id);
  });

  it("handover submit and accept follow the org's Handover_Requirement__mdt and Tier_Cadence__mdt", async () => {
    setMetadata('Handover_Requirement__mdt', 'Risks', { Tiers__c: 'High;Tech' });
    setMetadata('Tier_Cadence__mdt', 'Tech', { First_Contact_Days__c: 9 });
    const idOf = (key: string) => testOrg.org.users.find((user) => user.persona === key)!.id;
    const account = await testOrg.conn.sobject('Account').create({ Name: 'Luovutus Oy' });
    const contact = await testOrg.conn
      .sobject('Contact')
      .create({ LastName: 'Virtanen', AccountId: account.id });
    const file = (record: Record<string, unknown>) => {
      const path = join(mkdtempSync(join(tmpdir(), 'baton-org-model-')), 'handover.json');
      writeFileSync(path, JSON.stringify(record));
      return path;
    };
    // Complete for Tech by force-app's records; the org also asks Tech for the risks.
    const handover = {
      Account__c: account.id,
      Account_Manager__c: idOf('accountManager'),
      Contract_Start__c: '2026-01-05',
      What_Was_Sold__c: 'Baton Pro',
      Primary_Contact__c: contact.id,
      Success_Criteria__c: '40 active users',
      Fit__c: 'Good',
      Proposed_Touch_Tier__c: 'Tech'
    };
    persona = 'seller';
    const refused = await run('handover', 'submit', '--file', file(handover));
    expect(refused.exitCode).toBe(1);
    expect(refused.json).toMatchObject({ code: 'MISSING_REQUIRED_FIELDS' });
    expect(refused.json.message).toMatch(/Risks/);

    // The refused run left its draft, the account's one open handover: the fix names it.
    const draft = await testOrg.conn.query<{ Id: string }>(
      `SELECT Id FROM Handover__c WHERE Account__c = '${account.id}'`
    );
    const submitted = await run(
      'handover',
      'submit',
      '--file',
      file({ Id: draft.records[0].Id, Risks__c: 'Small IT team' })
    );
    expect(submitted.exitCode).toBe(0);
    persona = 'accountManager';
    const accepted = await run('handover', 'accept', '--id', submitted.json.at(-1).id);
    expect(accepted.json).toEqual([expect.objectContaining({ status: 'Accepted' })]);
    // Tech's first contact 9 days after acceptance (0 in force-app).
    const tasks = await testOrg.conn.query<{ Touchpoint_Key__c: string; ActivityDate: string }>(
      `SELECT Touchpoint_Key__c, ActivityDate FROM Task WHERE WhatId = '${account.id}'`
    );
    const welcome = tasks.records.find((task) => task.Touchpoint_Key__c.endsWith(':welcome'));
    expect(welcome?.ActivityDate).toBe(addDays(AS_OF, 9));
  });
});
