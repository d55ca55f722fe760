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
});
