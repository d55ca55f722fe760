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
  // One /composite/batch call for the five queries: every command reads the model once, and
  // five calls were a tenth of a 100 000-account recompute's API calls.
  const answer = await conn.requestPost<BatchAnswer>(
    `/services/data/v${conn.version}/composite/batch`,
    {
      batchRequests: MDT_TYPES.map((type) => ({
        method: 'GET',
        url: `v${conn.version}/query?q=${encodeURIComponent(modelQuery(type))}`
      }))
    }
  );
  const entries = await Promise.all(
    MDT_TYPES.map(async (type, k) => {
      const { statusCode, result } = answer.results[k];
      if (statusCode >= 400) {
        const [error] = result as { errorCode?: string; message?: string }[];
        // An org without Baton deployed: say which type is missing, not just the SOQL error.
        if (error?.errorCode === 'INVALID_TYPE')
          throw new BatonError(
            'MODEL_UNREADABLE',
            `The org has no ${type} (is Baton deployed there?): ${error.message}`,
            type
          );
        throw Object.assign(new Error(error?.message ?? `Reading ${type} failed`), {
          errorCode: error?.errorCode
        });
      }
      let page = result as QueryPage;
      const rows = [...page.records];
      // Custom metadata rarely fills a page; a type that does is read on by its next page.
      while (!page.done && page.nextRecordsUrl) {
        page = await conn.queryMore<Record<string, unknown>>(page.nextRecordsUrl);
        rows.push(...page.records);
      }
      return [type, rows.map(({ attributes: _attributes, ...row }) => row)] as const;
    })
  );
  return Object.fromEntries(entries);
}

type QueryPage = { records: Record<string, unknown>[]; done: boolean; nextRecordsUrl?: string };
type BatchAnswer = { results: { statusCode: number; result: unknown }[] };

const modelQuery = (type: (typeof MDT_TYPES)[number]) =>
  `SELECT ${Object.keys(RECORD_SCHEMAS[type].shape).join(', ')} FROM ${type} ORDER BY DeveloperName`;

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
