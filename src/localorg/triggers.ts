import { OrgError } from './errors';
import type { Row, Writer } from './records';

/** Who a trigger runs for, as Apex sees it through UserInfo and FeatureManagement. */
export interface TriggerUser {
  id: string;
  hasCustomPermission(name: string): boolean;
}

/** A trigger's `addError`: the write is refused with this message, naming these fields. */
export interface TriggerRefusal {
  message: string;
  fields: string[];
}

/** What a trigger may read besides the record, as Apex queries in a trigger handler. */
export interface TriggerReads {
  /** The live records of `type` whose `field` equals `value`, as stored (no access rules). */
  rowsWhere(type: string, field: string, value: string): Row[];
}

/** What an after-save trigger may do besides reading: create records, as Apex DML in a trigger. */
export interface TriggerContext extends TriggerReads {
  /** Creates a record as the trigger's user without their access checks; its triggers run too. */
  create(type: string, fields: Record<string, unknown>): string;
  /** Updates a record as the trigger's user without their access checks; its triggers run too. */
  update(type: string, id: string, fields: Record<string, unknown>): void;
}

/**
 * A trigger: the local org's stand-in for an Apex trigger on one object. Before save it sees
 * the record as it would be stored and returns a refusal to stop the write; after save it may
 * write other records. Every write path (REST, composite, UI API, Bulk, Apex twins) runs it.
 */
export interface RecordTrigger {
  beforeInsert?(record: Row, user: TriggerUser, reads: TriggerReads): TriggerRefusal | null | void;
  beforeUpdate?(
    record: Row,
    old: Row,
    user: TriggerUser,
    reads: TriggerReads
  ): TriggerRefusal | null | void;
  /** After the record is stored (it has its Id), in the same transaction. */
  afterInsert?(record: Row, user: TriggerUser, context: TriggerContext): void;
  afterUpdate?(record: Row, old: Row, user: TriggerUser, context: TriggerContext): void;
}

/** What Salesforce answers for a record a trigger's addError refused. */
export function refused(refusal: TriggerRefusal | null | void): void {
  if (refusal)
    throw new OrgError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', refusal.message, refusal.fields);
}

/** The admin (no access rules) holds every custom permission, as a System Administrator may. */
export function triggerUser(writer: Writer): TriggerUser {
  return {
    id: writer.id,
    hasCustomPermission: (name) => !writer.access || writer.access.hasCustomPermission(name)
  };
}
