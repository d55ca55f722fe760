import { LightningElement, api, wire } from 'lwc';
import {
  getRecord,
  getFieldValue,
  getFieldDisplayValue,
  type RecordRepresentation
} from '../../../platform/uiRecordApi';
import { formatMoney, intlLocale } from '../../../platform/i18n';
import { strings } from '../../strings';

const FIELDS = [
  'Account.Name',
  'Account.Touch_Tier__c',
  'Account.Customer_Stage__c',
  'Account.Account_Manager__c',
  'Account.Account_Manager__r.Name',
  'Account.MRR__c',
  'Account.License_Tier__c',
  'Account.Health_Status__c',
  'Account.Next_Touchpoint_Due__c'
];

/** Stand-in for Lightning's highlights panel: the Account's name and key fields. */
export default class Highlights extends LightningElement {
  @api recordId?: string;
  text = strings();

  @wire(getRecord, { recordId: '$recordId', optionalFields: FIELDS })
  wired?: { data: unknown; error: unknown };

  get record(): RecordRepresentation | undefined {
    return this.wired?.data as RecordRepresentation | undefined;
  }

  get error(): unknown {
    return this.wired?.error;
  }

  private show(field: string): string {
    const display = getFieldDisplayValue(this.record, field);
    const value = getFieldValue(this.record, field);
    if (display) return display;
    if (typeof value === 'number' && field.endsWith('MRR__c')) return formatMoney(value);
    // Dates as Lightning shows them, in the user's locale.
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return new Date(`${value}T00:00:00Z`).toLocaleDateString(this.locale, { timeZone: 'UTC' });
    }
    return value === null || value === undefined ? '' : String(value);
  }

  get locale(): string {
    return intlLocale();
  }

  get name(): string {
    return this.show('Account.Name');
  }

  get fields() {
    const t = this.text;
    return [
      { key: 'tier', label: t.tier, value: this.show('Account.Touch_Tier__c') },
      { key: 'stage', label: t.stage, value: this.show('Account.Customer_Stage__c') },
      {
        key: 'manager',
        label: t.accountManager,
        value: this.show('Account.Account_Manager__r.Name')
      },
      { key: 'mrr', label: t.mrr, value: this.show('Account.MRR__c') },
      { key: 'license', label: t.licenseTier, value: this.show('Account.License_Tier__c') },
      { key: 'health', label: t.health, value: this.show('Account.Health_Status__c') },
      { key: 'next', label: t.nextTouchpoint, value: this.show('Account.Next_Touchpoint_Due__c') }
    ];
  }
}
