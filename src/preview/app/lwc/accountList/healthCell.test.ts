import { healthCell } from './healthCell';

describe('the Accounts list health cell', () => {
  it('marks a status set by hand while the override is in force', () => {
    const account = {
      Health_Status__c: 'Green',
      Health_Score__c: 0,
      Health_Override__c: 'Green',
      Health_Override_Until__c: '2026-12-31'
    };
    expect(healthCell(account, '2026-12-07', 'override')).toEqual({
      status: 'Green (override)',
      overridden: true,
      score: 0
    });
    expect(healthCell(account, '2027-01-01', 'override').overridden).toBe(false);
  });

  it('shows no number for insufficient data (the recompute stores none)', () => {
    expect(
      healthCell(
        { Health_Status__c: 'Insufficient data', Health_Score__c: null },
        '2026-12-07',
        'override'
      )
    ).toEqual({ status: 'Insufficient data', overridden: false, score: '' });
  });
});
