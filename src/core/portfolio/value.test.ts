import { loadProjectPortfolioSettings } from '../../metadata/portfolioSettings';
import { parsePortfolioSettings, type PortfolioSettings } from './settings';
import { segmentBook, volumeScore, type ValueInput } from './value';

// Hand-computed against the shipped records: weights 0.25 / 0.50 / 0.25, volume bands from
// ARR 0, 5 000, 20 000, 50 000, 100 000 (scores 1–5), high value = 80 % of the book's value,
// high potential from 4.
const settings = loadProjectPortfolioSettings();
const withShare = (highValueShare: number): PortfolioSettings => ({ ...settings, highValueShare });

const account = (
  id: string,
  revenue: number,
  profitability: number,
  referenceValue: number,
  potential = 3
): ValueInput => ({ id, revenue, profitability, referenceValue, potential });

const byId = (book: ReturnType<typeof segmentBook>) =>
  Object.fromEntries(book.valued.map((entry) => [entry.id, entry]));

describe('portfolio value and segments', () => {
  it('it_should_read_the_shipped_settings', () => {
    expect(settings.weights).toEqual({ volume: 0.25, profitability: 0.5, reference: 0.25 });
    expect(settings.highValueShare).toBe(80);
    expect(settings.highPotentialFrom).toBe(4);
    expect(settings.volumeBands.map((band) => band.minRevenue)).toEqual([
      100000, 50000, 20000, 5000, 0
    ]);
  });

  it('it_should_score_volume_by_the_band_whose_minimum_the_revenue_reaches', () => {
    expect(volumeScore(0, settings)).toBe(1);
    expect(volumeScore(4999.99, settings)).toBe(1);
    expect(volumeScore(5000, settings)).toBe(2);
    expect(volumeScore(99999, settings)).toBe(4);
    expect(volumeScore(100000, settings)).toBe(5);
  });

  it('it_should_weigh_volume_profitability_and_reference_value', () => {
    const book = byId(
      segmentBook(
        [
          account('a1', 120000, 5, 5), // 1.25 + 2.5 + 1.25 = 5
          account('a3', 30000, 3, 2), // 0.75 + 1.5 + 0.5 = 2.75
          account('a5', 1000, 1, 1) // 0.25 + 0.5 + 0.25 = 1
        ],
        settings
      )
    );
    expect([book.a1.value, book.a3.value, book.a5.value]).toEqual([5, 2.75, 1]);
    expect([book.a1.volume, book.a3.volume, book.a5.volume]).toEqual([5, 3, 1]);
  });

  it('it_should_make_high_value_the_accounts_bringing_80_percent_including_the_one_that_crosses', () => {
    // Values 5, 4, 2.75, 2, 1 = 14.75; 80 % = 11.8. Running 5, 9, 11.75 (short), 13.75: the
    // fourth account crosses the share, so a1–a4 are high value and a5 is not.
    const book = byId(
      segmentBook(
        [
          account('a1', 120000, 5, 5),
          account('a2', 60000, 4, 4),
          account('a3', 30000, 3, 2),
          account('a4', 10000, 2, 2),
          account('a5', 1000, 1, 1)
        ],
        settings
      )
    );
    expect(['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => book[id].highValue)).toEqual([
      true,
      true,
      true,
      true,
      false
    ]);
  });

  it('it_should_stop_at_the_account_that_reaches_the_share_exactly', () => {
    // Values 4, 3, 2, 1 = 10. At 70 % the running total reaches 7 exactly with the second.
    const book = segmentBook(
      [
        account('v4', 60000, 4, 4),
        account('v3', 20000, 3, 3),
        account('v2', 5000, 2, 2),
        account('v1', 0, 1, 1)
      ],
      withShare(70)
    );
    expect(book.valued.filter((entry) => entry.highValue).map((entry) => entry.id)).toEqual([
      'v4',
      'v3'
    ]);
    // At 80 % (target 8) the third is needed.
    expect(
      segmentBook(
        [
          account('v4', 60000, 4, 4),
          account('v3', 20000, 3, 3),
          account('v2', 5000, 2, 2),
          account('v1', 0, 1, 1)
        ],
        settings
      ).valued.filter((entry) => entry.highValue).length
    ).toBe(3);
  });

  it('it_should_never_split_accounts_of_equal_value', () => {
    // Values 3, 3, 2, 2 = 10; at 30 % the first 3 reaches the target, and its twin is high too.
    const book = segmentBook(
      [
        account('x', 20000, 3, 3),
        account('y', 20000, 3, 3),
        account('z', 5000, 2, 2),
        account('w', 5000, 2, 2)
      ],
      withShare(30)
    );
    expect(book.valued.map((entry) => entry.highValue)).toEqual([true, true, false, false]);
  });

  it('it_should_place_segments_at_the_potential_boundary', () => {
    const book = byId(
      segmentBook(
        [
          account('highHigh', 120000, 5, 5, 4),
          account('highLow', 120000, 5, 5, 3),
          account('lowHigh', 0, 1, 1, 4),
          account('lowLow', 0, 1, 1, 3)
        ],
        withShare(50)
      )
    );
    expect(
      ['highHigh', 'highLow', 'lowHigh', 'lowLow'].map((id) => [
        book[id].segment,
        book[id].strategy
      ])
    ).toEqual([
      ['A', 'Protect + Grow'],
      ['B', 'Protect'],
      ['C', 'Grow'],
      ['D', 'Streamline']
    ]);
  });

  it('it_should_leave_accounts_with_missing_or_out_of_range_inputs_unscored', () => {
    const book = segmentBook(
      [
        { id: 'noProfit', revenue: 1000, profitability: null, referenceValue: 3, potential: 3 },
        { id: 'badPotential', revenue: null, profitability: 3, referenceValue: 3, potential: 6 }
      ],
      settings
    );
    expect(book.valued).toEqual([]);
    expect(book.unscored).toEqual([
      { id: 'noProfit', missing: ['profitability'] },
      { id: 'badPotential', missing: ['revenue', 'potential'] }
    ]);
  });

  it('it_should_refuse_weights_that_do_not_add_up_to_one', () => {
    expect(() =>
      parsePortfolioSettings({
        Portfolio_Setting__mdt: [
          {
            DeveloperName: 'Default',
            Volume_Weight__c: 0.5,
            Profitability_Weight__c: 0.5,
            Reference_Weight__c: 0.25,
            High_Value_Share__c: 80,
            High_Potential_From__c: 4,
            Capacity_Hours__c: 960
          }
        ],
        Value_Band__mdt: [{ DeveloperName: 'Volume_1', Min_Revenue__c: 0, Volume_Score__c: 1 }]
      })
    ).toThrow(
      'Portfolio_Setting__mdt.Default: Volume_Weight__c: the three weights must add up to 1'
    );
  });
});
