import {
  handoverWriteProblem,
  MANAGE_HANDOVERS_PERMISSION,
  openHandoverProblem,
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
      handoverWriteProblem(null, record, writerOf(user)) ??
      openHandoverProblem(null, record, siblings(record, reads)),
    beforeUpdate: (record, old, user, reads) =>
      handoverWriteProblem(old, record, writerOf(user)) ??
      openHandoverProblem(old, record, siblings(record, reads))
  });
}
