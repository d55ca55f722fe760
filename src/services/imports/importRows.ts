import { writeFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import type { z } from 'zod';
import { readByValues, saveRows, type Row } from '../touchpoints/records';
import { resolveAccounts, type AccountRef } from './accountResolver';
import { readCsvFile, toCsv } from './csv';
import { mapRows, type MappedRow } from './csvRows';
import type { Mapping } from './rowSchemas';

/** What one import kind (surveys, usage) adds to the shared pipeline. */
export interface ImportKind<R extends AccountColumns> {
  object: string;
  schema: z.ZodType<R, z.ZodTypeDef, unknown>;
  columns: readonly string[];
  required: readonly string[];
  /** The record to write, with its External_Key__c (the dedupe key). */
  toRecord(row: R, accountId: string): Row & { External_Key__c: string };
}

type AccountColumns = {
  account_id?: string;
  account_external_id?: string;
  account_name?: string;
  account_domain?: string;
};

export interface ImportOptions {
  file: string;
  mapping?: Mapping;
  allOrNone?: boolean;
  /** Where rejected rows go (default `<file>.rejected.csv`). */
  rejectedFile?: string;
}

export interface RowError {
  row: number;
  message: string;
}

export interface ImportSummary {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows repeating an earlier row of the same file (same key): skipped. */
  duplicates: number;
  rejected: number;
  /** False when --all-or-none refused the file because a row failed. */
  written: boolean;
  errors: RowError[];
  rejectedFile: string | null;
  /** Accounts whose records were inserted or updated. */
  accountIds: string[];
}

const same = (a: unknown, b: unknown) =>
  (a === null || a === undefined || a === '' ? null : String(a)) ===
  (b === null || b === undefined || b === '' ? null : String(b));

function validate<R>(rows: MappedRow[], schema: z.ZodType<R, z.ZodTypeDef, unknown>) {
  const good: { line: number; row: R }[] = [];
  const errors: RowError[] = [];
  for (const mapped of rows) {
    const parsed = schema.safeParse(mapped.values);
    if (parsed.success) good.push({ line: mapped.line, row: parsed.data });
    else
      errors.push({
        row: mapped.line,
        message: parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`)
          .join('; ')
      });
  }
  return { good, errors };
}

/**
 * Validates every row first (zod), resolves accounts, drops repeats, then writes only new
 * or changed records by External_Key__c: re-importing a file changes nothing. With
 * `allOrNone`, one bad row means nothing is written.
 */
export async function importRows<R extends AccountColumns>(
  conn: Connection,
  kind: ImportKind<R>,
  options: ImportOptions
): Promise<ImportSummary> {
  const records = readCsvFile(options.file);
  const mapped = mapRows(
    records,
    kind.columns,
    kind.required,
    options.mapping ?? { columns: {}, values: {} }
  );
  const { good, errors } = validate(mapped.rows, kind.schema);
  const refs: AccountRef[] = good.map(({ row }) => ({
    accountId: row.account_id,
    externalId: row.account_external_id,
    name: row.account_name,
    domain: row.account_domain
  }));
  const resolved = await resolveAccounts(conn, refs);
  const firstLineOfKey = new Map<string, number>();
  const toWrite: { line: number; record: Row & { External_Key__c: string } }[] = [];
  let duplicates = 0;
  good.forEach(({ line, row }, k) => {
    const resolution = resolved[k];
    if ('error' in resolution) return errors.push({ row: line, message: resolution.error });
    const record = kind.toRecord(row, resolution.accountId);
    if (firstLineOfKey.has(record.External_Key__c)) return duplicates++;
    firstLineOfKey.set(record.External_Key__c, line);
    toWrite.push({ line, record });
  });
  errors.sort((a, b) => a.row - b.row);
  const summary: ImportSummary = {
    file: options.file,
    rows: mapped.rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates,
    rejected: errors.length,
    written: !(options.allOrNone && errors.length > 0),
    errors,
    rejectedFile: null,
    accountIds: []
  };
  if (summary.written) await writeChanges(conn, kind, toWrite, summary, options.allOrNone);
  if (errors.length > 0)
    summary.rejectedFile = writeRejected(options, mapped.header, mapped.rows, errors);
  return summary;
}

async function writeChanges<R extends AccountColumns>(
  conn: Connection,
  kind: ImportKind<R>,
  toWrite: { line: number; record: Row & { External_Key__c: string } }[],
  summary: ImportSummary,
  allOrNone = false
) {
  const fields = Object.keys(toWrite[0]?.record ?? {});
  const existing = new Map<string, Row>();
  for (const row of await readByValues(
    conn,
    (list) => `SELECT ${fields.join(', ')} FROM ${kind.object} WHERE External_Key__c IN ${list}`,
    toWrite.map(({ record }) => record.External_Key__c)
  ))
    existing.set(String(row.External_Key__c), row);
  const changed = toWrite.filter(({ record }) => {
    const before = existing.get(record.External_Key__c);
    if (before && fields.every((field) => same(before[field], record[field]))) {
      summary.unchanged++;
      return false;
    }
    return true;
  });
  const failures = await saveRows(
    conn,
    kind.object,
    { kind: 'upsert', externalIdField: 'External_Key__c' },
    changed.map(({ record }) => record),
    allOrNone
  );
  const failed = new Set(failures.map((failure) => failure.row));
  for (const failure of failures) {
    const line = changed.find(({ record }) => record === failure.row)?.line ?? 0;
    summary.errors.push({ row: line, message: `${failure.errorCode}: ${failure.message}` });
  }
  summary.rejected = summary.errors.length;
  const accounts = new Set<string>();
  for (const { record } of changed) {
    if (failed.has(record)) continue;
    if (existing.has(record.External_Key__c)) summary.updated++;
    else summary.inserted++;
    accounts.add(String(record.Account__c));
  }
  summary.accountIds = [...accounts];
}

function writeRejected(
  options: ImportOptions,
  header: string[],
  rows: MappedRow[],
  errors: RowError[]
): string {
  const file = options.rejectedFile ?? options.file.replace(/(\.csv)?$/i, '.rejected.csv');
  const byLine = new Map(rows.map((row) => [row.line, row.raw]));
  const out = [['row', ...header, 'error']];
  for (const error of errors)
    out.push([String(error.row), ...(byLine.get(error.row) ?? []), error.message]);
  writeFileSync(file, toCsv(out));
  return file;
}
