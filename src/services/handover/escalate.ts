import type { Connection } from 'jsforce';
import {
  escalationCommentSegments,
  escalationDue,
  escalationSettingOf,
  leadIsUsername,
  type EscalationSetting
} from '../../core/handoverEscalation';
import { messageLanguage, type MessageLanguage } from '../../core/messageTexts';
import type { BatonModel } from '../../core';
import { loadModelFromOrg } from '../../org/orgModel';
import { postComment } from './feed';
import { tierOf } from './rules';
import type { HandoverRow } from './schemas';
import type { AccountRow } from './selector';

export interface EscalateSummary {
  asOf: string;
  dryRun: boolean;
  /** What Portfolio_Setting__mdt.Escalation_Lead__c names; null: escalation is off. */
  lead: string | null;
  /** The active users it resolved to. */
  leadIds: string[];
  /** Submitted handovers with a post and not yet escalated, looked at. */
  submitted: number;
  escalated: { id: string; name: string }[];
}

type Row = Record<string, unknown>;
const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

async function loadSetting(conn: Connection): Promise<EscalationSetting> {
  const result = await conn.query<Row>(
    'SELECT DeveloperName, Escalation_Lead__c, Escalate_After_Days__c FROM Portfolio_Setting__mdt'
  );
  return escalationSettingOf(result.records);
}

/** The lead's active users with their language: one username, or everyone holding a permission set. */
async function leadsOf(conn: Connection, lead: string) {
  const condition = leadIsUsername(lead)
    ? `Username = ${quoted(lead)}`
    : `Id IN (SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = ${quoted(lead)})`;
  const users = await conn.query<Row>(
    `SELECT Id, LanguageLocaleKey FROM User WHERE IsActive = true AND ${condition} ORDER BY Id`
  );
  return users.records.map((user) => ({
    id: String(user.Id),
    language: messageLanguage(user.LanguageLocaleKey as string | null)
  }));
}

/**
 * `baton handover escalate`: each Submitted handover still unanswered the setting's business
 * days after its first overdue day gets one comment on its post @mentioning the escalation
 * lead(s), one comment per language so each reads it in their own, then Escalated_On__c records
 * the day (the comments first, so a run that fails between them escalates again rather than never).
 */
export async function escalateOverdueHandovers(
  conn: Connection,
  options: { asOf: string; dryRun?: boolean; model?: BatonModel }
): Promise<EscalateSummary> {
  const setting = await loadSetting(conn);
  const summary: EscalateSummary = {
    asOf: options.asOf,
    dryRun: Boolean(options.dryRun),
    lead: setting.lead,
    leadIds: [],
    submitted: 0,
    escalated: []
  };
  if (!setting.lead) return summary;
  const leads = await leadsOf(conn, setting.lead);
  summary.leadIds = leads.map((lead) => lead.id);
  const model = options.model ?? (await loadModelFromOrg(conn));
  const submitted = (
    await conn
      .query<Row>(
        "SELECT Id, Name, Status__c, Proposed_Touch_Tier__c, Account__r.Touch_Tier__c, Account_Manager__r.Name, Submitted_At__c, Feed_Element_Id__c FROM Handover__c WHERE Status__c = 'Submitted' AND Feed_Element_Id__c != null AND Escalated_On__c = null"
      )
      .run({ autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER })
  ).records;
  summary.submitted = submitted.length;
  const byLanguage = new Map<MessageLanguage, string[]>();
  for (const lead of leads)
    byLanguage.set(lead.language, [...(byLanguage.get(lead.language) ?? []), lead.id]);
  for (const row of submitted) {
    const tier = tierOf(
      row as Pick<HandoverRow, 'Proposed_Touch_Tier__c'>,
      row.Account__r as Pick<AccountRow, 'Touch_Tier__c'> | null
    );
    const handover = {
      name: String(row.Name),
      status: String(row.Status__c),
      submittedAt: row.Submitted_At__c as string | null,
      accountManagerName: ((row.Account_Manager__r as Row | null)?.Name as string) ?? null
    };
    if (leads.length === 0 || !escalationDue(handover, options.asOf, setting, tier, model))
      continue;
    summary.escalated.push({ id: String(row.Id), name: handover.name });
    if (options.dryRun) continue;
    const recordUrl = `${conn.instanceUrl}/lightning/r/Handover__c/${String(row.Id)}/view`;
    for (const [language, ids] of byLanguage)
      await postComment(
        conn,
        String(row.Feed_Element_Id__c),
        escalationCommentSegments(handover, ids, recordUrl, language, tier, model)
      );
    await conn.sobject('Handover__c').update({ Id: String(row.Id), Escalated_On__c: options.asOf });
  }
  return summary;
}

/** One line for the CLI and the local org's timer. */
export const escalateHeadline = (summary: EscalateSummary) =>
  summary.lead === null
    ? 'Escalation is off (Portfolio_Setting__mdt.Escalation_Lead__c is blank)'
    : summary.leadIds.length === 0
      ? `Escalation names ${summary.lead}, but no active user is it or holds it`
      : `${summary.escalated.length} of ${summary.submitted} submitted handovers escalated to ${summary.lead}${summary.dryRun ? ' (dry run: nothing posted)' : ''}${summary.escalated.length ? `: ${summary.escalated.map((row) => row.name).join(', ')}` : ''}`;
