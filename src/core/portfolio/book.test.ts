import { loadProjectModel } from '../../metadata/projectModel';
import { atRiskStatus } from '../health/statuses';
import {
  handoverQueue,
  healthByBand,
  npsByMonth,
  retention,
  shownStatus,
  type QueueHandover
} from './book';

const model = loadProjectModel();
// Monday 2026-01-12; a handover submitted on Wednesday the 7th is due by Friday the 9th.
const asOf = '2026-01-12';

describe('the book figures', () => {
  it('it_should_sum_accounts_and_arr_by_band_with_red_arr_at_risk', () => {
    expect(
      healthByBand(
        [
          { id: '1', arr: 60000, status: 'Red', stage: null },
          { id: '2', arr: 10000, status: 'Red', stage: null },
          { id: '3', arr: 40000, status: 'Green', stage: null },
          { id: '4', arr: 500, status: null, stage: null }
        ],
        atRiskStatus(model)
      )
    ).toEqual({
      bands: [
        { status: 'Red', accounts: 2, arr: 70000 },
        { status: 'Green', accounts: 1, arr: 40000 },
        { status: 'Not scored', accounts: 1, arr: 500 }
      ],
      arrAtRisk: 70000
    });
  });

  it('it_should_leave_churned_customers_out_of_the_bands_and_arr_at_risk', () => {
    // A churned customer's score lingers from before; none of its ARR can still be saved.
    expect(
      healthByBand(
        [
          { id: '1', arr: 60000, status: 'Red', stage: 'Churned' },
          { id: '2', arr: 10000, status: 'Red', stage: 'Retention' },
          { id: '3', arr: 40000, status: 'Yellow', stage: 'Churned' },
          { id: '4', arr: 500, status: null, stage: 'Churned' }
        ],
        atRiskStatus(model)
      )
    ).toEqual({ bands: [{ status: 'Red', accounts: 1, arr: 10000 }], arrAtRisk: 10000 });
  });

  it("it_should_count_the_worst_band's_arr_as_at_risk_whichever_status_it_is", () => {
    // An admin who adds a worse band than Red to Health_Band__mdt moves the ARR at risk to it.
    const critical = { status: 'Critical', min: 0, max: 19 };
    const withCritical = { ...model, bands: [...model.bands, critical] };
    expect(atRiskStatus(model)).toBe('Red');
    expect(
      healthByBand(
        [
          { id: '1', arr: 60000, status: 'Red', stage: null },
          { id: '2', arr: 10000, status: 'Critical', stage: null }
        ],
        atRiskStatus(withCritical)
      ).arrAtRisk
    ).toBe(10000);
  });

  it('it_should_show_an_override_only_while_it_is_in_force', () => {
    expect(shownStatus({ computed: 'Red', override: 'Green', overrideUntil: asOf }, asOf)).toBe(
      'Green'
    );
    expect(
      shownStatus({ computed: 'Red', override: 'Green', overrideUntil: '2026-01-11' }, asOf)
    ).toBe('Red');
    expect(shownStatus({ computed: 'Red', override: 'Green', overrideUntil: null }, asOf)).toBe(
      'Green'
    );
  });

  it('it_should_queue_awaiting_overdue_and_returned_handovers_with_age_and_answer_rates', () => {
    const base = {
      accountName: 'X',
      tier: 'High' as const,
      seller: 'Sam',
      acceptedAt: null,
      returnedAt: null
    };
    const handovers: QueueHandover[] = [
      {
        ...base,
        id: 'due',
        status: 'Submitted',
        accountManager: 'Ann',
        submittedAt: '2026-01-08T10:00:00Z'
      },
      {
        ...base,
        id: 'late',
        status: 'Submitted',
        accountManager: 'Ann',
        submittedAt: '2026-01-07T10:00:00Z'
      },
      {
        ...base,
        id: 'back',
        status: 'Returned',
        accountManager: 'Ben',
        submittedAt: '2026-01-02T10:00:00Z',
        returnedAt: '2026-01-05T09:00:00Z'
      },
      {
        ...base,
        id: 'a1',
        status: 'Accepted',
        accountManager: 'Ann',
        submittedAt: '2026-01-01T00:00:00Z',
        acceptedAt: '2026-01-02T00:00:00Z'
      },
      {
        ...base,
        id: 'a2',
        status: 'Accepted',
        accountManager: 'Ann',
        submittedAt: '2026-01-01T00:00:00Z',
        acceptedAt: '2026-01-04T00:00:00Z'
      },
      { ...base, id: 'draft', status: 'Draft', accountManager: 'Ann', submittedAt: null }
    ];
    const { queue, managers } = handoverQueue(handovers, asOf, model);
    expect(queue.map(({ id, state, ageDays }) => [id, state, ageDays])).toEqual([
      ['back', 'returned', 7],
      ['late', 'overdue', 5],
      ['due', 'awaiting', 4]
    ]);
    // Ann: two accepted in 1 and 3 days (median 2), none returned; Ben: one returned.
    expect(managers).toEqual([
      { accountManager: 'Ann', accepted: 2, returned: 0, acceptanceRate: 1, medianDaysToAccept: 2 },
      {
        accountManager: 'Ben',
        accepted: 0,
        returned: 1,
        acceptanceRate: 0,
        medianDaysToAccept: null
      }
    ]);
  });

  it('it_should_count_churn_and_gross_retention_over_the_customers_at_the_start', () => {
    expect(
      retention(
        [
          { id: 'a', arr: 30000, contractStart: '2024-05-01', stage: 'Retention' },
          { id: 'b', arr: 10000, contractStart: '2024-06-01', stage: 'Churned' },
          { id: 'c', arr: 10000, contractStart: '2025-03-01', stage: 'Adoption' },
          { id: 'd', arr: 5000, contractStart: '2025-06-01', stage: 'Churned' } // after the start: not counted
        ],
        '2025-01-12'
      )
    ).toEqual({
      customersAtStart: 2,
      lost: 1,
      churnRate: 0.5,
      grossRevenueRetention: 0.75,
      netRevenueRetention: 0.75
    });
  });

  it('it_should_take_start_arr_from_the_first_outcome_in_the_period_for_net_retention', () => {
    // A renewal in the period keeps its customer in the cohort, as does a contract from before.
    // Start: 18 000 (renewed up to 24 000) + 12 000 (contracted to 6 000; the 30 000 before
    // the period does not count) + 12 000 (churned, its ARR now 0) + 12 000 (kept) = 54 000.
    // End: 24 000 + 6 000 + 0 + 12 000 = 42 000. Kept, each at most its start: 36 000.
    expect(
      retention(
        [
          // Its renewal moved the contract start into the period; it is still in the cohort.
          { id: 'up', arr: 24000, contractStart: '2025-05-01', stage: 'Expansion' },
          { id: 'down', arr: 6000, contractStart: '2023-01-01', stage: 'Retention' },
          { id: 'lost', arr: 0, contractStart: '2023-01-01', stage: 'Churned' },
          { id: 'kept', arr: 12000, contractStart: '2023-01-01', stage: 'Retention' }
        ],
        '2025-01-12',
        [
          { accountId: 'down', type: 'Contraction', date: '2025-06-01', arrBefore: 12000 },
          { accountId: 'up', type: 'Renewal', date: '2025-05-01', arrBefore: 18000 },
          { accountId: 'down', type: 'Contraction', date: '2024-06-01', arrBefore: 30000 },
          { accountId: 'lost', type: 'Churn', date: '2025-09-01', arrBefore: 12000 },
          { accountId: 'down', type: 'Contraction', date: '2025-08-01', arrBefore: 9000 }
        ]
      )
    ).toEqual({
      customersAtStart: 4,
      lost: 1,
      churnRate: 0.25,
      grossRevenueRetention: 0.667,
      netRevenueRetention: 0.778
    });
  });

  it('it_should_give_nps_per_month', () => {
    expect(
      npsByMonth([
        { score: 10, respondedOn: '2025-12-03' },
        { score: 3, respondedOn: '2025-12-20' },
        { score: 9, respondedOn: '2025-12-21' },
        { score: 8, respondedOn: '2025-11-30' }
      ])
    ).toEqual([
      { month: '2025-11', responses: 1, nps: 0 },
      { month: '2025-12', responses: 3, nps: 33 }
    ]);
  });
});
