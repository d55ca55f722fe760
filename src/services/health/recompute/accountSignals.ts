import { STORED_NO_DAY } from '../../../core/dates';
import { SignalTable } from './signalTable';

/** How old the latest usage period may be and still count as "the last 30 days". */
export const USAGE_MAX_AGE_DAYS = 45;
/** The previous period ends about 30 days before the latest (months are 28–31 days). */
export const USAGE_PREVIOUS_MIN_GAP_DAYS = 25;
export const USAGE_PREVIOUS_MAX_GAP_DAYS = 45;

/** The core model's input for one account (the JSON account shape of `baton health score`). */
export interface SignalsInput {
  id: string;
  touchTier?: string;
  contractStart?: string;
  onboardingStarted?: string;
  firstValueAt?: string;
  licensedSeats?: number;
  activeUsers30d?: number;
  logins30d?: number;
  loginsPrev30d?: number;
  surveys: { type: 'NPS' | 'CSAT' | 'CES'; score: number; date: string }[];
  openHighPriorityCases: number;
  escalations90d: number;
  lastTouchpointAt?: string;
  overdueInvoices?: number;
  csmSentiment?: { value: string; date: string };
  previousScores: { date: string; score: number }[];
}

const present = (value: number) => (Number.isNaN(value) ? undefined : value);

/** Latest usage period (if recent) and the one about 30 days before it. */
function usageOf(table: SignalTable, i: number, asOfDay: number) {
  const latest = table.usagePeriod(i, 0);
  if (!latest || latest.end <= asOfDay - USAGE_MAX_AGE_DAYS) {
    return { activeUsers30d: undefined, logins30d: undefined, loginsPrev30d: undefined };
  }
  let previous = null;
  for (let slot = 1; !previous && table.usagePeriod(i, slot); slot++) {
    const candidate = table.usagePeriod(i, slot)!;
    const gap = latest.end - candidate.end;
    if (gap >= USAGE_PREVIOUS_MIN_GAP_DAYS && gap <= USAGE_PREVIOUS_MAX_GAP_DAYS) {
      previous = candidate;
    }
  }
  return {
    activeUsers30d: present(latest.activeUsers),
    logins30d: present(latest.logins),
    loginsPrev30d: previous ? present(previous.logins) : undefined
  };
}

/**
 * Rebuilds one account's model input from the table; an absent value is undefined (no data).
 * Every input has every key, so the scorer reads one object shape (deleting the absent keys
 * turned each input into a slower dictionary-mode object).
 */
export function signalsOf(
  table: SignalTable,
  i: number,
  asOfDay: number,
  asOf: string
): SignalsInput {
  const sentiment = SignalTable.sentimentName(table.sentiment[i]);
  const sentimentDate = SignalTable.dayText(table.sentimentDay[i]);
  const previousDate = SignalTable.dayText(table.previousDay[i]);
  const usage = usageOf(table, i, asOfDay);
  return {
    id: table.ids[i],
    touchTier: SignalTable.tierName(table.tier[i]),
    contractStart: SignalTable.dayText(table.contractStart[i]),
    onboardingStarted: SignalTable.dayText(table.onboardingStarted[i]),
    firstValueAt: SignalTable.dayText(table.firstValueAt[i]),
    licensedSeats: present(table.licensedSeats[i]),
    activeUsers30d: usage.activeUsers30d,
    logins30d: usage.logins30d,
    loginsPrev30d: usage.loginsPrev30d,
    surveys: table.surveyList(i, asOf),
    openHighPriorityCases: table.openHighCases[i],
    escalations90d: table.escalations[i],
    lastTouchpointAt: SignalTable.dayText(table.lastTouchDay[i]),
    overdueInvoices: present(table.overdueInvoices[i]),
    csmSentiment:
      sentiment && sentimentDate ? { value: sentiment, date: sentimentDate } : undefined,
    previousScores: previousDate ? [{ date: previousDate, score: table.previousScore[i] }] : []
  };
}

/** An override counts while its expiry date is today or later (no expiry: until cleared). */
export function overrideActive(table: SignalTable, i: number, asOfDay: number): boolean {
  return (
    table.override[i] !== 0 &&
    (table.overrideUntil[i] === STORED_NO_DAY || table.overrideUntil[i] >= asOfDay)
  );
}
