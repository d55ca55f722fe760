import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { TIERS } from 'c/batonCore';
import getCadence from '@salesforce/apex/TierCadenceController.getCadence';
import setTierOverride from '@salesforce/apex/TierCadenceController.setTierOverride';
import clearTierOverride from '@salesforce/apex/TierCadenceController.clearTierOverride';
import TIER from '@salesforce/schema/Account.Touch_Tier__c';
import SUGGESTED_TIER from '@salesforce/schema/Account.Suggested_Touch_Tier__c';
import OVERRIDE_REASON from '@salesforce/schema/Account.Touch_Tier_Override_Reason__c';
import MRR from '@salesforce/schema/Account.MRR__c';
import POTENTIAL from '@salesforce/schema/Account.Growth_Potential__c';
import STRATEGIC from '@salesforce/schema/Account.Strategic_Account__c';
import ONBOARDING_STARTED from '@salesforce/schema/Account.Onboarding_Started__c';
import FIRST_VALUE from '@salesforce/schema/Account.First_Value_At__c';
import { RefreshingPanel, loadInto, saveInto } from 'c/pageRefresh';
import { LABELS } from './labels';
import { buildView } from './cadenceView';

// Optional: a field the user cannot read comes back missing and the card shows the rest.
const FIELDS = [
  TIER,
  SUGGESTED_TIER,
  OVERRIDE_REASON,
  MRR,
  POTENTIAL,
  STRATEGIC,
  ONBOARDING_STARTED,
  FIRST_VALUE
];

/**
 * Tier & cadence on the Account page: the effective touch tier, the suggested tier and why,
 * an override with its reason, the onboarding model, first value, and the next touchpoints
 * with dates, owners and an overdue flag. Account fields come from Lightning Data Service;
 * touchpoints and the agreed model from TierCadenceController.getCadence.
 */
export default class TierCadenceCard extends RefreshingPanel(LightningElement) {
  @api recordId;

  labels = LABELS;
  account;
  cadence;
  error;
  actionError;
  editing = false;
  saving = false;
  draftTier;
  draftReason = '';

  @wire(getRecord, { recordId: '$recordId', optionalFields: FIELDS })
  wiredAccount({ data, error }) {
    this.account = data;
    if (error) {
      this.error = error;
    }
  }

  load() {
    return loadInto(this, 'cadence', () => getCadence({ accountId: this.recordId }));
  }

  get fields() {
    const value = (field) => getFieldValue(this.account, field);
    return {
      tier: value(TIER),
      suggestedTier: value(SUGGESTED_TIER),
      overrideReason: value(OVERRIDE_REASON),
      mrr: value(MRR),
      potential: value(POTENTIAL),
      strategic: value(STRATEGIC),
      onboardingStarted: value(ONBOARDING_STARTED),
      firstValueAt: value(FIRST_VALUE)
    };
  }

  get view() {
    return this.account && this.cadence ? buildView(this.fields, this.cadence) : null;
  }

  get isLoading() {
    return !this.error && !this.view;
  }

  get tierOptions() {
    return TIERS.map((tier) => ({ label: LABELS.tiers[tier], value: tier }));
  }

  startOverride() {
    this.draftTier = this.fields.tier || this.fields.suggestedTier;
    this.draftReason = this.fields.overrideReason || '';
    this.actionError = undefined;
    this.editing = true;
  }

  cancelOverride() {
    this.editing = false;
  }

  handleTier(event) {
    this.draftTier = event.detail.value;
  }

  handleReason(event) {
    this.draftReason = event.detail.value;
  }

  async saveOverride() {
    if (!this.draftReason || !this.draftReason.trim()) {
      this.actionError = LABELS.reasonRequired;
      return;
    }
    const params = { accountId: this.recordId, tier: this.draftTier, reason: this.draftReason };
    if (await this.change(() => setTierOverride(params))) {
      this.editing = false;
    }
  }

  async removeOverride() {
    await this.change(() => clearTierOverride({ accountId: this.recordId }));
  }

  /** Saves, then refreshes the card and every other view of the Account (the health panel). */
  change(call) {
    return saveInto(this, 'cadence', call);
  }
}
