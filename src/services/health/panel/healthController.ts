import type { Connection } from 'jsforce';
import { z } from 'zod';
import { isIsoDate, type BatonModel, type ModelRecords } from '../../../core';
import { modelRecords } from '../../../org/orgModel';
import { UserInputError } from '../../../core/errors';
import { accountIdSchema } from '../recompute/accountSelection';
import { addDays, isoDateOf } from '../../../core/dates';
import { bandStatuses, statusChoice } from '../../../core/health/statuses';

/**
 * TypeScript twin of the Apex class HealthController: the same methods, parameters, answers
 * and error messages, run by the local org when the preview calls
 * `@salesforce/apex/HealthController.<method>`. Queries go through the caller's connection,
 * so the local org applies that persona's access as the org applies user mode.
 */
/** How far back the panel's score line reaches (HealthSelector.HISTORY_DAYS). */
export const HISTORY_DAYS = 365;
/** At most one snapshot a day is written, so a year holds at most 366. */
const HISTORY_LIMIT = HISTORY_DAYS + 1;

export interface HealthView {
  snapshots: { score: number | null; status: string | null; computedAt: string | null }[];
  breakdown: string | null;
  surveys: { surveyType: string; score: number; respondedOn: string }[];
  canOverride: boolean;
  serverDate: string;
  /** The custom metadata records: the compact breakdown takes its labels from the model. */
  modelRecords: ModelRecords;
}

const getHealthParams = z.object({ accountId: accountIdSchema });
const setOverrideParams = z.object({
  accountId: accountIdSchema,
  status: z.string().nullish(),
  reason: z.string().nullish(),
  // An Apex Date parameter reads null or a date, and refuses '' as the org does.
  until: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD').nullish()
});

const today = () => isoDateOf(new Date());

type Snapshot = {
  Score__c: number | null;
  Status__c: string | null;
  Computed_At__c: string | null;
  Breakdown__c?: string | null;
};

async function latestSnapshots(
  conn: Connection,
  accountId: string,
  limit: number,
  withBreakdown: boolean,
  since: string | null = null
): Promise<Snapshot[]> {
  const fields = withBreakdown
    ? 'Score__c, Status__c, Breakdown__c, Computed_At__c'
    : 'Score__c, Status__c, Computed_At__c';
  const from = since ? ` AND Computed_At__c >= ${since}` : '';
  const result = await conn.query<Snapshot>(
    `SELECT ${fields} FROM Health_Snapshot__c WHERE Account__c = '${accountId}'${from} ORDER BY Computed_At__c DESC LIMIT ${limit}`
  );
  return result.records;
}

async function latestSurvey(conn: Connection, accountId: string, surveyType: string) {
  const result = await conn.query<{ Type__c: string; Score__c: number; Responded_On__c: string }>(
    `SELECT Type__c, Score__c, Responded_On__c FROM Survey_Response__c WHERE Account__c = '${accountId}' AND Type__c = '${surveyType}' ORDER BY Responded_On__c DESC, CreatedDate DESC LIMIT 1`
  );
  const answer = result.records[0];
  return answer
    ? { surveyType: answer.Type__c, score: answer.Score__c, respondedOn: answer.Responded_On__c }
    : null;
}

async function canEditOverride(conn: Connection): Promise<boolean> {
  const describe = await conn.sobject('Account').describe();
  return describe.fields.some((field) => field.name === 'Health_Override__c' && field.updateable);
}

/** Twin of HealthController.getHealth. */
export async function getHealth(conn: Connection, params: unknown): Promise<HealthView> {
  const { accountId } = getHealthParams.parse(params);
  const account = await conn.query(`SELECT Id FROM Account WHERE Id = '${accountId}' LIMIT 1`);
  if (account.records.length === 0) {
    throw new UserInputError(
      `Account ${accountId} does not exist or you cannot see it.`,
      'accountId'
    );
  }
  const [history, latest, nps, csat, ces, canOverride, records] = await Promise.all([
    // A time span, not a count: snapshots are written only on a change or a heartbeat.
    latestSnapshots(
      conn,
      accountId,
      HISTORY_LIMIT,
      false,
      new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    ),
    latestSnapshots(conn, accountId, 1, true),
    latestSurvey(conn, accountId, 'NPS'),
    latestSurvey(conn, accountId, 'CSAT'),
    latestSurvey(conn, accountId, 'CES'),
    canEditOverride(conn),
    modelRecords(conn)
  ]);
  return {
    snapshots: history.map((snapshot) => ({
      score: snapshot.Score__c,
      status: snapshot.Status__c,
      computedAt: snapshot.Computed_At__c
    })),
    breakdown: latest[0]?.Breakdown__c ?? null,
    surveys: [nps, csat, ces].filter(
      (answer): answer is NonNullable<typeof answer> => answer !== null
    ),
    canOverride,
    serverDate: today(),
    modelRecords: records
  };
}

/**
 * As HealthController.saveOverride: the override fields as the user (only account managers may
 * edit them; the org refuses a seller, naming the field), then Health_Status__c, which follows
 * the override by rule and no user edits, `as system` (`system`: the admin's connection).
 */
async function saveOverride(
  conn: Connection,
  system: Connection,
  override: Record<string, unknown> & { Id: string },
  shownStatus: string | null
): Promise<void> {
  await conn.sobject('Account').update(override);
  await system.sobject('Account').update({ Id: override.Id, Health_Status__c: shownStatus });
}

/**
 * Twin of HealthController.setOverride: same checks and messages, in the same order. Without
 * `until` the override lasts the Override band's Days__c, and never longer than its
 * Max_Value__c (Health_Band__mdt), as in Apex; who set it and when are recorded.
 * @param model the org's custom metadata model (Health_Band__mdt holds the override limits)
 */
export async function setOverride(
  conn: Connection,
  params: unknown,
  model: BatonModel,
  system: Connection = conn
): Promise<HealthView> {
  const { accountId, status, reason, until } = setOverrideParams.parse(params);
  const statuses = bandStatuses(model);
  if (!status || !statuses.includes(status)) {
    throw new UserInputError(`Status must be ${statusChoice(statuses)}.`, 'status');
  }
  if (!reason || reason.trim() === '') {
    throw new UserInputError('Give a reason for the health override.', 'reason');
  }
  if (reason.trim().length > 255) {
    throw new UserInputError('Reason can be at most 255 characters.', 'reason');
  }
  const expiry = until || addDays(today(), model.overrideDays);
  if (expiry < today()) {
    throw new UserInputError('Until must be today or later.', 'until');
  }
  const latest = addDays(today(), model.overrideMaxDays);
  if (expiry > latest) {
    throw new UserInputError(
      `An override may last at most ${model.overrideMaxDays} days: until ${latest} at the latest.`,
      'until'
    );
  }
  await saveOverride(
    conn,
    system,
    {
      Id: accountId,
      Health_Override__c: status,
      Health_Override_Reason__c: reason.trim(),
      Health_Override_Until__c: expiry,
      Health_Override_Set_By__c: (await conn.identity()).user_id,
      Health_Override_Set_At__c: new Date().toISOString()
    },
    status
  );
  return getHealth(conn, { accountId });
}

/** Twin of HealthController.clearOverride: the status returns to the newest computed one. */
export async function clearOverride(
  conn: Connection,
  params: unknown,
  system: Connection = conn
): Promise<HealthView> {
  const { accountId } = getHealthParams.parse(params);
  const [latest] = await latestSnapshots(conn, accountId, 1, false);
  await saveOverride(
    conn,
    system,
    {
      Id: accountId,
      Health_Override__c: null,
      Health_Override_Reason__c: null,
      Health_Override_Until__c: null,
      Health_Override_Set_By__c: null,
      Health_Override_Set_At__c: null
    },
    latest?.Status__c ?? null
  );
  return getHealth(conn, { accountId });
}
