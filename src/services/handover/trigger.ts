import {
  handoverWriteProblem,
  MANAGE_HANDOVERS_PERMISSION,
  messageLanguage,
  openHandoverProblem,
  type MessageLanguage,
  type OpenHandover
} from '../../core';

type Row = Record<string, unknown>;

/** The part of a trigger host (the local org's Records) the handover guard needs. */
export interface TriggerHost {
  addTrigger(
    type: string,
    name: string,
    trigger: {
      beforeInsert(record: Row, user: TriggerUserView, reads: TriggerReadsView): Refusal | null;
      beforeUpdate(
        record: Row,
        old: Row,
        user: TriggerUserView,
        reads: TriggerReadsView
      ): Refusal | null;
    }
  ): void;
}

interface TriggerUserView {
  id: string;
  hasCustomPermission(name: string): boolean;
}

interface TriggerReadsView {
  rowsWhere(type: string, field: string, value: string): Row[];
}

interface Refusal {
  message: string;
  fields: string[];
}

const writerOf = (user: TriggerUserView) => ({
  userId: user.id,
  managesHandovers: user.hasCustomPermission(MANAGE_HANDOVERS_PERMISSION)
});

/**
 * A refusal in the writer's language (their User's LanguageLocaleKey), as Apex's System.Label
 * speaks to the running user; only a refusal reads the User row.
 */
function inWritersLanguage(
  user: TriggerUserView,
  reads: TriggerReadsView,
  problem: (language: MessageLanguage) => Refusal | null
): Refusal | null {
  if (!problem('en')) return null;
  const [row] = reads.rowsWhere('User', 'Id', user.id);
  return problem(messageLanguage(row?.LanguageLocaleKey as string | undefined));
}

/** The account's other handovers, whoever may see them: the rule holds for every writer. */
const siblings = (record: Row, reads: TriggerReadsView): OpenHandover[] =>
  typeof record.Account__c === 'string'
    ? (reads.rowsWhere('Handover__c', 'Account__c', record.Account__c) as unknown as OpenHandover[])
    : [];

/**
 * The twin of HandoverTrigger / HandoverTriggerHandler: every Handover__c write keeps the
 * state machine, and an account has at most one open handover.
 */
export function registerHandoverTrigger(host: TriggerHost): void {
  host.addTrigger('Handover__c', 'HandoverTrigger', {
    beforeInsert: (record, user, reads) =>
      inWritersLanguage(
        user,
        reads,
        (language) =>
          handoverWriteProblem(null, record, writerOf(user), language) ??
          openHandoverProblem(null, record, siblings(record, reads), language)
      ),
    beforeUpdate: (record, old, user, reads) =>
      inWritersLanguage(
        user,
        reads,
        (language) =>
          handoverWriteProblem(old, record, writerOf(user), language) ??
          openHandoverProblem(old, record, siblings(record, reads), language)
      )
  });
}
