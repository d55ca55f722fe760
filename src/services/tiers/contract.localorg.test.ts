import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { startTestOrg } from '../../testkit/testOrg';
import { addDays, isoDateOf } from '../../core/dates';
import {
  clearTierOverride,
  getCadence,
  setTierOverride,
  type CadenceView
} from './tierCadenceController';

// The shared contract (static resource BatonTierCadenceContract, also run by the Apex
// TierCadenceControllerContract_Tests) against the TypeScript twin, through the local org.

type Fixture = {
  name: string;
  given: {
    account: Record<string, unknown>;
    tasks: { subject: string; dueInDays: number; key?: string; closed?: boolean }[];
    handover?: Record<string, unknown>;
    startedDaysAgo?: number;
  };
  when: {
    method: 'getCadence' | 'setTierOverride' | 'clearTierOverride';
    params: Record<string, unknown>;
  };
  then: {
    error: string | null;
    view?: {
      subjects: string[];
      touchpointOverdue: boolean[];
      overdue: boolean;
      onboardingModel: string | null;
    };
    account?: Record<string, unknown>;
  };
};

const contract = JSON.parse(
  readFileSync(
    join(
      __dirname,
      '../../../force-app/main/default/staticresources/BatonTierCadenceContract.json'
    ),
    'utf8'
  )
) as { fixtures: Fixture[] };

type TestOrg = Awaited<ReturnType<typeof startTestOrg>>;
let testOrg: TestOrg;
let conn: Connection;

beforeAll(async () => {
  testOrg = await startTestOrg();
  conn = testOrg.conn;
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

async function given(spec: Fixture['given']): Promise<string> {
  const today = isoDateOf(new Date());
  const started =
    spec.startedDaysAgo === undefined ? undefined : addDays(today, -spec.startedDaysAgo);
  const account = started
    ? { ...spec.account, Contract_Start__c: started, Onboarding_Started__c: started }
    : spec.account;
  const accountId = (await conn.sobject('Account').create(account)).id as string;
  for (const task of spec.tasks)
    await conn.sobject('Task').create({
      WhatId: accountId,
      Subject: task.subject,
      ActivityDate: addDays(today, task.dueInDays),
      Status: task.closed ? 'Completed' : 'Not Started',
      Touchpoint_Key__c: task.key ? `${accountId}:${task.key}` : null
    });
  if (spec.handover)
    await conn.sobject('Handover__c').create({
      Account__c: accountId,
      Status__c: 'Accepted',
      Accepted_At__c: new Date().toISOString(),
      ...spec.handover
    });
  return accountId;
}

const twins = { getCadence, setTierOverride, clearTierOverride };

describe('TierCadenceController contract (TypeScript twin)', () => {
  it.each(contract.fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    async (_name, fixture) => {
      const accountId = await given(fixture.given);
      let view: CadenceView | undefined;
      let error: string | null = null;
      try {
        view = await twins[fixture.when.method](conn, { ...fixture.when.params, accountId });
      } catch (failure) {
        error = (failure as Error).message;
      }
      expect(error).toBe(fixture.then.error);
      // Only what the fixture pins is compared: the view's shown parts, the Account's fields.
      const shown = view && {
        subjects: view.touchpoints.map((touchpoint) => touchpoint.subject),
        touchpointOverdue: view.touchpoints.map((touchpoint) => touchpoint.overdue),
        overdue: view.overdue,
        onboardingModel: view.onboardingModel
      };
      expect(fixture.then.view ? shown : undefined).toEqual(fixture.then.view);
      const fields = Object.keys(fixture.then.account ?? {});
      const saved = fields.length
        ? (
            await conn.query<Record<string, unknown>>(
              `SELECT ${fields.join(', ')} FROM Account WHERE Id = '${accountId}'`
            )
          ).records[0]
        : {};
      const { attributes: _attributes, ...actual } = saved;
      expect(actual).toEqual(fixture.then.account ?? {});
    }
  );
});
