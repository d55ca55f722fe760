import { loadProjectModel } from '../../metadata/projectModel';
import { loadContract, pinnedMessageProblems, type Fixture } from '../../testkit/handover/contract';
import { expectedTasks, plansOnAccept } from '../../testkit/handover/contractTasks';
import { runFixture, type ContractOrg } from '../../testkit/handover/contractRun';
import { memoryOrg } from '../../testkit/handover/memoryOrg';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// Every fixture of the shared contract against the twin. HandoverControllerContract_Tests
// runs the same file (static resource BatonHandoverContract) against the Apex.

const today = new Date().toISOString().slice(0, 10);

function memoryContractOrg(): ContractOrg {
  const org = memoryOrg();
  const seller = org.insert('User', { Name: 'Sanna Seller' }).Id;
  const am = org.insert('User', { Name: 'Aki Manager' }).Id;
  const previousAm = org.insert('User', { Name: 'Juha Former' }).Id;
  const actor = (userId: string) => ({
    conn: org.connAs(userId),
    userId,
    baseUrl: 'http://memory.invalid',
    asOf: new Date()
  });
  return {
    admin: org.connAs(org.insert('User', { Name: 'Admin' }).Id),
    seller: actor(seller),
    am: actor(am),
    previousAm: actor(previousAm)
  };
}

describe('accept fixtures pin the core planner over Tier_Cadence__mdt', () => {
  const accepts = loadContract().filter(plansOnAccept);

  it('has an accept fixture for each tier', () => {
    const tiers = accepts.map((fixture) => fixture.given.handover?.Proposed_Touch_Tier__c);
    expect([...new Set(tiers)].sort()).toEqual(['High', 'Low', 'Tech']);
  });

  it.each(accepts.map((fixture) => [fixture.name, fixture] as const))(
    '%s lists the Tasks the core plans from the metadata records (else: npx tsx src/services/handover/contractTasks.ts)',
    (_name, fixture) => {
      const tasks = expectedTasks(fixture, today);
      expect(fixture.then.tasks).toEqual(tasks);
      expect(fixture.then.touchpoints).toBe(tasks.length);
    }
  );

  it('follows a changed Tier_Cadence__mdt record, so a side that ignores it fails the contract', () => {
    const shipped = loadProjectModel();
    const high = accepts.find(
      (fixture) =>
        fixture.given.handover?.Proposed_Touch_Tier__c === 'High' &&
        !fixture.given.account.Customer_Stage__c
    )!;
    const changed = {
      ...shipped,
      cadence: {
        ...shipped.cadence,
        High: { ...shipped.cadence.High, firstContactDays: 21, meetingIntervalDays: 120 }
      }
    };
    const plan = expectedTasks(high, today, changed).map(
      (task) => `${task.Touchpoint_Key__c} ${task.ActivityDate}`
    );
    expect(plan).toEqual([
      '@account:goal-review @today+365',
      '@account:kickoff @today+21',
      '@account:recurring-meeting-1 @today+120',
      '@account:recurring-meeting-2 @today+240',
      '@account:recurring-meeting-3 @today+360',
      '@account:success-check @today+60'
    ]);
  });
});

describe('the messages the contract pins', () => {
  const pinned = loadContract().filter((fixture) => fixture.then.error?.message);

  it('pins what the user reads of every refusal in the contract', () => {
    const unpinned = loadContract().filter(
      (fixture) => fixture.then.error && !fixture.then.error.message
    );
    expect(unpinned.map((fixture) => fixture.name)).toEqual([]);
  });

  it('fits each English and Finnish text to its Custom Label', () => {
    expect(pinnedMessageProblems(pinned, `${__dirname}/../../..`)).toEqual([]);
  });

  // The memory org describes fields in the reader's language, as an org does; the local org
  // describes them in English only.
  it.each(pinned.map((fixture) => [fixture.name, fixture] as const))(
    '%s: the twin writes the Finnish text to Finnish users',
    async (_name, fixture) => {
      const finnish = { seller: 'fi', am: 'fi', previousAm: 'fi' };
      const variant = { ...fixture, given: { ...fixture.given, languages: finnish } };
      const observed = await runFixture(memoryContractOrg(), variant, today);
      expect(observed.error).toEqual(fixture.then.error);
    }
  );
});

// The memory org runs no triggers, so a deal won there drafts nothing, and it pages no query
// cursor as the daily reminder reads: those fixtures run on the local org (below) and in Apex.
const withoutTriggers = (fixture: Fixture) =>
  !fixture.when.some((step) => step.method === 'winDeal' || step.method === 'remind');

describe('handover contract fixtures against the twin (memory org)', () => {
  it.each(
    loadContract()
      .filter(withoutTriggers)
      .map((fixture) => [fixture.name, fixture] as const)
  )('%s', async (_name, fixture) => {
    const observed = await runFixture(memoryContractOrg(), fixture, today);
    expect(observed).toEqual(fixture.then);
  });
});

describe('handover contract fixtures against the twin (local org, through jsforce)', () => {
  let testOrg: TestOrg;
  let org: ContractOrg;

  beforeAll(async () => {
    testOrg = await startTestOrg();
    const [am, previousAm] = testOrg.org.users.filter((user) => user.persona === 'accountManager');
    const actor = (userId: string) => {
      const conn = testOrg.connAs(userId);
      return { conn, userId, baseUrl: conn.instanceUrl, asOf: new Date() };
    };
    org = {
      admin: testOrg.conn,
      seller: actor(testOrg.org.users.find((user) => user.persona === 'seller')!.id),
      am: actor(am.id),
      previousAm: actor(previousAm.id)
    };
  }, 60_000);

  afterAll(async () => {
    await testOrg?.close();
  });

  it.each(loadContract().map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    async (_name, fixture) => {
      const observed = await runFixture(org, fixture, today);
      expect(observed).toEqual(fixture.then);
    }
  );
});
