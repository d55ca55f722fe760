import { loadContract } from './contract';
import { runFixture, type ContractOrg } from './contractRun';
import { memoryOrg } from './memoryOrg';
import { startTestOrg, type TestOrg } from '../../localorg/testing';

// Every fixture of the shared contract against the twin. HandoverControllerContract_Tests
// runs the same file (static resource BatonHandoverContract) against the Apex.

const today = new Date().toISOString().slice(0, 10);

function memoryContractOrg(): ContractOrg {
  const org = memoryOrg();
  const seller = org.insert('User', { Name: 'Sanna Seller' }).Id;
  const am = org.insert('User', { Name: 'Aki Manager' }).Id;
  const actor = (userId: string) => ({
    conn: org.connAs(userId),
    userId,
    baseUrl: 'http://memory.invalid',
    asOf: new Date()
  });
  return {
    admin: org.connAs(org.insert('User', { Name: 'Admin' }).Id),
    seller: actor(seller),
    am: actor(am)
  };
}

describe('handover contract fixtures against the twin (memory org)', () => {
  it.each(loadContract().map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    async (_name, fixture) => {
      const observed = await runFixture(memoryContractOrg(), fixture, today);
      expect(observed).toEqual(fixture.then);
    }
  );
});

describe('handover contract fixtures against the twin (local org, through jsforce)', () => {
  let testOrg: TestOrg;
  let org: ContractOrg;

  beforeAll(async () => {
    testOrg = await startTestOrg();
    const actor = (persona: string) => {
      const userId = testOrg.org.users.find((user) => user.persona === persona)!.id;
      const conn = testOrg.connAs(persona);
      return { conn, userId, baseUrl: conn.instanceUrl, asOf: new Date() };
    };
    org = { admin: testOrg.conn, seller: actor('seller'), am: actor('accountManager') };
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
