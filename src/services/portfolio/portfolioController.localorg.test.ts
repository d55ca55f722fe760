import type { Connection } from 'jsforce';
import { register as registerPortfolio } from '../../cli/topics/portfolio';
import { runCliJson } from '../../testkit/runCli';
import { seedDemoBook } from '../../devstack/seed/seed';
import { startTestOrg, type TestOrg } from '../../testkit/testOrg';
import { countApiCalls } from '../health/recompute/apiCalls';
import { recomputeHealth } from '../health/recompute/recompute';
import { planAllTouchpoints } from '../touchpoints/plan';
import type { PortfolioView } from './portfolioController';

// PortfolioController.getPortfolio's twin, called as the preview calls it (POST
// /services/apexrest-local) by the CS lead, on a seeded, scored and segmented book.

jest.setTimeout(60_000);

let testOrg: TestOrg;
let lead: Connection;

beforeAll(async () => {
  testOrg = await startTestOrg();
  await seedDemoBook(testOrg.conn, { accounts: 60 });
  // As the local org's start does: touchpoints (cadence reads them), then health.
  await planAllTouchpoints(testOrg.conn, { asOf: new Date().toISOString().slice(0, 10) });
  await recomputeHealth(testOrg.conn);
  await runCliJson([registerPortfolio], async () => testOrg.conn, ['portfolio', 'segment']);
  jest.restoreAllMocks();
  lead = testOrg.connAs('lead');
}, 60_000);

afterAll(async () => {
  await testOrg?.close();
});

const portfolio = (conn: Connection, params: Record<string, unknown> = {}) =>
  conn.request<PortfolioView>({
    method: 'POST',
    url: '/services/apexrest-local/PortfolioController/getPortfolio',
    body: JSON.stringify(params),
    headers: { 'Content-Type': 'application/json' }
  });

describe('PortfolioController.getPortfolio as the CS lead', () => {
  it('it_should_return_the_books_figures_in_a_bounded_number_of_api_calls', async () => {
    const counter = countApiCalls(lead);
    const view = await portfolio(lead);
    const callsAt60 = counter.count();
    expect(view.totalAccounts).toBe(60);
    // Churned customers are listed but are out of the bands, ARR at risk, movers and workload.
    const live = view.accounts.filter((account) => account.stage !== 'Churned');
    const churned = view.accounts.filter((account) => account.stage === 'Churned');
    expect(churned.length).toBeGreaterThan(0);
    expect(view.bands.reduce((sum, band) => sum + band.accounts, 0)).toBe(live.length);
    expect(view.arrAtRisk).toBe(
      live
        .filter((account) => account.status === 'Red')
        .reduce((sum, account) => sum + account.arr, 0)
    );
    // The demo book has customers still with us who are Red now, and they are this week's
    // fallers: a CS lead sees revenue to save, not only the churned.
    const liveRed = live.filter((account) => account.status === 'Red');
    expect(liveRed.length).toBeGreaterThanOrEqual(3);
    expect(liveRed.length).toBeLessThanOrEqual(5);
    expect(live.filter((account) => account.status === 'Yellow').length).toBeGreaterThan(0);
    expect(view.arrAtRisk).toBeGreaterThan(0);
    expect(view.movers.down.map((mover) => mover.id)).toEqual(
      expect.arrayContaining(liveRed.map((account) => account.id).slice(0, 1))
    );
    expect(view.movers.up.length).toBeGreaterThan(0);
    const churnedIds = new Set(churned.map((account) => account.id));
    expect(
      [...view.movers.up, ...view.movers.down].filter((mover) => churnedIds.has(mover.id))
    ).toEqual([]);
    expect(churned.every((account) => account.hours === 0)).toBe(true);
    expect(view.workload.managers.reduce((sum, manager) => sum + manager.accounts, 0)).toBe(
      live.filter((account) => account.accountManagerId).length
    );
    expect(view.queue.length).toBeGreaterThan(0);
    expect(view.workload.managers.length).toBeGreaterThan(0);
    expect(view.workload.managers[0].name).toEqual(expect.any(String));

    await testOrg.conn.sobject('Account').create(
      Array.from({ length: 300 }, (_, i) => ({ Name: `Extra ${i}`, MRR__c: 100 + i })),
      { allowRecursive: true }
    );
    const before = counter.count();
    const bigger = await portfolio(lead);
    counter.stop();
    expect(bigger.totalAccounts).toBe(360);
    // One Apex call from the page; inside it the model's five custom metadata types in one
    // batch call and 5 more custom metadata queries (Handover_Setting__mdt for the trial
    // conversion goal), 6 reads of a COUNT() and one query each
    // (Bulk API 2.0 above 10 000 rows), and one more read for the shown movers' breakdowns,
    // whatever the book's size.
    expect(view.movers.up.length + view.movers.down.length).toBeGreaterThan(0);
    expect(counter.count() - before).toBe(callsAt60);
    expect(callsAt60).toBe(1 + 1 + 5 + 6 * 2 + 2);
  });

  it('it_should_filter_by_segment_tier_and_account_manager', async () => {
    const all = await portfolio(lead);
    const manager = all.workload.managers[0];
    const view = await portfolio(lead, {
      segment: 'A',
      tier: 'High',
      accountManagerId: manager.accountManagerId
    });
    expect(view.accounts.length).toBeGreaterThan(0);
    for (const account of view.accounts)
      expect([account.segment, account.tier, account.accountManagerId]).toEqual([
        'A',
        'High',
        manager.accountManagerId
      ]);
    await expect(portfolio(lead, { segment: "A' OR Name != '" })).rejects.toThrow(/segment/);
  });
});
