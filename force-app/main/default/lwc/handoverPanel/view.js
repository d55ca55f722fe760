// Who sees what in the handover panel. One pure rule, so the component only renders it:
// - the seller edits a new, Draft or Returned handover (the form);
// - the receiving account manager answers a Submitted one (read-only, Accept and Return);
// - everyone else (another account manager, a viewer, the CS lead) reads the summary.
// The server enforces the same (NOT_THE_ADDRESSEE, the trigger's seller check); this only
// keeps people from filling in a form they may not write.

export const FORM = 'form';
export const ANSWER = 'answer';
export const SUMMARY = 'summary';

const SELLER_EDITS = new Set(['Draft', 'Returned']);

/**
 * @param context HandoverController.getContext's answer (userId, handover with Seller__c and
 *   Account_Manager__c, canStartHandover)
 * @param startingNext the user chose to start the next handover after an accepted one
 * @returns FORM, ANSWER or SUMMARY
 */
export function panelView(context, startingNext = false) {
  const handover = context.handover;
  if (!handover || (startingNext && context.canStartHandover)) {
    return FORM;
  }
  if (handover.Status__c === 'Submitted') {
    return handover.Account_Manager__c === context.userId ? ANSWER : SUMMARY;
  }
  if (SELLER_EDITS.has(handover.Status__c)) {
    // A draft drafted for no one yet (from the won deal) is the first seller's to take.
    return !handover.Seller__c || handover.Seller__c === context.userId ? FORM : SUMMARY;
  }
  return SUMMARY;
}

/**
 * The next handover (upsell, renewal, new account manager) starts once the last is accepted,
 * by someone other than the account manager who holds the account: no one hands over to
 * themselves.
 */
export function canStartNext(context) {
  return (
    !!context.handover &&
    context.handover.Status__c === 'Accepted' &&
    context.canStartHandover === true &&
    context.handover.Account_Manager__c !== context.userId
  );
}
