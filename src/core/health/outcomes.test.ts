import { accountOutcome, CHURN_NEEDS } from './outcomes';

const policy = { winbackDays: 90, contractionShare: 0.2 };
const active = { Customer_Stage__c: 'Retention', MRR__c: 1000 };

describe('accountOutcome', () => {
  it('refuses Churned without a churn date and reason, naming the missing fields', () => {
    expect(
      accountOutcome(active, { ...active, Customer_Stage__c: 'Churned' }, policy, '2026-12-07')
    ).toEqual({
      refusal: { message: CHURN_NEEDS, fields: ['Churn_Date__c', 'Churn_Reason__c'] }
    });
  });

  it('records the churn with the ARR it had and plans the winback the policy days later', () => {
    const churned = {
      ...active,
      Customer_Stage__c: 'Churned',
      Churn_Date__c: '2026-11-30',
      Churn_Reason__c: 'Price'
    };
    expect(accountOutcome(active, churned, policy, '2026-12-07')).toEqual({
      outcome: {
        type: 'Churn',
        date: '2026-11-30',
        arrBefore: 12000,
        arrAfter: 0,
        reason: 'Price'
      },
      winbackDue: '2027-02-28'
    });
    // Saved again while churned: nothing new.
    expect(accountOutcome(churned, churned, policy, '2026-12-08')).toEqual({
      outcome: null,
      winbackDue: null
    });
  });

  it('records an ARR fall of at least the share as a contraction, a smaller one as nothing', () => {
    expect(accountOutcome(active, { ...active, MRR__c: 800 }, policy, '2026-12-07')).toEqual({
      outcome: {
        type: 'Contraction',
        date: '2026-12-07',
        arrBefore: 12000,
        arrAfter: 9600,
        reason: null
      },
      winbackDue: null
    });
    expect(accountOutcome(active, { ...active, MRR__c: 801 }, policy, '2026-12-07')).toEqual({
      outcome: null,
      winbackDue: null
    });
  });

  it('records a contract start moved later as a renewal dated the new start; a first or earlier start as nothing', () => {
    const contracted = { ...active, Contract_Start__c: '2025-01-01' };
    const renewed = { ...contracted, Contract_Start__c: '2026-01-01', MRR__c: 1100 };
    expect(accountOutcome(contracted, renewed, policy, '2026-12-07')).toEqual({
      outcome: {
        type: 'Renewal',
        date: '2026-01-01',
        arrBefore: 12000,
        arrAfter: 13200,
        reason: null
      },
      winbackDue: null
    });
    const nothing = { outcome: null, winbackDue: null };
    const corrected = { ...contracted, Contract_Start__c: '2024-12-01' };
    expect(accountOutcome(contracted, corrected, policy, '2026-12-07')).toEqual(nothing);
    const first = { ...active, Contract_Start__c: '2026-01-01' };
    expect(accountOutcome(active, first, policy, '2026-12-07')).toEqual(nothing);
    // Renewed at 30 % less: the contraction is what became of the customer.
    const shrunk = { ...renewed, MRR__c: 700 };
    expect(accountOutcome(contracted, shrunk, policy, '2026-12-07')).toMatchObject({
      outcome: { type: 'Contraction' }
    });
  });
});
