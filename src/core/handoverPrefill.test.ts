import { prefillFromDeal } from './handoverPrefill';

const noFacts = { products: null, contacts: [], competitors: [] };

describe('prefillFromDeal', () => {
  it('it_should_carry_what_the_account_manager_learned_before_the_close', () => {
    const { fields, sources } = prefillFromDeal(
      {
        Id: '006000000000001AAA',
        Proposed_Account_Manager__c: '005000000000002AAA',
        Account_Manager_Notes__c: 'Their CFO signs off every rollout step.'
      },
      noFacts
    );

    expect(fields.Account_Manager_Notes__c).toBe('Their CFO signs off every rollout step.');
    expect(sources.Account_Manager_Notes__c).toBe('Opportunity.Account_Manager_Notes__c');
  });

  it('it_should_leave_the_notes_out_when_no_one_wrote_any', () => {
    const { fields, sources } = prefillFromDeal(
      { Id: '006000000000001AAA', Account_Manager_Notes__c: '  ' },
      noFacts
    );

    expect(fields).not.toHaveProperty('Account_Manager_Notes__c');
    expect(sources).not.toHaveProperty('Account_Manager_Notes__c');
  });

  it('it_should_propose_the_accounts_current_manager_when_the_deal_names_none', () => {
    const { fields, sources } = prefillFromDeal(
      { Id: '006000000000001AAA' },
      { ...noFacts, accountManager: '005000000000003AAA' }
    );

    expect(fields.Account_Manager__c).toBe('005000000000003AAA');
    expect(sources.Account_Manager__c).toBe('Account.Account_Manager__c');
  });

  it('it_should_keep_the_deals_proposed_account_manager_over_the_accounts', () => {
    const { fields, sources } = prefillFromDeal(
      { Id: '006000000000001AAA', Proposed_Account_Manager__c: '005000000000002AAA' },
      { ...noFacts, accountManager: '005000000000003AAA' }
    );

    expect(fields.Account_Manager__c).toBe('005000000000002AAA');
    expect(sources.Account_Manager__c).toBe('Opportunity.Proposed_Account_Manager__c');
  });
});
