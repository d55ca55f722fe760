import { existsSync, readFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { UserInputError, zodInputError } from '../../core/errors';
import { recordFirstValue } from '../onboarding/firstValue';
import { importRows, type ImportSummary } from './importRows';
import { surveyImport, usageImport } from './kinds';
import { mappingSchema, type Mapping } from './rowSchemas';

export interface ImportFlags {
  file: string;
  mapping?: string;
  allOrNone?: boolean;
  rejected?: string;
}

function readMapping(path: string | undefined): Mapping | undefined {
  if (!path) return undefined;
  if (!existsSync(path)) throw new UserInputError(`--mapping: no file ${path}`, 'mapping');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserInputError(`--mapping: not JSON (${(error as Error).message})`, 'mapping');
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success)
    throw zodInputError(parsed.error, { prefix: '--mapping: ', root: 'file', field: 'mapping' });
  return parsed.data;
}

/** Checks the flags before any connection is made, so a typo costs no API call. */
export function checkImportFlags(flags: ImportFlags): { mapping?: Mapping } {
  if (!existsSync(flags.file)) throw new UserInputError(`--file: no file ${flags.file}`, 'file');
  return { mapping: readMapping(flags.mapping) };
}

const options = (flags: ImportFlags, mapping?: Mapping) => ({
  file: flags.file,
  mapping,
  allOrNone: flags.allOrNone,
  rejectedFile: flags.rejected
});

export async function importSurveys(conn: Connection, flags: ImportFlags): Promise<ImportSummary> {
  const { mapping } = checkImportFlags(flags);
  return importRows(conn, surveyImport, options(flags, mapping));
}

export type UsageImportSummary = ImportSummary & { firstValueRecorded: number };

/** Usage rows, then first value for the accounts they touched (first snapshot with users). */
export async function importUsage(
  conn: Connection,
  flags: ImportFlags,
  asOf: string
): Promise<UsageImportSummary> {
  const { mapping } = checkImportFlags(flags);
  const summary = await importRows(conn, usageImport, options(flags, mapping));
  const firstValue = summary.accountIds.length
    ? await recordFirstValue(conn, { accountIds: summary.accountIds, asOf })
    : { recorded: [] };
  return { ...summary, firstValueRecorded: firstValue.recorded.length };
}

export function formatImport(summary: ImportSummary): string {
  const lines = [
    `${summary.file}: ${summary.rows} rows — ${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.duplicates} repeated in the file, ${summary.rejected} rejected`
  ];
  if (!summary.written) lines.push('--all-or-none: a row failed, so nothing was written.');
  for (const error of summary.errors.slice(0, 20))
    lines.push(`  row ${error.row}: ${error.message}`);
  if (summary.errors.length > 20) lines.push(`  … and ${summary.errors.length - 20} more`);
  if (summary.rejectedFile) lines.push(`Rejected rows: ${summary.rejectedFile}`);
  return lines.join('\n');
}
