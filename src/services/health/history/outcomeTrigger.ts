import { accountOutcome, type OutcomePolicy } from '../../../core/health/outcomes';
import { isoDateOf } from '../../../core/dates';

type Row = Record<string, unknown>;

/** The part of a trigger host (the local org's Records) the outcome trigger needs. */
export interface OutcomeTriggerHost {
  addTrigger(
    type: string,
    name: string,
    trigger: {
      beforeUpdate(
        record: Row,
        old: Row,
        user: unknown,
        reads: OutcomeReads
      ): { message: string; fields: string[] } | null;
      afterUpdate(record: Row, old: Row, user: unknown, context: OutcomeContext): void;
    }
  ): void;
}

interface OutcomeReads {
  rowsWhere(type: string, field: string, value: string): Row[];
}

interface OutcomeContext extends OutcomeReads {
  create(type: string, fields: Record<string, unknown>): string;
}

const numberOrNull = (value: unknown) =>
  value === null || value === undefined || value === '' ? null : Number(value);

function policyOf(reads: OutcomeReads): OutcomePolicy {
  const [record] = reads.rowsWhere('Customer_Outcome_Policy__mdt', 'DeveloperName', 'Default');
  return {
    winbackDays: numberOrNull(record?.Winback_Days__c),
    contractionShare: numberOrNull(record?.Contraction_Share__c)
  };
}

const today = () => isoDateOf(new Date());

/** Most saves (the recompute's among them) touch none: no policy read, nothing decided. */
const untouched = (record: Row, old: Row) =>
  record.Customer_Stage__c === old.Customer_Stage__c &&
  record.MRR__c === old.MRR__c &&
  record.Contract_Start__c === old.Contract_Start__c;

/**
 * Twin of AccountTrigger (AccountOutcomeHandler.cls) in the local org: the core's
 * accountOutcome refuses a churn without date and reason, then records the Customer_Outcome__c
 * and plans the winback Task as the org's automation (no user access checks), as Apex does.
 */
export function registerOutcomeTrigger(host: OutcomeTriggerHost): void {
  host.addTrigger('Account', 'AccountTrigger', {
    beforeUpdate(record, old, _user, reads) {
      if (untouched(record, old)) return null;
      const decision = accountOutcome(old, record, policyOf(reads), today());
      return 'refusal' in decision ? decision.refusal : null;
    },
    afterUpdate(record, old, _user, context) {
      if (untouched(record, old)) return;
      const decision = accountOutcome(old, record, policyOf(context), today());
      if ('refusal' in decision) return;
      const { outcome, winbackDue } = decision;
      if (outcome)
        context.create('Customer_Outcome__c', {
          Account__c: record.Id,
          Type__c: outcome.type,
          Outcome_Date__c: outcome.date,
          ARR_Before__c: outcome.arrBefore,
          ARR_After__c: outcome.arrAfter,
          Reason__c: outcome.reason
        });
      if (winbackDue)
        context.create('Task', {
          WhatId: record.Id,
          OwnerId: record.Account_Manager__c ?? record.OwnerId,
          Subject: 'Winback',
          Type: 'Call',
          Status: 'Not Started',
          Priority: 'Normal',
          ActivityDate: winbackDue
        });
    }
  });
}
