import { TIERS as CORE_TIERS } from '../../../core/config/records';
import { readAlertStatus, type OwedAlert } from './alerts';
import { STORED_NO_DAY, dayOfValue, isoOfDay, storedDay } from '../../../core/dates';
import { StatusCodes } from './statusCodes';

/** agingDay of an account none of whose rows age. */
export const NO_AGING = 0x7fffffff;

/** Touch tiers as codes; 0 is none. */
const TIERS = ['', ...CORE_TIERS] as const;
const SENTIMENTS = ['', 'Positive', 'Neutral', 'Negative'] as const;
/** Survey histogram layout per account: NPS 0–10, CSAT 1–5, CES 1–7. */
const SURVEY_SLOTS = {
  NPS: { offset: 0, min: 0, max: 10 },
  CSAT: { offset: 11, min: 1, max: 5 },
  CES: { offset: 16, min: 1, max: 7 }
};
const SURVEY_WIDTH = 23;
/** Usage periods kept per account: the newest three are enough to find latest and previous. */
const USAGE_SLOTS = 3;

const code = (values: readonly string[], value: unknown) =>
  Math.max(0, values.indexOf(String(value ?? '')));
/**
 * The text as a string of its own. A value cut from a Bulk result page is a V8 slice that
 * keeps the page's whole decoded text alive (~64 KB per piece); an account's Id is kept for
 * the whole wave, so its page text was (18 MB of 133 MB live at a 300 000-account recompute's
 * peak). Joining and cutting again copies the 18 characters (~60 ns).
 */
const ownString = (text: string) => `${text} `.slice(0, -1);

const num = (value: unknown) =>
  value === null || value === undefined || value === '' ? NaN : Number(value);

/**
 * Every health input of a set of accounts, stored column-wise in typed arrays. A million
 * accounts with their signals take ~150 MB this way, against several GB as one object per
 * signal row. Rows are folded in as they stream from the org (surveys into score histograms,
 * cases into counts, touchpoints into the latest date), in any order.
 */
export class SignalTable {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private lastId: string | undefined;
  private lastIndex = -1;
  readonly tier: Uint8Array;
  readonly contractStart: Int32Array;
  readonly onboardingStarted: Int32Array;
  readonly firstValueAt: Int32Array;
  readonly licensedSeats: Float64Array;
  readonly overdueInvoices: Float64Array;
  readonly sentiment: Uint8Array;
  readonly sentimentDay: Int32Array;
  readonly shownStatus: Uint8Array;
  readonly alertStatus: Uint8Array;
  /** Alerts an earlier run decided but may not have posted, by row (alerts.ts). */
  readonly owedAlerts = new Map<number, OwedAlert>();
  readonly override: Uint8Array;
  readonly overrideUntil: Int32Array;
  readonly surveys: Uint16Array;
  readonly openHighCases: Uint16Array;
  readonly escalations: Uint16Array;
  readonly lastTouchDay: Int32Array;
  readonly usageEnd: Int32Array;
  readonly usageActive: Float64Array;
  readonly usageLogins: Float64Array;
  readonly previousScore: Float64Array;
  readonly previousDay: Int32Array;
  /**
   * The earliest day after asOf on which a row already read starts or stops counting (a
   * later-dated answer or meeting, an escalation leaving its 90 days, a newer snapshot
   * becoming the trend's baseline); NO_AGING when none. Health_Next_Change__c is built on it.
   */
  readonly agingDay: Int32Array;
  ignoredRows = 0;
  /** The codes of shownStatus, alertStatus and override. */
  readonly statuses: StatusCodes;

  /** `statuses`: the model's, best first (statusOrder). */
  constructor(
    readonly capacity: number,
    statuses: readonly string[]
  ) {
    this.statuses = new StatusCodes(statuses);
    this.tier = new Uint8Array(capacity);
    this.contractStart = new Int32Array(capacity);
    this.onboardingStarted = new Int32Array(capacity);
    this.firstValueAt = new Int32Array(capacity);
    this.licensedSeats = new Float64Array(capacity);
    this.overdueInvoices = new Float64Array(capacity);
    this.sentiment = new Uint8Array(capacity);
    this.sentimentDay = new Int32Array(capacity);
    this.shownStatus = new Uint8Array(capacity);
    this.alertStatus = new Uint8Array(capacity);
    this.override = new Uint8Array(capacity);
    this.overrideUntil = new Int32Array(capacity);
    this.surveys = new Uint16Array(capacity * SURVEY_WIDTH);
    this.openHighCases = new Uint16Array(capacity);
    this.escalations = new Uint16Array(capacity);
    this.lastTouchDay = new Int32Array(capacity);
    this.usageEnd = new Int32Array(capacity * USAGE_SLOTS);
    this.usageActive = new Float64Array(capacity * USAGE_SLOTS);
    this.usageLogins = new Float64Array(capacity * USAGE_SLOTS);
    this.previousScore = new Float64Array(capacity);
    this.previousDay = new Int32Array(capacity);
    this.agingDay = new Int32Array(capacity);
    this.clear();
  }

  /**
   * Empties the table, keeping its arrays, for the next wave of a large recompute: a new table
   * per wave left the last one (~33 MB of arrays at 200 000 accounts) to the next full
   * collection, while the new one filled, at the recompute's peak memory.
   */
  clear(): void {
    this.ids.length = 0;
    this.index.clear();
    this.lastId = undefined;
    this.ignoredRows = 0;
    this.owedAlerts.clear();
    this.agingDay.fill(NO_AGING);
    for (const days of [
      this.contractStart,
      this.onboardingStarted,
      this.firstValueAt,
      this.sentimentDay,
      this.overrideUntil,
      this.lastTouchDay,
      this.usageEnd,
      this.previousDay
    ])
      days.fill(STORED_NO_DAY);
    for (const numbers of [
      this.licensedSeats,
      this.overdueInvoices,
      this.usageActive,
      this.usageLogins,
      this.previousScore
    ])
      numbers.fill(NaN);
    for (const counts of [
      this.tier,
      this.sentiment,
      this.shownStatus,
      this.alertStatus,
      this.override,
      this.surveys,
      this.openHighCases,
      this.escalations
    ])
      counts.fill(0);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The row of an account, by its 15- or 18-character Id. The last Id asked for is remembered,
   * and the account read after it is tried next: an org returns related records in the order
   * they were stored, and records loaded together (a migration, an import) are stored in
   * their accounts' order, so most rows ask for the Id before them or the next account's.
   * Comparing 18 characters costs a fraction of cutting the 15-character key and finding it
   * among a wave's accounts.
   */
  indexOf(accountId: unknown): number {
    if (accountId === this.lastId) return this.lastIndex;
    const text = String(accountId ?? '');
    const next = this.lastIndex + 1;
    const found = text === this.ids[next] ? next : this.index.get(text.slice(0, 15));
    this.lastId = text;
    this.lastIndex = found === undefined ? -1 : found;
    return this.lastIndex;
  }

  /** An Account row (REST JSON or Bulk CSV strings). */
  addAccount(row: Record<string, unknown>): void {
    const id = ownString(String(row.Id));
    const key = id.slice(0, 15);
    if (this.index.has(key) || this.ids.length >= this.capacity) {
      this.ignoredRows++;
      return;
    }
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(key, i);
    // An Id asked for before its account was added is no longer missing.
    this.lastId = undefined;
    this.tier[i] = code(TIERS, row.Touch_Tier__c);
    this.contractStart[i] = storedDay(dayOfValue(row.Contract_Start__c));
    this.onboardingStarted[i] = storedDay(dayOfValue(row.Onboarding_Started__c));
    this.firstValueAt[i] = storedDay(dayOfValue(row.First_Value_At__c));
    this.licensedSeats[i] = num(row.Licensed_Seats__c);
    this.overdueInvoices[i] = num(row.Overdue_Invoices__c);
    this.sentiment[i] = code(SENTIMENTS, row.CSM_Sentiment__c);
    this.sentimentDay[i] = storedDay(dayOfValue(row.CSM_Sentiment_Date__c));
    this.shownStatus[i] = this.statuses.codeOf(row.Health_Status__c);
    const alerted = readAlertStatus(row.Health_Alert_Status__c);
    this.alertStatus[i] = this.statuses.codeOf(alerted.status);
    if (alerted.owed) this.owedAlerts.set(i, alerted.owed);
    else this.owedAlerts.delete(i);
    this.override[i] = this.statuses.codeOf(row.Health_Override__c);
    this.overrideUntil[i] = storedDay(dayOfValue(row.Health_Override_Until__c));
  }

  /** Row i's inputs change on `day` (the earliest such day is kept). */
  agesOn(i: number, day: number): void {
    if (day < this.agingDay[i]) this.agingDay[i] = day;
  }

  /** A survey answer already inside its window (the query filters by date). */
  addSurvey(i: number, type: unknown, score: unknown, countsForRecentWindow: boolean): void {
    const slot = SURVEY_SLOTS[String(type) as keyof typeof SURVEY_SLOTS];
    const value = num(score);
    const outOfRange = !slot || !Number.isInteger(value) || value < slot.min || value > slot.max;
    // CSAT and CES look back 180 days, NPS 365: older CSAT/CES answers are not counted.
    if (outOfRange || (type !== 'NPS' && !countsForRecentWindow)) {
      this.ignoredRows += outOfRange ? 1 : 0;
      return;
    }
    this.surveys[i * SURVEY_WIDTH + slot.offset + value - slot.min]++;
  }

  addUsage(i: number, periodEnd: unknown, activeUsers: unknown, logins: unknown): void {
    const end = dayOfValue(periodEnd);
    const base = i * USAGE_SLOTS;
    if (Number.isNaN(end)) {
      this.ignoredRows++;
      return;
    }
    // Keep the newest three periods, newest first: a tiny sorted window, no per-row objects.
    let slot = 0;
    while (slot < USAGE_SLOTS && this.usageEnd[base + slot] > end) {
      slot++;
    }
    if (slot >= USAGE_SLOTS || this.usageEnd[base + slot] === end) {
      return;
    }
    for (let k = USAGE_SLOTS - 1; k > slot; k--) {
      this.usageEnd[base + k] = this.usageEnd[base + k - 1];
      this.usageActive[base + k] = this.usageActive[base + k - 1];
      this.usageLogins[base + k] = this.usageLogins[base + k - 1];
    }
    this.usageEnd[base + slot] = end;
    this.usageActive[base + slot] = num(activeUsers);
    this.usageLogins[base + slot] = num(logins);
  }

  addTouchpoint(i: number, day: unknown): void {
    const value = dayOfValue(day);
    if (value > this.lastTouchDay[i]) {
      this.lastTouchDay[i] = value;
    }
  }

  addPreviousScore(i: number, day: unknown, score: unknown): void {
    const value = dayOfValue(day);
    const points = num(score);
    if (!Number.isNaN(points) && value > this.previousDay[i]) {
      this.previousDay[i] = value;
      this.previousScore[i] = points;
    }
  }

  /** Survey answers rebuilt from the histogram, dated asOf (inside every window). */
  surveyList(
    i: number,
    asOf: string
  ): { type: 'NPS' | 'CSAT' | 'CES'; score: number; date: string }[] {
    const list: { type: 'NPS' | 'CSAT' | 'CES'; score: number; date: string }[] = [];
    for (const type of ['NPS', 'CSAT', 'CES'] as const) {
      const slot = SURVEY_SLOTS[type];
      for (let score = slot.min; score <= slot.max; score++) {
        const count = this.surveys[i * SURVEY_WIDTH + slot.offset + score - slot.min];
        for (let n = 0; n < count; n++) {
          list.push({ type, score, date: asOf });
        }
      }
    }
    return list;
  }

  usagePeriod(
    i: number,
    slot: number
  ): { end: number; activeUsers: number; logins: number } | null {
    const k = i * USAGE_SLOTS + slot;
    return slot < USAGE_SLOTS && this.usageEnd[k] !== STORED_NO_DAY
      ? { end: this.usageEnd[k], activeUsers: this.usageActive[k], logins: this.usageLogins[k] }
      : null;
  }

  static tierName(value: number): string | undefined {
    return TIERS[value] || undefined;
  }

  static sentimentName(value: number): string | undefined {
    return SENTIMENTS[value] || undefined;
  }

  static dayText(day: number): string | undefined {
    return day === STORED_NO_DAY ? undefined : isoOfDay(day);
  }
}
