import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import getHealth from '@salesforce/apex/HealthController.getHealth';
import setOverride from '@salesforce/apex/HealthController.setOverride';
import clearOverride from '@salesforce/apex/HealthController.clearOverride';
import SCORE from '@salesforce/schema/Account.Health_Score__c';
import STATUS from '@salesforce/schema/Account.Health_Status__c';
import TREND from '@salesforce/schema/Account.Health_Trend__c';
import SCORED_AT from '@salesforce/schema/Account.Health_Scored_At__c';
import OVERRIDE from '@salesforce/schema/Account.Health_Override__c';
import OVERRIDE_REASON from '@salesforce/schema/Account.Health_Override_Reason__c';
import OVERRIDE_UNTIL from '@salesforce/schema/Account.Health_Override_Until__c';
import TIER from '@salesforce/schema/Account.Touch_Tier__c';
import SUGGESTED_TIER from '@salesforce/schema/Account.Suggested_Touch_Tier__c';
import NEXT_TOUCHPOINT from '@salesforce/schema/Account.Next_Touchpoint_Due__c';
import { RefreshingPanel, loadInto, saveInto } from 'c/pageRefresh';
import { LABELS } from './labels';
import { buildView } from './healthView';

// Optional: a field the user cannot read comes back missing and the panel shows the rest.
const FIELDS = [
  SCORE,
  STATUS,
  TREND,
  SCORED_AT,
  OVERRIDE,
  OVERRIDE_REASON,
  OVERRIDE_UNTIL,
  TIER,
  SUGGESTED_TIER,
  NEXT_TOUCHPOINT
];

/**
 * The account manager's view of customer health on the Account page: score ring, trend and
 * history, coverage, drivers, breakdown, quadrant, tier, next touchpoint, latest surveys and
 * the override. Account fields come from Lightning Data Service; the history, breakdown and
 * surveys from HealthController.getHealth.
 */
export default class AccountHealthPanel extends RefreshingPanel(LightningElement) {
  @api recordId;

  labels = LABELS;
  account;
  health;
  error;
  actionError;
  editing = false;
  saving = false;

  @wire(getRecord, { recordId: '$recordId', optionalFields: FIELDS })
  wiredAccount({ data, error }) {
    this.account = data;
    if (error) {
      this.error = error;
    }
  }

  load() {
    return loadInto(this, 'health', () => getHealth({ accountId: this.recordId }));
  }

  get fields() {
    const value = (field) => getFieldValue(this.account, field);
    return {
      score: value(SCORE),
      status: value(STATUS),
      trend: value(TREND),
      scoredAt: value(SCORED_AT),
      override: value(OVERRIDE),
      overrideReason: value(OVERRIDE_REASON),
      overrideUntil: value(OVERRIDE_UNTIL),
      tier: value(TIER),
      suggestedTier: value(SUGGESTED_TIER),
      nextTouchpointDue: value(NEXT_TOUCHPOINT)
    };
  }

  get view() {
    return this.account && this.health ? buildView(this.fields, this.health) : null;
  }

  get isLoading() {
    return !this.error && !this.view;
  }

  get ringText() {
    const view = this.view;
    return `${LABELS.title}: ${view.score === null || view.score === undefined ? LABELS.noData : `${view.score}/100`}, ${view.status.label}`;
  }

  get trendClass() {
    return `trend trend_${this.view.trend.direction}`;
  }

  startOverride() {
    this.editing = true;
  }

  cancelOverride() {
    this.editing = false;
  }

  async saveOverride(event) {
    if (await this.change(() => setOverride({ accountId: this.recordId, ...event.detail }))) {
      this.editing = false;
    }
  }

  async removeOverride() {
    await this.change(() => clearOverride({ accountId: this.recordId }));
  }

  /**
   * Runs an override change, then refreshes the panel and every other view of the Account.
   * A failure stays beside the form so the account manager keeps what they typed.
   */
  change(call) {
    return saveInto(this, 'health', call);
  }
}
