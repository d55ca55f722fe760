import { handoverWriteProblem, MANAGE_HANDOVERS_PERMISSION } from '../../core';

/** The part of a trigger host (the local org's Records) the handover guard needs. */
export interface TriggerHost {
  addTrigger(
    type: string,
    name: string,
    trigger: {
      beforeInsert(record: Record<string, unknown>, user: TriggerUserView): Refusal | null;
      beforeUpdate(
        record: Record<string, unknown>,
        old: Record<string, unknown>,
        user: TriggerUserView
      ): Refusal | null;
    }
  ): void;
}

interface TriggerUserView {
  id: string;
  hasCustomPermission(name: string): boolean;
}

interface Refusal {
  message: string;
  fields: string[];
}

const writerOf = (user: TriggerUserView) => ({
  userId: user.id,
  managesHandovers: user.hasCustomPermission(MANAGE_HANDOVERS_PERMISSION)
});

/** The twin of HandoverTrigger / HandoverTriggerHandler: every Handover__c write keeps the state machine. */
export function registerHandoverTrigger(host: TriggerHost): void {
  host.addTrigger('Handover__c', 'HandoverTrigger', {
    beforeInsert: (record, user) => handoverWriteProblem(null, record, writerOf(user)),
    beforeUpdate: (record, old, user) => handoverWriteProblem(old, record, writerOf(user))
  });
}
