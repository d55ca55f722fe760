import type { MessageSegment } from '../../../core/connect';

/**
 * When to tell the account manager: the status fell to the worst band (Red), or dropped two
 * bands at once. Once per drop: Health_Alert_Status__c remembers the status last alerted on,
 * and is cleared when the account recovers above it, so the next drop alerts again.
 */
export interface AlertInput {
  /** Status shown before this run (Account.Health_Status__c). */
  previousStatus: string | null;
  /** Status computed now. */
  newStatus: string;
  /** Account.Health_Alert_Status__c. */
  alertedStatus: string | null;
  /** An account manager's active override: they already judge this account themselves. */
  overrideActive: boolean;
  /** Band statuses best first, e.g. Green, Yellow, Red. */
  bandOrder: readonly string[];
}

export interface AlertDecision {
  alert: boolean;
  /** Value to write to Health_Alert_Status__c. */
  alertStatus: string | null;
}

export function decideAlert(input: AlertInput): AlertDecision {
  const rank = (status: string | null) => (status ? input.bandOrder.indexOf(status) : -1);
  const before = rank(input.previousStatus);
  const now = rank(input.newStatus);
  const worst = input.bandOrder.length - 1;
  const dropped =
    before >= 0 && now >= 0 && ((now === worst && before < worst) || now - before >= 2);
  const alreadyAlerted = input.alertedStatus === input.newStatus;
  if (dropped && !alreadyAlerted && !input.overrideActive) {
    return { alert: true, alertStatus: input.newStatus };
  }
  const alerted = rank(input.alertedStatus);
  const recovered = alerted >= 0 && now >= 0 && now < alerted;
  return { alert: false, alertStatus: recovered ? null : input.alertedStatus };
}

/**
 * An alert is owed from the moment its drop is written until its post is on the feed, and
 * neither a crash nor a rerun may lose or double it. So the Account write that records the drop
 * (Health_Status__c) carries, in the same row, Health_Alert_Status__c = `Pending <from>><to>
 * <key>`; the post carries the key; only a post on the feed turns the marker into the plain
 * status. A run that finds a marker owes that alert: it posts it unless a post with its key is
 * already on the account's feed (the crash came between the post and the marker's update).
 */
export interface OwedAlert {
  from: string;
  to: string;
  /** The run that decided the alert (base-36 milliseconds): one per account and run. */
  key: string;
}

const OWED = /^Pending (.+)>(.+) ([0-9a-z]+)$/;

export const owedAlertStatus = (alert: OwedAlert) =>
  `Pending ${alert.from}>${alert.to} ${alert.key}`;

/** Health_Alert_Status__c read: the status alerted on, and the alert still owed for it if any. */
export function readAlertStatus(value: unknown): { status: string | null; owed: OwedAlert | null } {
  const text = value === null || value === undefined || value === '' ? null : String(value);
  const owed = text?.startsWith('Pending ') ? OWED.exec(text) : null;
  if (!owed) return { status: text, owed: null };
  return { status: owed[2], owed: { from: owed[1], to: owed[2], key: owed[3] } };
}

/** The line that ties a post to its alert, so a rerun can tell it is on the feed already. */
export const alertKeyLine = (key: string) => `Baton alert ${key}`;

/** Connect REST message segments: an alert writes text and mentions only, so no markup from data gets in. */
type AlertSegment = Extract<MessageSegment, { type: 'Text' | 'Mention' }>;

/** The Chatter post on the Account: what changed, the account manager, and the top reasons. */
export function alertMessage(input: {
  previousStatus: string | null;
  newStatus: string;
  score: number | null;
  accountManagerId: string | null;
  drivers: string[];
  key: string;
}): AlertSegment[] {
  const segments: AlertSegment[] = [];
  const score = input.score === null ? '' : ` (score ${input.score})`;
  segments.push({
    type: 'Text',
    text: `Customer health fell from ${input.previousStatus} to ${input.newStatus}${score}. `
  });
  if (input.accountManagerId) {
    segments.push({ type: 'Mention', id: input.accountManagerId });
    segments.push({ type: 'Text', text: ' please take a look.' });
  }
  const reasons = input.drivers.slice(0, 3);
  if (reasons.length > 0) {
    segments.push({
      type: 'Text',
      text: `\nTop reasons:\n${reasons.map((reason) => `• ${reason}`).join('\n')}`
    });
  }
  segments.push({ type: 'Text', text: `\n${alertKeyLine(input.key)}` });
  return segments;
}
