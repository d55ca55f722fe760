import type { Connection } from 'jsforce';
import { z } from 'zod';
import { TIERS, type BatonModel, type Tier } from '../../core';
import { UserInputError } from '../../core/errors';
import { loadModelFromOrg } from '../../org/orgModel';
import { onboardingTargetDays } from '../onboarding/target';
import { isoDateOf } from '../../core/dates';
import { corePlanner } from '../touchpoints/corePlanner';
import { planTouchpointsForAccounts } from '../touchpoints/plan';
import { readAll } from '../touchpoints/records';

/**
 * TypeScript twin of the Apex class TierCadenceController: the same methods, parameters,
 * answers and error messages, run by the local org when the preview calls
 * `@salesforce/apex/TierCadenceController.<method>`. Queries and writes go through the
 * caller's connection, so the local org applies that persona's access as user mode does.
 */
export const TOUCHPOINT_LIMIT = 5;

export interface CadenceView {
  touchpoints: {
    id: string;
    subject: string | null;
    /** What the touchpoint is (kickoff, success-check, recurring-meeting...), from its key. */
    kind: string | null;
    dueDate: string | null;
    ownerName: string | null;
    automated: boolean;
    overdue: boolean;
  }[];
  onboardingModel: string | null;
  meetingPractices: string | null;
  /** The tier's default onboarding model (Tier_Cadence__mdt), shown when none was agreed. */
  tierOnboardingModel: string | null;
  /** Both models in Finnish (Onboarding_Model_Fi__c); an agreed model no tier wrote stays as agreed. */
  onboardingModelFi: string | null;
  tierOnboardingModelFi: string | null;
  /** Days from onboarding start to first value (the time-to-first-value measure's Full_At__c). */
  firstValueTargetDays: number;
  overdue: boolean;
  canOverride: boolean;
  serverDate: string;
  /** What the account's tier implies (its Tier_Cadence__mdt record), or null without one. */
  rhythm: TierRhythm | null;
}

/** The tier's cadence as the planner reads it, so the card can say what the tier implies. */
export interface TierRhythm {
  firstContactKind: string;
  firstContactDays: number;
  firstContactFrom: 'Acceptance' | 'ContractStart';
  successCheckDays: number | null;
  goalReviewDays: number | null;
  surveyDays: number | null;
  meetingIntervalDays: number | null;
  automated: boolean;
}

const accountId = z.string().regex(/^001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/, 'not an Account Id');
const getParams = z.object({ accountId });
const overrideParams = z.object({
  accountId,
  tier: z.string().nullish(),
  reason: z.string().nullish()
});

async function accountById(conn: Connection, id: string) {
  const rows = await readAll(
    conn,
    `SELECT Id, Touch_Tier__c, Suggested_Touch_Tier__c FROM Account WHERE Id = '${id}' LIMIT 1`
  );
  if (rows.length === 0)
    throw new UserInputError(`Account ${id} does not exist or you cannot see it.`, 'accountId');
  return rows[0];
}

/** A Touchpoint_Key__c's kind as the planner names it: recurring-meeting without its number. */
function kindOf(key: string | null): string | null {
  const kind = key === null ? null : key.slice(key.lastIndexOf(':') + 1);
  return kind?.startsWith('recurring-meeting-') ? 'recurring-meeting' : kind;
}

/** Twin of TierCadenceController.getCadence. */
export async function getCadence(conn: Connection, params: unknown): Promise<CadenceView> {
  const { accountId: id } = getParams.parse(params);
  const account = await accountById(conn, id);
  const tier = account.Touch_Tier__c as 'High' | 'Low' | 'Tech' | null;
  const serverDate = isoDateOf(new Date());
  const tasks = await readAll(
    conn,
    `SELECT Id, Subject, Touchpoint_Key__c, ActivityDate, Owner.Name, Automated_Step__c FROM Task WHERE WhatId = '${id}' AND IsClosed = false AND Touchpoint_Key__c != null ORDER BY ActivityDate ASC NULLS LAST LIMIT ${TOUCHPOINT_LIMIT}`
  );
  const touchpoints = tasks.map((task) => {
    const dueDate = (task.ActivityDate as string | null) ?? null;
    return {
      id: String(task.Id),
      subject: (task.Subject as string | null) ?? null,
      kind: kindOf(task.Touchpoint_Key__c as string | null),
      dueDate,
      ownerName: ((task.Owner as { Name?: string } | null)?.Name as string | undefined) ?? null,
      automated: task.Automated_Step__c === true,
      overdue: dueDate !== null && dueDate < serverDate
    };
  });
  const [handover] = await readAll(
    conn,
    `SELECT Onboarding_Model__c, Meeting_Practices__c, Accepted_At__c FROM Handover__c WHERE Account__c = '${id}' AND Status__c = 'Accepted' ORDER BY Accepted_At__c DESC NULLS LAST LIMIT 1`
  );
  const describe = await conn.sobject('Account').describe();
  // The org's own Tier_Cadence__mdt and Health_Measure__mdt, as the Apex reads them with getAll().
  const model = await loadModelFromOrg(conn);
  const onboardingModel = (handover?.Onboarding_Model__c as string | null) ?? null;
  const tierOnboardingModel = (tier && model.cadence[tier]?.onboardingModel) || null;
  const finnish = (text: string | null) =>
    Object.values(model.cadence).find(
      (cadence) => text !== null && cadence.onboardingModel === text
    )?.onboardingModelFi ?? text;
  return {
    touchpoints,
    onboardingModel,
    meetingPractices: (handover?.Meeting_Practices__c as string | null) ?? null,
    tierOnboardingModel,
    onboardingModelFi: finnish(onboardingModel),
    tierOnboardingModelFi: finnish(tierOnboardingModel),
    firstValueTargetDays: onboardingTargetDays(model),
    overdue: touchpoints.some((touchpoint) => touchpoint.overdue),
    canOverride: describe.fields.some(
      (field) => field.name === 'Touch_Tier_Override_Reason__c' && field.updateable
    ),
    serverDate,
    rhythm: rhythmOf(tier ? model.cadence[tier] : undefined)
  };
}

function rhythmOf(cadence: BatonModel['cadence'][Tier] | undefined): TierRhythm | null {
  if (!cadence) return null;
  return {
    firstContactKind: cadence.firstContactKind,
    firstContactDays: cadence.firstContactDays,
    firstContactFrom: cadence.firstContactFrom,
    successCheckDays: cadence.successCheckDays,
    goalReviewDays: cadence.goalReviewDays,
    surveyDays: cadence.surveyDays,
    meetingIntervalDays: cadence.meetingIntervalDays,
    automated: cadence.automated
  };
}

/**
 * Twin of TouchpointReplan.replan: the plan follows a tier set by hand at once, as the daily
 * plan would the next morning. The writes are the org's automation (system mode in Apex).
 */
async function replan(systemConn: Connection, id: string) {
  const model = await loadModelFromOrg(systemConn);
  await planTouchpointsForAccounts(systemConn, [id], {
    asOf: isoDateOf(new Date()),
    planner: corePlanner(model)
  });
}

async function save(conn: Connection, row: Record<string, unknown> & { Id: string }) {
  const result = await conn.sobject('Account').update(row);
  if (!result.success) {
    const error = (result as { errors?: { message?: string }[] }).errors?.[0];
    throw new UserInputError(error?.message ?? 'The tier could not be saved.');
  }
}

/** Twin of TierCadenceController.setTierOverride. */
export async function setTierOverride(
  conn: Connection,
  params: unknown,
  systemConn: Connection = conn
): Promise<CadenceView> {
  const { accountId: id, tier, reason } = overrideParams.parse(params);
  if (!tier || !(TIERS as readonly string[]).includes(tier))
    throw new UserInputError('Tier must be High, Low or Tech.', 'tier');
  if (!reason || reason.trim() === '')
    throw new UserInputError('Give a reason for the tier override.', 'reason');
  if (reason.trim().length > 255)
    throw new UserInputError('Reason can be at most 255 characters.', 'reason');
  await save(conn, { Id: id, Touch_Tier__c: tier, Touch_Tier_Override_Reason__c: reason.trim() });
  await replan(systemConn, id);
  return getCadence(conn, { accountId: id });
}

/** Twin of TierCadenceController.clearTierOverride: back to the suggested tier. */
export async function clearTierOverride(
  conn: Connection,
  params: unknown,
  systemConn: Connection = conn
): Promise<CadenceView> {
  const { accountId: id } = getParams.parse(params);
  const account = await accountById(conn, id);
  const row: Record<string, unknown> & { Id: string } = {
    Id: id,
    Touch_Tier_Override_Reason__c: null
  };
  if (account.Suggested_Touch_Tier__c) row.Touch_Tier__c = account.Suggested_Touch_Tier__c;
  await save(conn, row);
  await replan(systemConn, id);
  return getCadence(conn, { accountId: id });
}
