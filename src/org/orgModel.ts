import type { Connection } from 'jsforce';
import {
  BatonError,
  MDT_TYPES,
  parseModelRecords,
  type BatonModel,
  type ModelRecords
} from '../core';
import { RECORD_SCHEMAS } from '../core/config/records';

/**
 * Every record of the five custom metadata types, read from the org, in the row shape the
 * core's parseModelRecords reads (the twin of HandoverController.modelRecords; the panel
 * parses them with c/batonCore). The fields are the core's record schemas' own, so the query
 * holds no caller text and never asks for a field the core does not read.
 */
export async function modelRecords(conn: Connection): Promise<ModelRecords> {
  const entries = await Promise.all(
    MDT_TYPES.map(async (type) => {
      const fields = Object.keys(RECORD_SCHEMAS[type].shape).join(', ');
      const result = await conn
        .query<Record<string, unknown>>(`SELECT ${fields} FROM ${type} ORDER BY DeveloperName`)
        .catch((error: Error & { errorCode?: string }) => {
          // An org without Baton deployed: say which type is missing, not just the SOQL error.
          if (error.errorCode !== 'INVALID_TYPE') throw error;
          throw new BatonError(
            'MODEL_UNREADABLE',
            `The org has no ${type} (is Baton deployed there?): ${error.message}`,
            type
          );
        });
      const rows = result.records.map(({ attributes: _attributes, ...row }) => row);
      return [type, rows] as const;
    })
  );
  return Object.fromEntries(entries);
}

/**
 * The model an org-backed command runs with: the connected org's custom metadata records, as
 * Apex reads them with getAll(), so an admin's edit in the org reaches the CLI too (the
 * project's force-app files are only the shipped defaults). Call once per run. Invalid
 * records throw INVALID_MODEL naming the type, record and field.
 */
export async function loadModelFromOrg(conn: Connection): Promise<BatonModel> {
  const records = await modelRecords(conn);
  try {
    return parseModelRecords(records);
  } catch (error) {
    if (!(error instanceof BatonError)) throw error;
    throw new BatonError(
      error.code,
      `The org's custom metadata is invalid: ${error.message.replace(/\.?$/, '.')} Fix the record in Setup → Custom Metadata Types.`,
      error.field
    );
  }
}
