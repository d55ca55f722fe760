import { loadProjectModel } from '../../metadata/projectModel';
import { loadProjectPortfolioSettings } from '../../metadata/portfolioSettings';
import {
  accountLoad,
  managerLoads,
  moveEffect,
  overdueByManager,
  type WorkloadAccount
} from './workload';

// Hand sums over the shipped Tier_Cadence__mdt and Touchpoint_Effort__mdt records (kickoff 3 h,
// first contact 1 h, success check 1.5 h, goal review 2 h, recurring meeting 1.5 h, automated
// kinds 0 h), in the twelve months [asOf, asOf + 365).
const model = loadProjectModel();
const settings = { ...loadProjectPortfolioSettings(), capacityHours: 12 };
const asOf = '2026-01-05';

const accounts: WorkloadAccount[] = [
  // High, accepted today: kickoff +14, success check +60, meetings +90/180/270/360; the goal
  // review at +365 falls outside. 3 + 1.5 + 4 × 1.5 = 10.5 h over 6 touchpoints.
  {
    id: 'highNew',
    name: 'High new',
    accountManagerId: 'am1',
    tier: 'High',
    contractStart: asOf,
    acceptedAt: asOf
  },
  // High, accepted 731 days ago: only meetings 9–12 (+79, +169, +259, +349): 6 h.
  {
    id: 'highOld',
    name: 'High old',
    accountManagerId: 'am1',
    tier: 'High',
    contractStart: '2024-01-05',
    acceptedAt: '2024-01-05'
  },
  // Low from today's contract: success check +60 and first contact +90: 1.5 + 1 = 2.5 h.
  { id: 'lowNew', name: 'Low new', accountManagerId: 'am2', tier: 'Low', contractStart: asOf },
  // Tech: the automated welcome and survey, 0 h.
  { id: 'tech', name: 'Tech', accountManagerId: 'am2', tier: 'Tech', contractStart: asOf }
];

describe('account manager workload', () => {
  const loads = accounts.map((account) => ({
    ...accountLoad(account, asOf, model, settings),
    accountManagerId: account.accountManagerId
  }));

  it('it_should_sum_each_accounts_planned_touchpoints_and_hours', () => {
    expect(loads.map(({ id, touchpoints, hours }) => [id, touchpoints, hours])).toEqual([
      ['highNew', 6, 10.5],
      ['highOld', 4, 6],
      ['lowNew', 2, 2.5],
      ['tech', 2, 0]
    ]);
  });

  it('it_should_sum_per_account_manager_against_capacity_with_overdue_touchpoints', () => {
    const overdue = overdueByManager(
      [
        { ownerId: 'am1', dueDate: '2026-01-04' },
        { ownerId: 'am1', dueDate: '2026-01-05' }, // due today: not yet overdue
        { ownerId: 'am2', dueDate: '2025-12-01' },
        { ownerId: null, dueDate: '2025-12-01' }
      ],
      asOf
    );
    expect(overdue).toEqual({ am1: 1, am2: 1 });
    expect(managerLoads(loads, overdue, settings)).toEqual([
      {
        accountManagerId: 'am1',
        accounts: 2,
        touchpoints: 10,
        hours: 16.5,
        capacityHours: 12,
        overBy: 4.5,
        overdueTouchpoints: 1
      },
      {
        accountManagerId: 'am2',
        accounts: 2,
        touchpoints: 4,
        hours: 2.5,
        capacityHours: 12,
        overBy: 0,
        overdueTouchpoints: 1
      }
    ]);
  });

  it('it_should_say_what_moving_one_account_would_change', () => {
    const managers = managerLoads(loads, {}, settings);
    const highNew = { ...loads[0], accountManagerId: 'am1' };
    expect(moveEffect(highNew, 'am2', managers, settings)).toEqual({
      accountId: 'highNew',
      hours: 10.5,
      from: { accountManagerId: 'am1', hoursBefore: 16.5, hoursAfter: 6, overByAfter: 0 },
      to: { accountManagerId: 'am2', hoursBefore: 2.5, hoursAfter: 13, overByAfter: 1 }
    });
  });

  it('it_should_plan_nothing_for_a_churned_customer_and_count_it_for_no_one', () => {
    const churned = { ...accounts[0], id: 'churned', stage: 'Churned' };
    const load = accountLoad(churned, asOf, model, settings);
    expect(load).toEqual({ id: 'churned', touchpoints: 0, hours: 0 });
    const withChurned = [...loads, { ...load, accountManagerId: 'am1', stage: 'Churned' }];
    expect(managerLoads(withChurned, {}, settings)[0]).toMatchObject({
      accountManagerId: 'am1',
      accounts: 2,
      hours: 16.5
    });
  });

  it('it_should_plan_nothing_for_an_account_without_a_tier', () => {
    expect(
      accountLoad(
        { id: 'none', name: null, accountManagerId: 'am1', tier: null, contractStart: null },
        asOf,
        model,
        settings
      )
    ).toEqual({ id: 'none', touchpoints: 0, hours: 0 });
  });
});
