import { LightningElement, api } from 'lwc';
import { isoDateOf } from '../../../../core/dates';
import { formatMoney } from '../../../platform/i18n';
import { picklistLabel } from '../../../platform/labels';
import { navigate } from '../../../platform/navigation';
import { session } from '../../../platform/session';
import { picklistValues } from '../../../platform/uiObjectInfoApi';
import { query } from '../../data';
import { strings } from '../../strings';
import { healthCell, type HealthFields } from './healthCell';

interface AccountRow extends HealthFields {
  Id: string;
  Name: string;
  Touch_Tier__c?: string | null;
  Customer_Stage__c?: string | null;
  MRR__c?: number | null;
  Account_Manager__r?: { Name?: string } | null;
}

const SOQL =
  'SELECT Id, Name, Touch_Tier__c, Health_Status__c, Health_Score__c, Health_Override__c, ' +
  'Health_Override_Until__c, Customer_Stage__c, MRR__c, ' +
  'Account_Manager__r.Name FROM Account ORDER BY Name LIMIT 2000';

interface HandoverRow {
  Account__c: string;
  Name: string;
  Status__c: string;
  Seller__c?: string | null;
  Account_Manager__c?: string | null;
}

// The handovers still under way, newest first: an Account shows its newest one.
const HANDOVER_SOQL =
  'SELECT Account__c, Name, Status__c, Seller__c, Account_Manager__c FROM Handover__c ' +
  "WHERE Status__c IN ('Draft', 'Submitted', 'Returned') ORDER BY CreatedDate DESC LIMIT 2000";

/** Whose move a handover waits on: the seller's while a draft or returned, then the account manager's. */
const waitingOn = (h: HandoverRow) =>
  h.Status__c === 'Submitted' ? h.Account_Manager__c : h.Seller__c;

const STATUS_CLASS: Record<string, string> = {
  Green: 'slds-badge slds-theme_success',
  Yellow: 'slds-badge slds-theme_warning',
  Red: 'slds-badge slds-theme_error'
};

const label = (field: string, value?: string | null) =>
  value ? picklistLabel(`Account.${field}`, value) : '';

/**
 * The Accounts list view: search, touch tier, health and handover filters; a row opens the
 * record. The Handover column and "Waiting on me" find a seeded or forgotten draft without a post.
 */
export default class AccountList extends LightningElement {
  text = strings();
  accounts: AccountRow[] = [];
  loading = true;
  error?: unknown;
  term = '';

  /** The search term, also set from the global search (`?q=`). */
  @api
  get search(): string {
    return this.term;
  }
  set search(value: string) {
    this.term = value ?? '';
  }
  tier = '';
  status = '';
  handoverFilter = '';
  /** The Touch_Tier__c and Health_Status__c values, from the org's describe. */
  tiers: string[] = [];
  statuses: string[] = [];
  private handovers = new Map<string, HandoverRow>();

  async connectedCallback(): Promise<void> {
    try {
      const [accounts, handovers, tiers, statuses] = await Promise.all([
        query<AccountRow>(SOQL),
        // A user who may not read handovers still gets the list, without the column's values.
        query<HandoverRow>(HANDOVER_SOQL).catch(() => [] as HandoverRow[]),
        picklistValues('Account', 'Touch_Tier__c'),
        picklistValues('Account', 'Health_Status__c')
      ]);
      this.tiers = tiers;
      this.statuses = statuses;
      for (const h of handovers)
        if (!this.handovers.has(h.Account__c)) this.handovers.set(h.Account__c, h);
      this.accounts = accounts;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get rows() {
    const search = this.term.trim().toLowerCase();
    const today = isoDateOf(new Date());
    return this.accounts
      .filter((a) => !search || a.Name.toLowerCase().includes(search))
      .filter((a) => !this.tier || a.Touch_Tier__c === this.tier)
      .filter((a) => !this.status || a.Health_Status__c === this.status)
      .filter((a) => this.matchesHandover(this.handovers.get(a.Id)))
      .map((a) => ({
        id: a.Id,
        name: a.Name,
        url: `/lightning/r/Account/${a.Id}/view`,
        // As a list view shows picklists: each value's label in the user's language.
        tier: label('Touch_Tier__c', a.Touch_Tier__c),
        ...healthCell(
          { ...a, Health_Status__c: label('Health_Status__c', a.Health_Status__c) },
          today,
          this.text.overridden
        ),
        statusClass: STATUS_CLASS[a.Health_Status__c ?? ''] ?? 'slds-badge',
        manager: a.Account_Manager__r?.Name ?? '',
        stage: label('Customer_Stage__c', a.Customer_Stage__c),
        mrr: typeof a.MRR__c === 'number' ? formatMoney(a.MRR__c) : '',
        handover: this.handoverText(this.handovers.get(a.Id))
      }));
  }

  private matchesHandover(handover: HandoverRow | undefined): boolean {
    if (this.handoverFilter === 'open') return !!handover;
    if (this.handoverFilter === 'mine')
      return !!handover && waitingOn(handover) === session().userId;
    return true;
  }

  private handoverText(handover: HandoverRow | undefined): string {
    if (!handover) return '';
    return `${handover.Name} · ${picklistLabel('Handover__c.Status__c', handover.Status__c)}`;
  }

  get count(): string {
    const count = this.rows.length;
    return `${count} ${count === 1 ? this.text.item : this.text.items}`;
  }

  get isEmpty(): boolean {
    return !this.loading && this.rows.length === 0;
  }

  get tierOptions() {
    return [
      { label: this.text.anyTier, value: '' },
      ...this.tiers.map((value) => ({ label: label('Touch_Tier__c', value), value }))
    ];
  }

  get statusOptions() {
    return [
      { label: this.text.anyHealth, value: '' },
      ...this.statuses.map((value) => ({ label: label('Health_Status__c', value), value }))
    ];
  }

  get handoverOptions() {
    return [
      { label: this.text.anyHandover, value: '' },
      { label: this.text.openHandovers, value: 'open' },
      { label: this.text.handoversWaitingOnMe, value: 'mine' }
    ];
  }

  handleHandover(event: CustomEvent<{ value: string }>): void {
    this.handoverFilter = event.detail.value;
  }

  handleSearch(event: Event): void {
    this.term = (event.target as HTMLInputElement).value ?? '';
  }

  handleTier(event: CustomEvent<{ value: string }>): void {
    this.tier = event.detail.value;
  }

  handleStatus(event: CustomEvent<{ value: string }>): void {
    this.status = event.detail.value;
  }

  open(event: Event): void {
    event.preventDefault();
    const recordId = (event.currentTarget as HTMLElement).dataset.id;
    navigate({
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: 'Account', actionName: 'view' }
    });
  }
}
