import { loadProjectHandoverSettings } from '../metadata/handoverSettings';
import { loadProjectModel } from '../metadata/projectModel';
import {
  completesOnSubmit,
  DEFAULT_HANDOVER_SETTINGS,
  earlyAccountManager,
  earlyAccountManagerPost,
  convertsTrial,
  isTrialDeal,
  ownHandoverPost,
  parseHandoverSettings
} from './handoverWays';

const model = loadProjectModel();
const shipped = loadProjectHandoverSettings();
const words = (segments: { type: string; text?: string }[]) =>
  segments.map((segment) => segment.text ?? '').join('');

describe('Handover_Setting__mdt', () => {
  it('it_should_read_the_shipped_default_record', () => {
    expect(shipped).toEqual({
      earlyAccountManagerStage: 'Negotiation',
      earlyAccountManagerTiers: ['High'],
      sellerCompletesOwnHandover: true,
      trialOpportunityType: 'Trial',
      trialConversionGoal: 15
    });
  });

  it('it_should_keep_the_apex_defaults_when_the_record_is_deleted', () => {
    expect(parseHandoverSettings([])).toEqual(DEFAULT_HANDOVER_SETTINGS);
    expect(
      parseHandoverSettings([{ DeveloperName: 'Default', Early_Account_Manager_Stage__c: ' ' }])
        .earlyAccountManagerStage
    ).toBeNull();
  });
});

describe('trials', () => {
  it('it_should_start_a_trial_with_a_won_deal_of_the_settings_trial_type', () => {
    expect(isTrialDeal({ Type: 'Trial' }, shipped)).toBe(true);
    expect(isTrialDeal({ Type: 'New Customer' }, shipped)).toBe(false);
    expect(isTrialDeal({ Type: null }, shipped)).toBe(false);
    // An org that names no trial type has no trials, whatever a deal's Type says.
    expect(isTrialDeal({ Type: 'Trial' }, DEFAULT_HANDOVER_SETTINGS)).toBe(false);
  });

  it('it_should_convert_the_latest_trial_with_no_recorded_end_when_the_customer_buys', () => {
    const sale = { Type: 'New Customer' };
    expect(convertsTrial(sale, shipped, '2026-11-02', null)).toBe(true);
    // An end recorded before this trial began was an earlier trial's.
    expect(convertsTrial(sale, shipped, '2026-11-02', '2026-05-01')).toBe(true);
    // Already ended (converted, or recorded as not) on or after its start.
    expect(convertsTrial(sale, shipped, '2026-11-02', '2026-11-02')).toBe(false);
    // No trial, or a second trial won: nothing converts.
    expect(convertsTrial(sale, shipped, null, null)).toBe(false);
    expect(convertsTrial({ Type: 'Trial' }, shipped, '2026-11-02', null)).toBe(false);
  });
});

describe('a seller who is also the account manager', () => {
  const own = { Seller__c: '005000000000001AAA', Account_Manager__c: '005000000000001' };

  it('it_should_complete_on_submit_when_the_seller_submits_their_own_handover', () => {
    expect(completesOnSubmit(own, '005000000000001AAA', shipped, true)).toBe(true);
  });

  it('it_should_wait_for_an_accept_when_switched_off_someone_else_submits_or_they_cannot_accept', () => {
    const off = { ...shipped, sellerCompletesOwnHandover: false };
    expect(completesOnSubmit(own, '005000000000001AAA', off, true)).toBe(false);
    expect(completesOnSubmit(own, '005000000000009AAA', shipped, true)).toBe(false);
    expect(completesOnSubmit(own, '005000000000001AAA', shipped, false)).toBe(false);
    expect(
      completesOnSubmit(
        { ...own, Account_Manager__c: '005000000000002AAA' },
        '005000000000001AAA',
        shipped,
        true
      )
    ).toBe(false);
  });

  it('it_should_post_for_the_team_without_mentioning_its_author', () => {
    const post = ownHandoverPost(
      {
        name: 'HO-00042',
        accountName: 'Kontrakti Oy',
        whatWasSold: 'Baton Pro',
        recordUrl: 'https://example.invalid/a01'
      },
      'fi'
    );
    expect(post.filter((segment) => segment.type === 'Mention')).toEqual([]);
    expect(words(post)).toBe(
      'Luovutus HO-00042 asiakkuudesta Kontrakti Oy on valmis: myyjä on myös asiakkuuspäällikkö, joten vastausta ei odoteta ja kohtaamiset on suunniteltu.\n' +
        'Mitä myytiin: Baton Pro\nAvaa luovutus: '
    );
  });
});

describe('the account manager before the close', () => {
  const manager = '005000000000007AAA';
  const seller = '005000000000001AAA';
  const deal = {
    StageName: 'Negotiation',
    Amount: 60000,
    OwnerId: seller,
    AccountId: '001000000000001AAA',
    IsClosed: false,
    Proposed_Account_Manager__c: manager
  };
  const before = { ...deal, StageName: 'Proposal' };
  const account = { Account_Manager__c: null, Growth_Potential__c: null, Strategic_Account__c: 0 };

  it('it_should_bring_in_the_proposed_account_manager_of_a_would_be_high_touch_deal', () => {
    expect(earlyAccountManager(deal, before, account, shipped, model)).toBe(manager);
    expect(earlyAccountManager(deal, null, account, shipped, model)).toBe(manager);
  });

  it('it_should_judge_the_tier_by_the_deal_amount_growth_potential_and_strategic_flag', () => {
    const low = { ...deal, Amount: 24000 };
    expect(earlyAccountManager(low, before, account, shipped, model)).toBeNull();
    expect(
      earlyAccountManager(low, before, { ...account, Growth_Potential__c: 4 }, shipped, model)
    ).toBe(manager);
    expect(
      earlyAccountManager(
        { ...deal, Amount: 1000 },
        before,
        { ...account, Strategic_Account__c: 1 },
        shipped,
        model
      )
    ).toBe(manager);
  });

  it('it_should_fall_back_to_the_accounts_manager_and_never_bring_in_the_owner', () => {
    const unnamed = { ...deal, Proposed_Account_Manager__c: null };
    expect(earlyAccountManager(unnamed, before, account, shipped, model)).toBeNull();
    expect(
      earlyAccountManager(
        unnamed,
        before,
        { ...account, Account_Manager__c: manager },
        shipped,
        model
      )
    ).toBe(manager);
    expect(
      earlyAccountManager(
        { ...deal, Proposed_Account_Manager__c: seller },
        before,
        account,
        shipped,
        model
      )
    ).toBeNull();
  });

  it('it_should_act_only_as_the_deal_reaches_the_stage_and_only_while_switched_on', () => {
    expect(earlyAccountManager(deal, deal, account, shipped, model)).toBeNull();
    expect(earlyAccountManager(before, null, account, shipped, model)).toBeNull();
    const off = { ...shipped, earlyAccountManagerStage: null };
    expect(earlyAccountManager(deal, before, account, off, model)).toBeNull();
    const lowToo = { ...shipped, earlyAccountManagerTiers: ['High', 'Low'] as ('High' | 'Low')[] };
    expect(earlyAccountManager({ ...deal, Amount: 24000 }, before, account, lowToo, model)).toBe(
      manager
    );
  });

  it('it_should_tell_them_what_to_prepare_in_their_language', () => {
    const post = earlyAccountManagerPost(
      { managerId: manager, dealName: 'Baton Enterprise', accountName: 'Kontrakti Oy' },
      'fi'
    );
    expect(post[0]).toEqual({ type: 'Mention', id: manager });
    expect(words(post)).toContain('asiakkuuden Kontrakti Oy asiakkuuspäälliköksi');
    expect(words(post)).toContain('kauppa Baton Enterprise');
  });
});
