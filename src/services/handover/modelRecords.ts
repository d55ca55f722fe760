import type { Connection } from 'jsforce';
import { MDT_TYPES, type ModelRecords } from '../../core';
import { RECORD_SCHEMAS } from '../../core/config/records';

/**
 * The twin of HandoverController.modelRecords: every record of the five custom metadata
 * types, read from the org, in the row shape the core's parseModelRecords reads (the panel
 * parses them with c/batonCore). The fields are the core's record schemas' own, so the query
 * holds no caller text and never asks for a field the core does not read.
 */
export async function modelRecords(conn: Connection): Promise<ModelRecords> {
  const entries = await Promise.all(
    MDT_TYPES.map(async (type) => {
      const fields = Object.keys(RECORD_SCHEMAS[type].shape).join(', ');
      const result = await conn.query<Record<string, unknown>>(
        `SELECT ${fields} FROM ${type} ORDER BY DeveloperName`
      );
      const rows = result.records.map(({ attributes: _attributes, ...row }) => row);
      return [type, rows] as const;
    })
  );
  return Object.fromEntries(entries);
}
