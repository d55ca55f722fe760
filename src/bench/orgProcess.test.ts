import { startOrgProcess, type OrgProcess } from './orgProcess';

/** The benches' org in its own process: reached only over HTTP, counting what it serves. */
describe('startOrgProcess', () => {
  let org: OrgProcess;
  beforeAll(async () => {
    org = await startOrgProcess({
      kind: 'accounts',
      accounts: 30,
      asOf: '2026-06-01',
      withTiers: true
    });
  }, 60_000);
  afterAll(() => org?.close());

  it('serves the seeded book over jsforce and counts the requests it answered', async () => {
    const before = await org.stats();
    const result = await org.conn.query<{ Id: string }>('SELECT Id FROM Account');
    expect(result.totalSize).toBe(30);
    const after = await org.stats();
    expect(after.apiRequests - before.apiRequests).toBe(1);
    expect(after.peakRss).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('gives each persona its own token', async () => {
    const seller = org.connAs('seller');
    const me = await seller.request<{ user_id: string }>('/services/oauth2/userinfo');
    const admin = await org.conn.request<{ user_id: string }>('/services/oauth2/userinfo');
    expect(me.user_id).not.toBe(admin.user_id);
    expect(() => org.connAs('nobody')).toThrow('No local org user for nobody');
  });
});
