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

/** Connect REST message segments: text and mentions only, so no markup from data gets in. */
export type MessageSegment = { type: 'Text'; text: string } | { type: 'Mention'; id: string };

/** The Chatter post on the Account: what changed, the account manager, and the top reasons. */
export function alertMessage(input: {
  previousStatus: string | null;
  newStatus: string;
  score: number | null;
  accountManagerId: string | null;
  drivers: string[];
}): MessageSegment[] {
  const segments: MessageSegment[] = [];
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
  return segments;
}
