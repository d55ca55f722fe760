import { loadProjectModel } from '../metadata/projectModel';
import { acceptPlan } from './handoverAccept';

const model = loadProjectModel();
const handover = {
  Id: 'a0H000000000001',
  Account__c: '001000000000001',
  Account_Manager__c: '005000000000002',
  Contract_Start__c: '2026-12-07'
};

describe('acceptPlan', () => {
  it('gives a customer won back after churn a plan of its own', () => {
    const plan = acceptPlan(
      {
        Customer_Stage__c: 'Churned',
        Account_Manager__c: '005000000000002',
        First_Value_At__c: '2025-06-18'
      },
      handover,
      'High',
      '2026-12-07',
      model
    );
    expect(plan.kind).toBe('new-customer');
    expect(plan.replacesOpenTouchpoints).toBe(true);
    expect(plan.account.First_Value_At__c).toBeNull();
    expect(plan.account.Next_Touchpoint_Due__c).toBe(plan.touchpoints[0].dueDate);
    expect(plan.account.Next_Touchpoint_Due__c).toBe('2026-12-21');
  });

  it('leaves a new customer without a first value as it is', () => {
    const plan = acceptPlan({}, handover, 'High', '2026-12-07', model);
    expect('First_Value_At__c' in plan.account).toBe(false);
  });

  it("keeps an existing customer's plan and first value", () => {
    const plan = acceptPlan(
      {
        Customer_Stage__c: 'Advocacy',
        Account_Manager__c: '005000000000002',
        First_Value_At__c: '2025-06-18'
      },
      handover,
      'High',
      '2026-12-07',
      model
    );
    expect(plan.replacesOpenTouchpoints).toBe(false);
    expect(plan.adoptsOpenTouchpoints).toBe(false);
    expect(plan.account).not.toHaveProperty('First_Value_At__c');
    expect(plan.account).not.toHaveProperty('Next_Touchpoint_Due__c');
  });

  it('passes the open touchpoints of an Account that had no account manager to the new one', () => {
    const plan = acceptPlan(
      { Customer_Stage__c: 'Adoption' },
      handover,
      'High',
      '2026-12-07',
      model
    );
    expect(plan.kind).toBe('existing-customer');
    expect(plan.previousAccountManager).toBeNull();
    expect(plan.adoptsOpenTouchpoints).toBe(true);
  });
});
