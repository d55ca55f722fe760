import {
  entityIsDeleted,
  invalidField,
  invalidReference,
  invalidType,
  malformedId,
  multipleChoices,
  notAnExternalId,
  notFound,
  notWritable,
  OrgError,
  requiredMissing,
  wrongReferenceType
} from './errors';
import type { ChangeLog } from './changeEvents/changeLog';
import { to18 } from '../core/ids';
import { makeId } from './ids';
import { parentKeyOf, resolveParentKey, type ParentKey } from './parentKeys';
import type { UserAccess } from './permissions';
import type { Schema } from './schema/schema';
import type { FieldDef, ObjectDef } from './schema/types';
import { q, type Store } from './store';
import {
  refused,
  triggerUser,
  type RecordTrigger,
  type TriggerContext,
  type TriggerReads
} from './triggers';
import { formatDateTime, fromStored, toStored, type SqlValue } from './values';

export type Fields = Record<string, unknown>;
export type Row = Record<string, SqlValue>;

/** Who is writing: CreatedById, LastModifiedById and the default OwnerId. */
export interface Writer {
  id: string;
  /**
   * Object and field permissions to enforce (permissions.ts); absent for the admin and the org's
   * own writes, so those skip the check entirely (Bulk loads and the seed stay as fast).
   */
  access?: UserAccess;
}

/** Objects whose fields `derive` computes from others (their writes need the merged row). */
export const DERIVING_OBJECTS = new Set(['User', 'Contact', 'Task', 'Case', 'Opportunity']);

/** Values the org computes, as an org's standard formula-like fields do. */
function derive(object: ObjectDef, row: Row): void {
  const name = object.name;
  if (!DERIVING_OBJECTS.has(name)) return;
  if (name === 'User' || name === 'Contact') {
    row.Name = [row.FirstName, row.LastName].filter((v) => v).join(' ');
  } else if (name === 'Task') {
    row.IsClosed = row.Status === 'Completed' ? 1 : 0;
  } else if (name === 'Case') {
    row.IsClosed = row.Status === 'Closed' ? 1 : 0;
  } else if (name === 'Opportunity') {
    row.IsClosed = String(row.StageName ?? '').startsWith('Closed') ? 1 : 0;
    row.IsWon = row.StageName === 'Closed Won' ? 1 : 0;
  }
}

export function autoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
}

/** What create and update look up per object, worked out once instead of per row. */
export interface WritePlan {
  defaults: FieldDef[];
  autoNumbers: FieldDef[];
  required: FieldDef[];
  /** Lower-cased object names each reference field may point to. */
  referenceTargets: Map<string, Set<string>>;
  hasOwner: boolean;
}

function writePlan(object: ObjectDef): WritePlan {
  const fields = [...object.fields.values()];
  return {
    defaults: fields.filter((f) => f.defaultValue !== undefined && !f.autoNumberFormat),
    autoNumbers: fields.filter((f) => f.autoNumberFormat),
    required: fields.filter((f) => f.required && !f.system),
    referenceTargets: new Map(
      fields
        .filter((f) => f.type === 'reference')
        .map((f) => [f.name, new Set((f.referenceTo ?? []).map((r) => r.toLowerCase()))])
    ),
    hasOwner: object.fields.has('ownerid')
  };
}

/**
 * The live records an upsert key matches (at most two: more than one is an error). Text keys
 * compare as the NOCASE index the store built for them: external ids match case-insensitively,
 * as in an org, and each lookup is an index search, not a table scan (a scan per row made a
 * 300 000-Task upsert quadratic).
 */
export function keyLookupSql(object: ObjectDef, field: FieldDef): string {
  const collate = ['id', 'reference'].includes(field.type) ? '' : ' COLLATE NOCASE';
  return `SELECT Id FROM ${q(object.name)} WHERE ${q(field.name)} = ?${collate} AND IsDeleted = 0 LIMIT 2`;
}

/** A UNIQUE violation from SQLite as the org's DUPLICATE_VALUE; any other error unchanged. */
export function duplicateValue(error: unknown, object: ObjectDef): unknown {
  const message = String((error as Error).message);
  if (!message.includes('UNIQUE constraint failed')) return error;
  const column = message.split('.').pop() ?? '';
  return new OrgError(
    400,
    'DUPLICATE_VALUE',
    `duplicate value found: ${column} duplicates value on another ${object.name} record`,
    [column]
  );
}

/**
 * Record writes and reads for one local org, validated as an org validates them. Every
 * public method runs in one SQLite transaction (callers may nest them in a larger one).
 */
/** A new record's fields that hold a value, as a CREATE change event carries them. */
export function withValues(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value != null));
}

export class Records {
  constructor(
    private readonly store: Store,
    private readonly schema: Schema
  ) {}

  private readonly plans = new WeakMap<ObjectDef, WritePlan>();
  /** Change Data Capture: every write path records its changes here (set by OrgCore). */
  changeLog?: ChangeLog;
  private readonly triggers = new Map<string, RecordTrigger[]>();
  private readonly triggerNames = new Set<string>();

  /**
   * Runs `trigger` before every insert and update of `type`, whatever the write path. A name
   * already added is kept as it is, so registering twice (deploying twice) changes nothing.
   */
  addTrigger(type: string, name: string, trigger: RecordTrigger): void {
    const object = this.object(type).name;
    if (this.triggerNames.has(name)) return;
    this.triggerNames.add(name);
    this.triggers.set(object, [...(this.triggers.get(object) ?? []), trigger]);
  }

  /** Reads for triggers, inside the write's own transaction (so a batch sees its earlier rows). */
  private readonly triggerReads: TriggerReads = {
    rowsWhere: (type, field, value) => {
      const object = this.object(type);
      const column = this.field(object, field).name;
      return this.store
        .stmt(`SELECT * FROM ${q(object.name)} WHERE ${q(column)} = ? AND IsDeleted = 0`)
        .all(value) as Row[];
    }
  };

  /** An after trigger's writes: as the writer's user, without their access checks. */
  private triggerContext(writer: Writer): TriggerContext {
    return {
      ...this.triggerReads,
      create: (type, fields) => this.create(type, fields, { id: writer.id }),
      update: (type, id, fields) => this.update(type, id, fields, { id: writer.id })
    };
  }

  hasTriggers(object: ObjectDef): boolean {
    return this.triggers.has(object.name);
  }

  plan(object: ObjectDef): WritePlan {
    let plan = this.plans.get(object);
    if (!plan) this.plans.set(object, (plan = writePlan(object)));
    return plan;
  }

  object(type: string): ObjectDef {
    const object = this.schema.get(type);
    if (!object) throw invalidType(type);
    return object;
  }

  /**
   * Custom metadata records change only by deployment (Setup or the Metadata API), never by
   * the data APIs, in an org and here: the local org reloads them from force-app at start.
   */
  writable(type: string, verb: 'inserted' | 'updated' | 'deleted'): ObjectDef {
    const object = this.object(type);
    if (object.name.endsWith('__mdt'))
      throw new OrgError(
        400,
        'INVALID_TYPE_FOR_OPERATION',
        `entity type cannot be ${verb}: ${object.name} (custom metadata changes by deployment)`
      );
    return object;
  }

  private field(object: ObjectDef, name: string): FieldDef {
    const field = this.schema.field(object, name);
    if (!field) throw invalidField(object.name, name);
    return field;
  }

  /** Turns request fields into stored values; system fields cannot be written. */
  private convert(object: ObjectDef, input: Fields, allowOwner = true): Row {
    const row: Row = {};
    for (const [key, value] of Object.entries(input)) {
      if (key === 'attributes' || key.toLowerCase() === 'id') continue;
      const parent = this.parentByKey(object, key, value);
      if (parent) {
        row[parent.field.name] = parent.id;
        continue;
      }
      const field = this.field(object, key);
      if (field.system && !(allowOwner && field.name === 'OwnerId')) {
        throw notWritable(field.name);
      }
      row[field.name] = toStored(field, value);
    }
    return row;
  }

  /** A parent named by external id (`Account: { External_Id__c }`, `Account.External_Id__c`). */
  parentByKey(object: ObjectDef, key: string, value: unknown): ParentKey | undefined {
    if (this.schema.field(object, key)) return undefined;
    const parentKey = parentKeyOf(key, value);
    return parentKey && resolveParentKey(this.store, this.schema, object, parentKey);
  }

  private checkReferences(object: ObjectDef, row: Row) {
    for (const [name, allowed] of this.plan(object).referenceTargets) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      const field = object.fields.get(name.toLowerCase())!;
      const target = this.schema.byPrefix(String(value));
      if (target && !allowed.has(target.name.toLowerCase())) throw wrongReferenceType(field, value);
      const exists =
        target &&
        this.store
          .stmt(`SELECT 1 FROM ${q(target.name)} WHERE Id = ? AND IsDeleted = 0`)
          .get(value);
      if (!exists) throw invalidReference(field, value);
    }
  }

  /** An org's DELETE_FAILED when live records hold this one through a Restrict lookup. */
  private checkNotRestricted(object: ObjectDef, row: Row) {
    for (const child of this.schema.childRelationships(object.name)) {
      if (!child.restrictedDelete) continue;
      const holders = this.store
        .stmt(
          `SELECT Id FROM ${q(child.childSObject)} WHERE ${q(child.field)} = ? AND IsDeleted = 0 LIMIT 3`
        )
        .all(row.Id) as { Id: string }[];
      if (holders.length === 0) continue;
      const label = this.schema.get(child.childSObject)?.labelPlural ?? child.childSObject;
      throw new OrgError(
        400,
        'DELETE_FAILED',
        `Your attempt to delete ${String(row.Name ?? row.Id)} could not be completed because it is associated with the following ${label.toLowerCase()}.: ${holders.map((h) => h.Id).join(', ')}`
      );
    }
  }

  private checkRequired(object: ObjectDef, row: Row, only?: Set<string>) {
    const missing = this.plan(object).required.filter(
      (f) => (!only || only.has(f.name)) && (row[f.name] === null || row[f.name] === undefined)
    );
    if (missing.length) throw requiredMissing(missing.map((f) => f.name));
  }

  private write(sql: string, values: SqlValue[], object: ObjectDef) {
    try {
      this.store.stmt(sql).run(...values);
    } catch (error) {
      throw duplicateValue(error, object);
    }
  }

  create(type: string, input: Fields, writer: Writer): string {
    const object = this.writable(type, 'inserted');
    const row = this.convert(object, input);
    writer.access?.checkWrite(object, 'create', Object.keys(row));
    const plan = this.plan(object);
    for (const field of plan.defaults)
      if (row[field.name] === undefined) row[field.name] = toStored(field, field.defaultValue);
    for (const field of plan.autoNumbers)
      row[field.name] = autoNumber(
        field.autoNumberFormat!,
        this.store.nextSequence(`${object.name}.${field.name}`)
      );
    if (plan.hasOwner && !row.OwnerId) row.OwnerId = writer.id;
    derive(object, row);
    for (const trigger of this.triggers.get(object.name) ?? [])
      refused(trigger.beforeInsert?.(row, triggerUser(writer), this.triggerReads));
    this.checkRequired(object, row);
    this.checkReferences(object, row);
    const id = makeId(object.keyPrefix, this.store.pod(), this.store.nextSequence('id'));
    const now = formatDateTime(new Date());
    Object.assign(row, {
      Id: id,
      IsDeleted: 0,
      CreatedDate: now,
      LastModifiedDate: now,
      SystemModstamp: now,
      CreatedById: writer.id,
      LastModifiedById: writer.id
    });
    const columns = Object.keys(row);
    this.write(
      `INSERT INTO ${q(object.name)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => row[c]),
      object
    );
    this.changeLog?.record(object.name, 'CREATE', id, withValues(row), writer.id);
    for (const trigger of this.triggers.get(object.name) ?? [])
      trigger.afterInsert?.({ ...row }, triggerUser(writer), this.triggerContext(writer));
    return id;
  }

  /** A live record; one in the recycle bin is ENTITY_IS_DELETED to a write, not found to a read. */
  private existing(object: ObjectDef, id: string, forWrite = false): Row {
    const id18 = to18(id);
    if (!id18) throw malformedId(id);
    const row = this.store.stmt(`SELECT * FROM ${q(object.name)} WHERE Id = ?`).get(id18) as
      Row | undefined;
    if (row?.IsDeleted && forWrite) throw entityIsDeleted();
    if (!row || row.IsDeleted)
      throw notFound(`Provided id ${id} does not exist or is not a ${object.name}`);
    return row;
  }

  update(type: string, id: string, input: Fields, writer: Writer): void {
    const object = this.writable(type, 'updated');
    const current = this.existing(object, id, true);
    const changes = this.convert(object, input);
    writer.access?.checkWrite(object, 'edit', Object.keys(changes));
    if (object.name === 'User')
      writer.access?.checkUserEdit(writer.id, String(current.Id), Object.keys(changes));
    const merged = { ...current, ...changes };
    derive(object, merged);
    for (const trigger of this.triggers.get(object.name) ?? [])
      refused(trigger.beforeUpdate?.(merged, current, triggerUser(writer), this.triggerReads));
    this.checkRequired(object, merged, new Set(Object.keys(changes)));
    this.checkReferences(object, changes);
    const now = formatDateTime(new Date());
    const row: Row = {
      ...changes,
      LastModifiedDate: now,
      SystemModstamp: now,
      LastModifiedById: writer.id
    };
    for (const derived of ['Name', 'IsClosed', 'IsWon']) {
      if (object.fields.get(derived.toLowerCase())?.system && merged[derived] !== current[derived])
        row[derived] = merged[derived];
    }
    const columns = Object.keys(row);
    this.write(
      `UPDATE ${q(object.name)} SET ${columns.map((c) => `${q(c)} = ?`).join(', ')} WHERE Id = ?`,
      [...columns.map((c) => row[c]), current.Id],
      object
    );
    this.changeLog?.record(object.name, 'UPDATE', String(current.Id), row, writer.id);
    for (const trigger of this.triggers.get(object.name) ?? [])
      trigger.afterUpdate?.(
        { ...merged, ...row },
        current,
        triggerUser(writer),
        this.triggerContext(writer)
      );
  }

  /** Insert or update by an external id field; returns whether a record was created. */
  upsert(
    type: string,
    externalField: string,
    value: string,
    input: Fields,
    writer: Writer
  ): { id: string; created: boolean } {
    const object = this.object(type);
    const field = this.field(object, externalField);
    if (!field.externalId && field.name !== 'Id') {
      throw notAnExternalId(field.name, object.name);
    }
    const matches = this.store.stmt(keyLookupSql(object, field)).all(value) as { Id: string }[];
    if (matches.length > 1) throw multipleChoices(field.name, String(value));
    const fields = { ...input, [field.name]: value };
    if (matches.length === 1) {
      this.update(type, matches[0].Id, fields, writer);
      return { id: matches[0].Id, created: false };
    }
    return { id: this.create(type, fields, writer), created: true };
  }

  /**
   * Deletes a record (into the recycle bin, as queryAll sees it) and its master-detail children,
   * all or nothing (a savepoint): a child a Restrict lookup holds refuses the whole delete.
   */
  delete(type: string, id: string, writer: Writer): void {
    this.store.db.transaction(() => this.deleteTree(type, id, writer))();
  }

  private deleteTree(type: string, id: string, writer: Writer): void {
    const object = this.writable(type, 'deleted');
    const row = this.existing(object, id, true);
    writer.access?.checkObject(object, 'delete');
    this.checkNotRestricted(object, row);
    // As in an org, deleting the master takes its details along without the user needing
    // delete access on them, so the cascade runs without the user's access.
    const cascade: Writer = { id: writer.id };
    for (const child of this.schema
      .childRelationships(object.name)
      .filter((c) => c.cascadeDelete)) {
      const children = this.store
        .stmt(
          `SELECT Id FROM ${q(child.childSObject)} WHERE ${q(child.field)} = ? AND IsDeleted = 0`
        )
        .all(row.Id) as { Id: string }[];
      for (const c of children) this.deleteTree(child.childSObject, c.Id, cascade);
    }
    const now = formatDateTime(new Date());
    this.store
      .stmt(
        `UPDATE ${q(object.name)} SET IsDeleted = 1, LastModifiedDate = ?, SystemModstamp = ?, LastModifiedById = ? WHERE Id = ?`
      )
      .run(now, now, writer.id, row.Id);
    this.changeLog?.record(object.name, 'DELETE', String(row.Id), {}, writer.id);
  }

  /** One record as the REST API returns it, with all or the named fields. */
  retrieve(type: string, id: string, fieldNames?: string[]): Fields {
    const object = this.object(type);
    const row = this.existing(object, id);
    const fields = fieldNames?.length
      ? fieldNames.map((n) => this.field(object, n))
      : [...object.fields.values()];
    const record: Fields = {
      attributes: {
        type: object.name,
        url: `/services/data/v62.0/sobjects/${object.name}/${row.Id}`
      }
    };
    for (const field of fields) record[field.name] = fromStored(field, row[field.name]);
    return record;
  }
}
