import { loadContract } from './contract';
import { runFixture, type ContractOrg } from './contractRun';
import { memoryOrg } from './memoryOrg';

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
