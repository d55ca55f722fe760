import type { Statement } from 'better-sqlite3';
import {
  entityIsDeleted,
  invalidField,
  invalidReference,
  malformedId,
  multipleChoices,
  notAnExternalId,
  notFound,
  notWritable,
  OrgError,
  requiredMissing,
  wrongReferenceType
} from './errors';
import { to18 } from '../core/ids';
import { makeId } from './ids';
import { lookupByRelationship } from './parentKeys';
import {
  autoNumber,
  DERIVING_OBJECTS,
  duplicateValue,
  type Fields,
  keyLookupSql,
  type Records,
  type Writer
} from './records';
import type { Schema } from './schema/schema';
import type { FieldDef, ObjectDef } from './schema/types';
import { q, type Store } from './store';
import { formatDateTime, toStored, type SqlValue } from './values';

export type BulkOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';
/** What happened to one row: its record, or the error an org reports for it. */
export type RowOutcome = { id: string; created: boolean } | OrgError;

/** Columns every record has, written by the org; they lead each insert's values. */
const SYSTEM = [
  'Id',
  'IsDeleted',
  'CreatedDate',
  'LastModifiedDate',
  'SystemModstamp',
  'CreatedById',
  'LastModifiedById'
];

/** One header column: the field it writes (by slot), or the error a value in it raises. */
interface Column {
  field?: FieldDef;
  slot: number;
  error?: OrgError;
  /** A `Relationship.ExternalId` column: its cells name the parent by external id. */
  parentKey?: string;
}

/**
 * What a chunk of rows with one header writes, worked out once per header instead of per
 * row: each column's field, one slot per written field, and the prepared statements.
 */
interface ChunkPlan {
  object: ObjectDef;
  columns: Column[];
  /** Field per slot; the SYSTEM columns come first. */
  slots: FieldDef[];
  /** Header columns a row's Id comes from (`Id`, then `id`, as the Bulk row object had it). */
  idColumns: number[];
  /** Header columns naming the upsert key, in header order. */
  keyColumns: number[];
  defaults: { slot: number; value: SqlValue }[];
  autoNumbers: { slot: number; field: FieldDef }[];
  required: { slot: number; field: FieldDef }[];
  references: { slot: number; field: FieldDef; allowed: Set<string> }[];
  ownerSlot: number;
  insert: Statement;
  /** The upsert key's lookup, as Records.upsert does it. */
  findByKey?: Statement;
  updates: Map<string, Statement>;
}

/** Per chunk: records known to exist, so a chunk's one OwnerId is looked up once. */
interface ChunkContext {
  now: string;
  writer: Writer;
  existing: Set<string>;
  prefixes: Map<string, ObjectDef | undefined>;
  /**
   * Per header column, the last text converted and its stored value: a chunk's rows often
   * repeat a value (one Computed_At__c, a few statuses), and a date-time costs a parse and a
   * format each time.
   */
  lastText: string[];
  lastStored: SqlValue[];
}

/** Values bound as one JSON array, the list an `IN (SELECT value FROM json_each(?))` reads. */
const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/**
 * Bulk API rows written a chunk at a time, with the checks and errors of Records' one-row
 * writes (create, update, upsert), row by row and in row order, but planned once per chunk:
 * one statement per column set, one timestamp per chunk (an org stamps a transaction's rows
 * alike) and each referenced record looked up once. Objects whose fields derive from others
 * (Contact's Name, Task's IsClosed, …) and custom metadata go through Records' one-row
 * writes, as do deletes.
 */
export class BatchWriter {
  private readonly plans = new Map<string, ChunkPlan>();

  constructor(
    private readonly store: Store,
    private readonly schema: Schema,
    private readonly records: Records
  ) {}

  /**
   * Writes Bulk CSV rows (cells as the file has them: '' leaves a field as it is, `#N/A`
   * clears it) and returns each row's outcome. Errors an org reports per row come back in
   * the outcomes; anything else is thrown, for the caller's transaction to roll back.
   */
  write(
    operation: BulkOperation,
    type: string,
    header: string[],
    rows: string[][],
    writer: Writer,
    externalIdField?: string
  ): RowOutcome[] {
    const object = this.records.object(type);
    if (operation === 'delete' || operation === 'hardDelete' || !this.fast(object))
      return rows.map((row) =>
        attempt(() => this.oneByOne(operation, object.name, header, row, writer, externalIdField))
      );
    const plan = this.plan(object, header, operation === 'upsert' ? externalIdField : undefined);
    const context: ChunkContext = {
      now: formatDateTime(new Date()),
      writer,
      existing: new Set(),
      prefixes: new Map(),
      lastText: [],
      lastStored: []
    };
    this.findReferenced(plan, rows, context);
    return rows.map((row) =>
      attempt(() => {
        if (operation === 'insert') return { id: this.insert(plan, row, context), created: true };
        if (operation === 'update') return { id: this.update(plan, row, context), created: false };
        return this.upsert(plan, row, context, String(externalIdField));
      })
    );
  }

  /** Objects with derived fields or triggers take the one-row path, which runs both. */
  private fast(object: ObjectDef): boolean {
    return (
      !DERIVING_OBJECTS.has(object.name) &&
      !object.name.endsWith('__mdt') &&
      !this.records.hasTriggers(object)
    );
  }

  /** The one-row path: the row as the fields object Records' methods take. */
  private oneByOne(
    operation: BulkOperation,
    type: string,
    header: string[],
    row: string[],
    writer: Writer,
    externalIdField?: string
  ): { id: string; created: boolean } {
    const fields: Fields = {};
    header.forEach((key, i) => {
      if (row[i] !== '') fields[key] = row[i] === '#N/A' ? null : row[i];
    });
    const id = String(fields.Id ?? fields.id ?? '');
    if (operation === 'insert')
      return { id: this.records.create(type, fields, writer), created: true };
    if (operation === 'update') {
      this.records.update(type, id, fields, writer);
      return { id, created: false };
    }
    if (operation === 'upsert') {
      const key = Object.keys(fields).find(
        (k) => k.toLowerCase() === String(externalIdField).toLowerCase()
      );
      if (!key) throw upsertKeyMissing(String(externalIdField));
      return this.records.upsert(type, key, String(fields[key]), fields, writer);
    }
    this.records.delete(type, id, writer);
    return { id, created: false };
  }

  private plan(object: ObjectDef, header: string[], externalIdField?: string): ChunkPlan {
    const cacheKey = `${object.name}\n${externalIdField ?? ''}\n${header.join('\n')}`;
    let plan = this.plans.get(cacheKey);
    if (!plan) {
      if (this.plans.size > 100) this.plans.clear();
      this.plans.set(cacheKey, (plan = this.makePlan(object, header, externalIdField)));
    }
    return plan;
  }

  private makePlan(object: ObjectDef, header: string[], externalIdField?: string): ChunkPlan {
    const slots: FieldDef[] = SYSTEM.map((name) => object.fields.get(name.toLowerCase())!);
    const slotOf = (field: FieldDef) => {
      const at = slots.indexOf(field);
      return at >= 0 ? at : slots.push(field) - 1;
    };
    const columns = header.map((key): Column => {
      if (key === 'attributes' || key.toLowerCase() === 'id') return { slot: -1 };
      const field = this.schema.field(object, key);
      const lookup = !field && key.includes('.') && lookupByRelationship(object, key.split('.')[0]);
      if (lookup) return { field: lookup, slot: slotOf(lookup), parentKey: key };
      if (!field) return { slot: -1, error: invalidField(object.name, key) };
      if (field.system && field.name !== 'OwnerId')
        return {
          slot: -1,
          error: notWritable(field.name)
        };
      return { field, slot: slotOf(field) };
    });
    const recordPlan = this.records.plan(object);
    const ownerSlot = recordPlan.hasOwner ? slotOf(object.fields.get('ownerid')!) : -1;
    const defaults = recordPlan.defaults.map((field) => ({
      slot: slotOf(field),
      value: toStored(field, field.defaultValue)
    }));
    const autoNumbers = recordPlan.autoNumbers.map((field) => ({ slot: slotOf(field), field }));
    const required = recordPlan.required.map((field) => ({ slot: slotOf(field), field }));
    // In the object's field order, as Records.create checks them. The org's own CreatedById
    // and LastModifiedById are not checked there either.
    const references = [...recordPlan.referenceTargets].flatMap(([name, allowed]) => {
      const slot = slots.findIndex((f) => f.name === name);
      return slot >= SYSTEM.length ? [{ slot, field: slots[slot], allowed }] : [];
    });
    const names = slots.map((f) => q(f.name));
    const keyField = externalIdField ? this.schema.field(object, externalIdField) : undefined;
    return {
      object,
      columns,
      slots,
      idColumns: ['Id', 'id'].map((k) => header.indexOf(k)).filter((i) => i >= 0),
      keyColumns: externalIdField
        ? header.flatMap((k, i) => (k.toLowerCase() === externalIdField.toLowerCase() ? [i] : []))
        : [],
      defaults,
      autoNumbers,
      required,
      references,
      ownerSlot,
      findByKey: keyField && this.store.stmt(keyLookupSql(object, keyField)),
      insert: this.store.db.prepare(
        `INSERT INTO ${q(object.name)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
      ),
      updates: new Map()
    };
  }

  /** A row's cells as stored values by slot; undefined where the row leaves a field alone. */
  private convert(
    plan: ChunkPlan,
    row: string[],
    context: ChunkContext,
    key?: { column: number; value: string }
  ) {
    const values: (SqlValue | undefined)[] = new Array(plan.slots.length);
    const { columns } = plan;
    const { lastText, lastStored } = context;
    for (let c = 0; c < columns.length; c++) {
      const cell = row[c];
      if (cell === '') continue;
      const column = columns[c];
      if (column.error) throw column.error;
      if (column.slot < 0) continue;
      const value = key?.column === c ? key.value : cell === '#N/A' ? null : cell;
      if (value === null) values[column.slot] = toStored(column.field!, null);
      else if (column.parentKey)
        values[column.slot] = this.records.parentByKey(plan.object, column.parentKey, value)!.id;
      else if (lastText[c] === value) values[column.slot] = lastStored[c];
      else {
        // A value that fails throws before it is remembered, and fails again next time.
        values[column.slot] = lastStored[c] = toStored(column.field!, value, 'csv');
        lastText[c] = value;
      }
    }
    return values;
  }

  /** Field names a row writes, in header order, for the writer's field permissions. */
  private writtenNames(plan: ChunkPlan, values: (SqlValue | undefined)[]): string[] {
    const names: string[] = [];
    for (const column of plan.columns)
      if (
        column.slot >= 0 &&
        values[column.slot] !== undefined &&
        !names.includes(column.field!.name)
      )
        names.push(column.field!.name);
    return names;
  }

  private checkRequired(plan: ChunkPlan, values: (SqlValue | undefined)[], onlyWritten: boolean) {
    let missing: string[] | undefined;
    for (const { slot, field } of plan.required) {
      const value = values[slot];
      if (onlyWritten ? value === null : value === null || value === undefined)
        (missing ??= []).push(field.name);
    }
    if (missing) throw requiredMissing(missing);
  }

  /**
   * The chunk's referenced records that exist, in one query per target object instead of one
   * per row: checkReferences then finds them known. Ids not found are still looked up row by
   * row (a record created earlier in the chunk), and a bad id still fails its own row there.
   */
  private findReferenced(plan: ChunkPlan, rows: string[][], context: ChunkContext) {
    const byTarget = new Map<ObjectDef, Set<string>>();
    for (const { slot, allowed } of plan.references) {
      const columns = plan.columns.flatMap((column, c) => (column.slot === slot ? [c] : []));
      for (const c of columns)
        for (const row of rows) {
          const cell = row[c];
          if (cell === '' || cell === '#N/A') continue;
          const id = to18(cell);
          if (!id || context.existing.has(id)) continue;
          const prefix = id.slice(0, 3);
          if (!context.prefixes.has(prefix)) context.prefixes.set(prefix, this.schema.byPrefix(id));
          const target = context.prefixes.get(prefix);
          if (!target || !allowed.has(target.name.toLowerCase())) continue;
          let ids = byTarget.get(target);
          if (!ids) byTarget.set(target, (ids = new Set()));
          ids.add(id);
        }
    }
    for (const [target, ids] of byTarget) {
      const found = this.store
        .stmt(`SELECT Id FROM ${q(target.name)} WHERE Id ${IN_LIST} AND IsDeleted = 0`)
        .pluck()
        .all(JSON.stringify([...ids])) as string[];
      for (const id of found) context.existing.add(id);
    }
  }

  private checkReferences(
    plan: ChunkPlan,
    values: (SqlValue | undefined)[],
    context: ChunkContext
  ) {
    for (const { slot, field, allowed } of plan.references) {
      const value = values[slot];
      if (value === null || value === undefined) continue;
      const id = String(value);
      const prefix = id.slice(0, 3);
      if (!context.prefixes.has(prefix)) context.prefixes.set(prefix, this.schema.byPrefix(id));
      const target = context.prefixes.get(prefix);
      if (target && !allowed.has(target.name.toLowerCase())) throw wrongReferenceType(field, value);
      const exists = target && (context.existing.has(id) || !!this.liveRecord(target).get(id));
      // Only a found record is remembered: one created later in the chunk may match after all.
      if (exists) context.existing.add(id);
      else throw invalidReference(field, value);
    }
  }

  private insert(
    plan: ChunkPlan,
    row: string[],
    context: ChunkContext,
    key?: { column: number; value: string }
  ): string {
    const { object } = plan;
    const { writer } = context;
    const values = this.convert(plan, row, context, key);
    writer.access?.checkWrite(object, 'create', this.writtenNames(plan, values));
    for (const { slot, value } of plan.defaults)
      if (values[slot] === undefined) values[slot] = value;
    for (const { slot, field } of plan.autoNumbers)
      values[slot] = autoNumber(
        field.autoNumberFormat!,
        this.store.nextSequence(`${object.name}.${field.name}`)
      );
    if (plan.ownerSlot >= 0 && !values[plan.ownerSlot]) values[plan.ownerSlot] = writer.id;
    this.checkRequired(plan, values, false);
    this.checkReferences(plan, values, context);
    const id = makeId(object.keyPrefix, this.store.pod(), this.store.nextSequence('id'));
    values[0] = id;
    values[1] = 0;
    values[2] = values[3] = values[4] = context.now;
    values[5] = values[6] = writer.id;
    for (let i = 7; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    try {
      plan.insert.run(values);
    } catch (error) {
      throw duplicateValue(error, object);
    }
    this.recordChange(plan, 'CREATE', id, values, writer.id);
    return id;
  }

  /** Updates the record `id18` (known to exist when `known`); returns its id. */
  private update(
    plan: ChunkPlan,
    row: string[],
    context: ChunkContext,
    match?: { id18: string; key: { column: number; value: string } }
  ): string {
    const { object } = plan;
    let id18 = match?.id18;
    if (!id18) {
      const id = this.rowId(plan, row);
      id18 = to18(id);
      if (!id18) throw malformedId(id);
    }
    const missing = () =>
      this.isDeleted(object, id18)
        ? entityIsDeleted()
        : notFound(
            `Provided id ${this.rowId(plan, row)} does not exist or is not a ${object.name}`
          );
    let values: (SqlValue | undefined)[];
    try {
      values = this.convert(plan, row, context, match?.key);
      context.writer.access?.checkWrite(object, 'edit', this.writtenNames(plan, values));
      this.checkRequired(plan, values, true);
      this.checkReferences(plan, values, context);
    } catch (error) {
      // A missing record is reported before anything wrong with the row's values.
      if (!match && !this.exists(object, id18)) throw missing();
      throw error;
    }
    const written: SqlValue[] = [];
    let shape = '';
    for (let slot = SYSTEM.length; slot < values.length; slot++) {
      if (values[slot] === undefined) continue;
      written.push(values[slot]!);
      shape += `${slot},`;
    }
    written.push(context.now, context.now, context.writer.id, id18);
    let result;
    try {
      result = this.updateStatement(plan, shape).run(written);
    } catch (error) {
      throw duplicateValue(error, object);
    }
    if (result.changes === 0) throw missing();
    this.recordChange(plan, 'UPDATE', id18, values, context.writer.id);
    return id18;
  }

  /** The row's written fields as a change event (Change Data Capture) carries them. */
  private recordChange(
    plan: ChunkPlan,
    changeType: 'CREATE' | 'UPDATE',
    id: string,
    values: (SqlValue | undefined)[],
    userId: string
  ) {
    const log = this.records.changeLog;
    if (!log?.captures(plan.object.name)) return;
    const fields: Record<string, SqlValue> = {};
    plan.slots.forEach((field, slot) => {
      const value = values[slot];
      if (value !== undefined && (value !== null || changeType === 'UPDATE'))
        fields[field.name] = value;
    });
    log.record(plan.object.name, changeType, id, fields, userId);
  }

  private rowId(plan: ChunkPlan, row: string[]): string {
    for (const c of plan.idColumns) if (row[c] !== '' && row[c] !== '#N/A') return row[c];
    return '';
  }

  private isDeleted(object: ObjectDef, id18: string): boolean {
    return !!this.store
      .stmt(`SELECT 1 FROM ${q(object.name)} WHERE Id = ? AND IsDeleted = 1`)
      .get(id18);
  }

  private exists(object: ObjectDef, id18: string): boolean {
    return !!this.liveRecord(object).get(id18);
  }

  private readonly liveRecords = new Map<string, Statement>();

  /** Whether a record is there and not deleted, by Id. */
  private liveRecord(object: ObjectDef): Statement {
    let statement = this.liveRecords.get(object.name);
    if (!statement)
      this.liveRecords.set(
        object.name,
        (statement = this.store.db.prepare(
          `SELECT 1 FROM ${q(object.name)} WHERE Id = ? AND IsDeleted = 0`
        ))
      );
    return statement;
  }

  private updateStatement(plan: ChunkPlan, shape: string): Statement {
    let statement = plan.updates.get(shape);
    if (!statement) {
      const set = shape
        .split(',')
        .filter(Boolean)
        .map((slot) => `${q(plan.slots[Number(slot)].name)} = ?`);
      set.push(
        ...['LastModifiedDate', 'SystemModstamp', 'LastModifiedById'].map((c) => `${q(c)} = ?`)
      );
      statement = this.store.db.prepare(
        `UPDATE ${q(plan.object.name)} SET ${set.join(', ')} WHERE Id = ? AND IsDeleted = 0`
      );
      plan.updates.set(shape, statement);
    }
    return statement;
  }

  private upsert(
    plan: ChunkPlan,
    row: string[],
    context: ChunkContext,
    externalIdField: string
  ): { id: string; created: boolean } {
    const column = plan.keyColumns.find((c) => row[c] !== '');
    if (column === undefined) throw upsertKeyMissing(externalIdField);
    const { object } = plan;
    const field = plan.columns[column].field;
    if (!field) throw plan.columns[column].error ?? invalidField(object.name, externalIdField);
    if (!field.externalId && field.name !== 'Id') throw notAnExternalId(field.name, object.name);
    // The key as Records.upsert takes it: the cell's text (#N/A included, as the row object had it).
    const value = row[column] === '#N/A' ? 'null' : row[column];
    const matches = plan.findByKey!.all(value) as { Id: string }[];
    if (matches.length > 1) throw multipleChoices(field.name, String(value));
    const key = { column, value };
    if (matches.length === 1)
      return { id: this.update(plan, row, context, { id18: matches[0].Id, key }), created: false };
    return { id: this.insert(plan, row, context, key), created: true };
  }
}

const upsertKeyMissing = (externalIdField: string) =>
  new OrgError(400, 'REQUIRED_FIELD_MISSING', `${externalIdField} is required for upsert`, [
    externalIdField
  ]);

function attempt(write: () => { id: string; created: boolean }): RowOutcome {
  try {
    return write();
  } catch (error) {
    if (error instanceof OrgError) return error;
    throw error;
  }
}
