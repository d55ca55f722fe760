import { readFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { z } from 'zod';
import { UserInputError, zodInputError } from '../../core/errors';
import type { HandoverStatus } from '../../core/handover';
import { isSalesforceId, sameSalesforceId } from '../../core/ids';
import { loadModelFromOrg } from '../../org/orgModel';
import { accept, returnToSeller, saveDraft, submit, type Actor } from './service';
import { DraftInputSchema, type DraftInput } from './schemas';
import { handoversByIds } from './selector';

/**
 * The CLI's handover use cases (`baton handover submit|accept|return`), for integrations and
 * migrations from other tools: the same twin the local org runs, against any org.
 */

export type HandoverSummary = {
  id: string;
  name: string;
  status: string;
  feedElementId: string | null;
};

/** Reads and validates a handover file: one record or an array; errors name the JSON path. */
export function readHandoverFile(path: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserInputError(
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
      'file'
    );
  }
  // Parse one record or each record of the array, so the error path names the record.
  const parsed = (
    Array.isArray(raw) ? z.array(DraftInputSchema).min(1) : DraftInputSchema
  ).safeParse(raw);
  if (!parsed.success) throw zodInputError(parsed.error, { prefix: `${path}: ` });
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}

/** The acting user: the connection's user, as the Apex would see UserInfo.getUserId(). */
export async function actorFor(conn: Connection, asOf = new Date()): Promise<Actor> {
  // OpenID userinfo: served by orgs and the local org alike (jsforce's identity() needs an
  // absolute identity URL that token-only connections do not have).
  const userId =
    conn.userInfo?.id ??
    (await conn.request<{ user_id: string }>('/services/oauth2/userinfo')).user_id;
  // The CLI is an integration: its user holds Baton_Manage_Handovers (Baton_Admin), and in an
  // org the handover trigger refuses anyone else's answer for another account manager.
  return { conn, userId, baseUrl: conn.instanceUrl, asOf, managesHandovers: true };
}

async function summaries(conn: Connection, ids: string[]): Promise<HandoverSummary[]> {
  const rows = await handoversByIds(conn, ids);
  const byId = new Map(rows.map((row) => [row.Id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    return {
      id,
      name: row?.Name ?? '',
      status: row?.Status__c ?? '',
      feedElementId: row?.Feed_Element_Id__c ?? null
    };
  });
}

/**
 * Saves each record as a draft and submits it; stops at the first rejected one. A file submitted
 * again changes nothing: a record is the handover already in the org with the same content (its
 * account and every field the file gives), found before anything is written. A submitted or
 * accepted one is left alone (no second handover, no second post), and a draft an interrupted
 * run left behind is submitted rather than copied.
 */
export async function submitDrafts(
  conn: Connection,
  drafts: DraftInput[]
): Promise<HandoverSummary[]> {
  // The org's custom metadata, read once for every draft in the file.
  const actor = { ...(await actorFor(conn)), model: await loadModelFromOrg(conn) };
  const ids: string[] = [];
  for (const draft of drafts) {
    const earlier = await sameHandover(conn, draft);
    if (earlier && earlier.Status__c !== 'Draft') {
      ids.push(earlier.Id);
      continue;
    }
    const id = earlier?.Id ?? (await saveDraft(actor, draft));
    await submit(actor, id);
    ids.push(id);
  }
  return summaries(conn, ids);
}

/** A Returned handover is changed through its Id, so a new record never matches one. */
const RESUBMITTABLE: readonly HandoverStatus[] = ['Draft', 'Submitted', 'Accepted'];

/** 15- and 18-character forms of one Id are the same value; empty text is no value. */
function sameValue(stored: unknown, given: unknown): boolean {
  const text = (value: unknown) =>
    value === null || value === undefined || value === '' ? null : String(value);
  const [a, b] = [text(stored), text(given)];
  if (a !== null && b !== null && isSalesforceId(a) && isSalesforceId(b))
    return sameSalesforceId(a, b);
  return a === b;
}

/** The handover in the org that this file record describes (its content key), if any. */
async function sameHandover(
  conn: Connection,
  draft: DraftInput
): Promise<{ Id: string; Status__c: HandoverStatus } | undefined> {
  const fields = Object.keys(draft).filter((key) => key !== 'Id') as (keyof DraftInput)[];
  // Ids and field names come through DraftInputSchema: Ids are checked, unknown keys dropped.
  const where = draft.Id
    ? `Id = '${draft.Id}'`
    : `Account__c = '${draft.Account__c}' AND Status__c IN (${RESUBMITTABLE.map((s) => `'${s}'`).join(', ')})`;
  const columns = ['Id', 'Status__c', ...fields];
  const rows = await conn.query<Record<string, unknown>>(
    `SELECT ${columns.join(', ')} FROM Handover__c WHERE ${where} ORDER BY CreatedDate`
  );
  const match = rows.records.find((row) =>
    fields.every((field) => sameValue(row[field], draft[field]))
  );
  return match && { Id: String(match.Id), Status__c: match.Status__c as HandoverStatus };
}

export async function acceptById(conn: Connection, id: string): Promise<HandoverSummary[]> {
  await accept(await actorFor(conn), id);
  return summaries(conn, [id]);
}

export async function returnById(
  conn: Connection,
  id: string,
  reason: string
): Promise<HandoverSummary[]> {
  await returnToSeller(await actorFor(conn), id, reason);
  return summaries(conn, [id]);
}
