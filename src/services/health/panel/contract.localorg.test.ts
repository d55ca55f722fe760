import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { addDays } from '../../../core';
import { startTestOrg, type TestOrg } from '../../../testkit/testOrg';
import { loadModelFromOrg } from '../../../org/orgModel';
import type { HealthView } from './healthController';

// The shared contract (static resource BatonHealthContract, also run by the Apex
// HealthControllerContract_Tests) against the TypeScript twin, called as the preview calls it:
// POST /services/apexrest-local/HealthController/<method> through jsforce, as the fixture's user.

type Fields = Record<string, unknown>;

type Fixture = {
  name: string;
  given: {
    account: Fields;
    snapshots: { daysAgo: number; score: number; status: string; breakdown: string | null }[];
    surveys: { type: string; score: number; daysAgo: number }[];
  };
  when: {
    as: 'am' | 'seller';
    method: 'getHealth' | 'setOverride' | 'clearOverride';
    params: Fields;
  };
  then: {
    error?: string;
    refused?: boolean;
    view?: {
      snapshotScores: number[];
      breakdown: string | null;
      surveys: { surveyType: string; score: number }[];
      canOverride?: boolean;
    };
    account?: Fields;
  };
};

const contract = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../force-app/main/default/staticresources/BatonHealthContract.json'),
    'utf8'
  )
) as { fixtures: Fixture[] };

/** The fixture's users as the local org's personas. */
const PERSONAS = { am: 'accountManager', seller: 'seller' } as const;
const DAY_MS = 86_400_000;
const today = new Date().toISOString().slice(0, 10);

/** '@today+N', '@today-N', '@today+@overrideDays' → an ISO date; anything else unchanged. */
function resolve(value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith('@today')) return value;
  const offset = value.slice('@today'.length);
  if (offset === '+@overrideDays') return addDays(today, overrideDays);
  return addDays(today, Number(offset));
}

const resolveAll = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, resolve(value)]));

let testOrg: TestOrg;
let admin: Connection;
/** The Override band's Days__c (Health_Band__mdt), read from the org as the Apex test does. */
let overrideDays: number;

beforeAll(async () => {
  testOrg = await startTestOrg();
  admin = testOrg.conn;
  overrideDays = (await loadModelFromOrg(admin)).overrideDays;
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

/** The Account is the seller's, as in the Apex run; the records go in as the admin. */
async function given(spec: Fixture['given']): Promise<string> {
  const sellerId = testOrg.org.users.find((user) => user.persona === 'seller')!.id;
  const account = await admin
    .sobject('Account')
    .create({ ...resolveAll(spec.account), OwnerId: sellerId });
  const accountId = account.id as string;
  for (const snapshot of spec.snapshots) {
    const computedAt = new Date(Date.now() - snapshot.daysAgo * DAY_MS).toISOString();
    await admin.sobject('Health_Snapshot__c').create({
      Account__c: accountId,
      Score__c: snapshot.score,
      Status__c: snapshot.status,
      Breakdown__c: snapshot.breakdown,
      Computed_At__c: computedAt,
      Snapshot_Key__c: `${accountId}-${computedAt.slice(0, 10)}`
    });
  }
  for (const survey of spec.surveys)
    await admin.sobject('Survey_Response__c').create({
      Account__c: accountId,
      Type__c: survey.type,
      Score__c: survey.score,
      Responded_On__c: addDays(today, -survey.daysAgo)
    });
  return accountId;
}

/** As the preview's `@salesforce/apex/HealthController.<method>` does. */
function callTwin(step: Fixture['when'], accountId: string): Promise<HealthView> {
  return testOrg.connAs(PERSONAS[step.as]).request<HealthView>({
    method: 'POST',
    url: `/services/apexrest-local/HealthController/${step.method}`,
    body: JSON.stringify({ ...resolveAll(step.params), accountId }),
    headers: { 'Content-Type': 'application/json' }
  });
}

/** Only what the fixture pins: the history's scores, breakdown, surveys, canOverride if given. */
function shown(view: HealthView | undefined, expected: NonNullable<Fixture['then']['view']>) {
  return (
    view && {
      snapshotScores: view.snapshots.map((snapshot) => snapshot.score),
      breakdown: view.breakdown,
      surveys: view.surveys.map(({ surveyType, score }) => ({ surveyType, score })),
      ...('canOverride' in expected ? { canOverride: view.canOverride } : {})
    }
  );
}

async function accountFields(accountId: string, fields: string[]) {
  const { records } = await admin.query<Fields>(
    `SELECT ${fields.join(', ')} FROM Account WHERE Id = '${accountId}'`
  );
  return Object.fromEntries(fields.map((field) => [field, records[0]?.[field] ?? null]));
}

describe('HealthController contract (TypeScript twin through the local org)', () => {
  it.each(contract.fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    async (_name, fixture) => {
      const accountId = await given(fixture.given);
      let view: HealthView | undefined;
      let error: string | null = null;
      try {
        view = await callTwin(fixture.when, accountId);
      } catch (failure) {
        error = (failure as Error).message;
      }
      const { then } = fixture;
      // Observed in the fixture's own terms, so one comparison shows every difference. The
      // org's wording of an access refusal is not pinned (a real org words it otherwise).
      const observed = {
        ...('refused' in then
          ? { refused: error !== null }
          : 'error' in then || error !== null
            ? { error }
            : {}),
        ...(then.view ? { view: shown(view, then.view) } : {}),
        ...(then.account
          ? { account: await accountFields(accountId, Object.keys(then.account)) }
          : {})
      };
      expect(observed).toEqual({
        ...then,
        ...(then.account ? { account: resolveAll(then.account) } : {})
      });
    }
  );
});
