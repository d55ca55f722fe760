import { addDays } from '../../../core';
import { loadProjectModel } from '../../../metadata/projectModel';
import { startTestOrg, type TestOrg } from '../../../testkit/testOrg';
import { setOverride } from './healthController';

// The twin of HealthController.setOverride through jsforce → local org, as the account
// manager: without an end date the override lasts the Override band's Days__c
// (Health_Band__mdt), the value the Apex reads too, never a copied 30.

jest.setTimeout(60_000);

let testOrg: TestOrg;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  testOrg = await startTestOrg();
});

afterAll(async () => {
  await testOrg?.close();
});

async function overrideUntil(model = loadProjectModel()): Promise<unknown> {
  const created = await testOrg.conn.sobject('Account').create({ Name: `Override ${Date.now()}` });
  const accountId = created.id as string;
  const am = testOrg.connAs('accountManager');
  await setOverride(am, { accountId, status: 'Red', reason: 'Escalation' }, model, testOrg.conn);
  const saved = await testOrg.conn.sobject('Account').retrieve(accountId);
  return (saved as Record<string, unknown>).Health_Override_Until__c;
}

describe('health override default length (twin of HealthController.setOverride)', () => {
  it('lasts the shipped Health_Band.Override_Expiry days', async () => {
    const shipped = loadProjectModel().overrideDays;
    await expect(overrideUntil()).resolves.toBe(addDays(today, shipped));
  });

  it('refuses an empty date as the Apex Date parameter does: a cleared date field sends null', async () => {
    const created = await testOrg.conn
      .sobject('Account')
      .create({ Name: `Override ${Date.now()}` });
    const params = { accountId: created.id, status: 'Red', reason: 'Escalation', until: '' };
    await expect(
      setOverride(testOrg.connAs('accountManager'), params, loadProjectModel())
    ).rejects.toThrow(/must be a date/);
  });

  it("accepts the model's Status bands and names them when refusing another status", async () => {
    const params = { accountId: '001000000000001AAA', reason: 'Escalation' };
    const shipped = loadProjectModel();
    await expect(
      setOverride(testOrg.connAs('accountManager'), { ...params, status: 'Blue' }, shipped)
    ).rejects.toThrow('Status must be Green, Yellow or Red.');
    const amber = {
      ...shipped,
      bands: shipped.bands.map((band) =>
        band.status === 'Yellow' ? { ...band, status: 'Amber' } : band
      )
    };
    await expect(
      setOverride(testOrg.connAs('accountManager'), { ...params, status: 'Yellow' }, amber)
    ).rejects.toThrow('Status must be Green, Amber or Red.');
  });

  it('follows a changed Override band, so a copied constant would fail', async () => {
    await expect(overrideUntil({ ...loadProjectModel(), overrideDays: 7 })).resolves.toBe(
      addDays(today, 7)
    );
  });

  it('refuses an end past the Override band Max_Value__c (an override until 2030 was taken) and records who set it and when', async () => {
    const created = await testOrg.conn
      .sobject('Account')
      .create({ Name: `Override ${Date.now()}` });
    const am = testOrg.connAs('accountManager');
    const model = loadProjectModel();
    const params = { accountId: created.id, status: 'Green', reason: 'Renewal' };
    await expect(
      setOverride(am, { ...params, until: '2030-01-01' }, model, testOrg.conn)
    ).rejects.toThrow(
      `An override may last at most ${model.overrideMaxDays} days: until ${addDays(today, model.overrideMaxDays)} at the latest.`
    );
    const longest = addDays(today, model.overrideMaxDays);
    await setOverride(am, { ...params, until: longest }, model, testOrg.conn);
    const saved = (await testOrg.conn.sobject('Account').retrieve(created.id!)) as Record<
      string,
      unknown
    >;
    const manager = testOrg.org.users.find((user) => user.persona === 'accountManager')!;
    expect(saved).toMatchObject({
      Health_Override_Until__c: longest,
      Health_Override_Set_By__c: manager.id
    });
    expect(Date.now() - Date.parse(String(saved.Health_Override_Set_At__c))).toBeLessThan(60_000);
  });
});
