import { trialConversion } from './trials';

const outcome = (type: string, date: string) => ({ type, date });

describe('trialConversion', () => {
  it('it_should_rate_the_ended_trials_of_the_period_against_the_goal', () => {
    const result = trialConversion(
      [
        outcome('Trial Converted', '2026-03-01'),
        outcome('Trial Not Converted', '2026-04-01'),
        outcome('Trial Not Converted', '2026-05-01'),
        outcome('Trial Not Converted', '2026-06-01'),
        outcome('Trial Not Converted', '2026-07-01'),
        outcome('Trial Not Converted', '2026-08-01'),
        outcome('Trial Not Converted', '2026-09-01'),
        // Before the period, and outcomes that are not trials, do not count.
        outcome('Trial Converted', '2025-11-30'),
        outcome('Churn', '2026-05-01'),
        outcome('Renewal', '2026-05-01')
      ],
      '2025-12-07',
      15
    );

    expect(result).toEqual({
      converted: 1,
      notConverted: 6,
      conversionRate: 0.143,
      goal: 0.15,
      meetsGoal: false
    });
  });

  it('it_should_meet_the_goal_at_the_goal_itself', () => {
    const ended = [
      ...Array.from({ length: 3 }, () => outcome('Trial Converted', '2026-06-01')),
      ...Array.from({ length: 17 }, () => outcome('Trial Not Converted', '2026-06-01'))
    ];

    expect(trialConversion(ended, '2026-01-01', 15)).toMatchObject({
      conversionRate: 0.15,
      meetsGoal: true
    });
  });

  it('it_should_give_no_rate_before_any_trial_ended', () => {
    expect(trialConversion([outcome('Churn', '2026-06-01')], '2026-01-01', 15)).toEqual({
      converted: 0,
      notConverted: 0,
      conversionRate: null,
      goal: 0.15,
      meetsGoal: null
    });
  });
});
