import { UserInputError } from '../../core/errors';
import type { CsvRecord } from './csv';
import type { Mapping } from './rowSchemas';

/** "Account ID" / "account-id" / "AccountId"-free forms all become `account_id`. */
export const normaliseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export interface MappedRow {
  line: number;
  raw: string[];
  values: Record<string, string>;
}

const ACCOUNT_COLUMNS = ['account_id', 'account_external_id', 'account_name'];

/**
 * Turns CSV records into Baton-column rows, through the mapping (Baton column → your
 * header) and its constants (for columns the export lacks, such as `type: NPS`). A file
 * without a required column is refused before any row is read, naming the column.
 */
export function mapRows(
  records: readonly CsvRecord[],
  columns: readonly string[],
  required: readonly string[],
  mapping: Mapping
): { header: string[]; rows: MappedRow[] } {
  const [head, ...body] = records;
  if (!head) throw new UserInputError('The file is empty: expected a header row.', 'file');
  const positions = new Map(head.values.map((header, k) => [normaliseHeader(header), k]));
  const where = new Map<string, number>();
  for (const column of columns) {
    const header = normaliseHeader(mapping.columns[column] ?? column);
    const position = positions.get(header);
    if (position !== undefined) where.set(column, position);
    else if (mapping.columns[column])
      throw new UserInputError(
        `The mapping names column "${mapping.columns[column]}" for ${column}, but the file has no such column.`,
        column
      );
  }
  for (const column of required) {
    if (!where.has(column) && mapping.values[column] === undefined)
      throw new UserInputError(
        `The file has no "${column}" column: add it, or map your column with --mapping.`,
        column
      );
  }
  if (!ACCOUNT_COLUMNS.some((column) => where.has(column) || mapping.values[column]))
    throw new UserInputError(
      'The file has no account column: add account_id, account_external_id, or account_name with account_domain.',
      'account_id'
    );
  const rows = body.map((record) => {
    const values: Record<string, string> = {};
    for (const column of columns) {
      const position = where.get(column);
      const cell = position === undefined ? '' : (record.values[position] ?? '');
      values[column] = cell.trim() === '' ? (mapping.values[column] ?? cell) : cell;
    }
    return { line: record.line, raw: record.values, values };
  });
  return { header: head.values, rows };
}
