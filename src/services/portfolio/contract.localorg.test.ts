import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { addDays, daysBetween } from '../../core/dates';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import type { PortfolioView } from './portfolioController';

// The shared portfolio contract (static resource BatonPortfolioContract, also run by the Apex
// PortfolioControllerContract_Tests) against the TypeScript twin, called as the page calls it,
// each fixture on a fresh local org as the Apex test runs each on an empty one.

type AccountSpec = {
  fields: Record<string, unknown>;
  dates?: Record<string, number>;
  managedByMe?: boolean;
  overrideSetByMe?: boolean;
  snapshots?: { daysAgo: number; score: number | null; breakdown: string }[];
  tasks?: { dueInDays: number; key?: string; closed?: boolean }[];
  outcomes?: { type: string; daysAgo: number; arrBefore?: number; arrAfter?: number }[];
};
type ShownMover = Omit<PortfolioView['movers']['up'][number], 'id'>;
type Fixture = {
  name: string;
  given: { accounts: AccountSpec[] };
  when: { params: Record<string, unknown> };
  then: {
    movers?: { up: ShownMover[]; down: ShownMover[] };
    workload?: {
      capacityHours: number;
      managers: {
        accounts: number;
        touchpoints: number;
        hours: number;
        overBy: number;
        overdueTouchpoints: number;
      }[];
    };
    accountHours?: Record<string, number>;
    retention?: PortfolioView['retention'];
    overrides?: { name: string; status: string; untilInDays: number | null; setBy: string }[];
    trials?: PortfolioView['trials'];
    bands?: PortfolioView['bands'];
    arrAtRisk?: number;
  };
};

const contract = JSON.parse(
  readFileSync(
    join(__dirname, '../../../force-app/main/default/staticresources/BatonPortfolioContract.json'),
    'utf8'
  )
) as { fixtures: Fixture[] };

jest.setTimeout(60_000);

let testOrg: TestOrg | undefined;
afterEach(async () => {
  await testOrg?.close();
  testOrg = undefined;
});

const noonDaysAgo = (today: string, days: number) => `${addDays(today, -days)}T12:00:00.000Z`;

async function given(conn: Connection, me: string, spec: Fixture['given']) {
  const today = new Date().toISOString().slice(0, 10);
  for (const account of spec.accounts) {
    const dates = Object.fromEntries(
      Object.entries(account.dates ?? {}).map(([field, days]) => [field, addDays(today, days)])
    );
    const accountId = (
      await conn.sobject('Account').create({
        ...account.fields,
        ...dates,
        ...(account.managedByMe ? { Account_Manager__c: me } : {}),
        ...(account.overrideSetByMe ? { Health_Override_Set_By__c: me } : {})
      })
    ).id as string;
    for (const snapshot of account.snapshots ?? [])
      await conn.sobject('Health_Snapshot__c').create({
        Account__c: accountId,
        Score__c: snapshot.score,
        Computed_At__c: noonDaysAgo(today, snapshot.daysAgo),
        Breakdown__c: snapshot.breakdown
      });
    for (const task of account.tasks ?? [])
      await conn.sobject('Task').create({
        WhatId: accountId,
        Subject: task.key ?? 'Call',
        ActivityDate: addDays(today, task.dueInDays),
        Status: task.closed ? 'Completed' : 'Not Started',
        Touchpoint_Key__c: task.key ? `${accountId}:${task.key}` : null
      });
    for (const outcome of account.outcomes ?? [])
      await conn.sobject('Customer_Outcome__c').create({
        Account__c: accountId,
        Type__c: outcome.type,
        Outcome_Date__c: addDays(today, -outcome.daysAgo),
        ARR_Before__c: outcome.arrBefore ?? null,
        ARR_After__c: outcome.arrAfter ?? null
      });
  }
}

describe('PortfolioController contract (TypeScript twin)', () => {
  it.each(contract.fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    async (_name, fixture) => {
      testOrg = await startTestOrg();
      const admin = testOrg.org.users.find((user) => user.persona === 'admin')!;
      const [me, myName] = [admin.id, admin.name];
      const today = new Date().toISOString().slice(0, 10);
      await given(testOrg.conn, me, fixture.given);
      const view = await testOrg.conn.request<PortfolioView>({
        method: 'POST',
        url: '/services/apexrest-local/PortfolioController/getPortfolio',
        body: JSON.stringify(fixture.when.params),
        headers: { 'Content-Type': 'application/json' }
      });
      // Only what the fixture pins is compared.
      const shown: Fixture['then'] = {
        movers: {
          up: view.movers.up.map(({ id: _id, ...mover }) => mover),
          down: view.movers.down.map(({ id: _id, ...mover }) => mover)
        },
        workload: {
          capacityHours: view.workload.capacityHours,
          managers: view.workload.managers.map((manager) => ({
            accounts: manager.accounts,
            touchpoints: manager.touchpoints,
            hours: manager.hours,
            overBy: manager.overBy,
            overdueTouchpoints: manager.overdueTouchpoints
          }))
        },
        accountHours: Object.fromEntries(
          Object.keys(fixture.then.accountHours ?? {}).map((name) => [
            name,
            view.accounts.find((account) => account.name === name)?.hours ?? NaN
          ])
        ),
        retention: view.retention,
        trials: view.trials,
        // The bands' order is the twin's (by ARR) and not the Apex's, so they compare by status.
        bands: [...view.bands].sort((a, b) => a.status.localeCompare(b.status)),
        arrAtRisk: view.arrAtRisk,
        overrides: view.overrides
          .map((account) => ({
            name: account.name ?? '',
            status: account.status ?? '',
            untilInDays: account.overrideUntil ? daysBetween(today, account.overrideUntil) : null,
            setBy: account.overrideSetBy === myName ? '$me' : (account.overrideSetBy ?? '')
          }))
          .sort((a, b) => a.name.localeCompare(b.name))
      };
      const pinned = Object.keys(fixture.then) as (keyof Fixture['then'])[];
      expect(Object.fromEntries(pinned.map((key) => [key, shown[key]]))).toEqual(fixture.then);
    }
  );
});
