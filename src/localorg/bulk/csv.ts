import { csvField } from '../../org/csvRecords';

export const csvLine = (values: unknown[]) => values.map(csvField).join(',') + '\n';

/** Flattens a query record (nested parents) into `Account.Name`-style columns. */
export function flatten(
  record: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {}
): Record<string, unknown> {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes') continue;
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      'attributes' in (value as object)
    ) {
      flatten(value as Record<string, unknown>, `${prefix}${key}.`, out);
    } else {
      out[`${prefix}${key}`] = value;
    }
  }
  return out;
}
