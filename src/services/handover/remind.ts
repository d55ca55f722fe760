import type { Connection } from 'jsforce';
import { reminderCommentSegments, reminderDue } from '../../core/handoverReminder';
import type { BatonModel, MessageLanguage } from '../../core';
import { loadModelFromOrg } from '../../org/orgModel';
import { postComment } from './feed';
import { tierOf } from './rules';
import { accountsByIds, languageOf } from './selector';
import type { HandoverRow } from './schemas';

export interface RemindSummary {
  asOf: string;
  dryRun: boolean;
  /** Submitted handovers looked at. */
  submitted: number;
  reminded: { id: string; name: string; accountManagerId: string }[];
}

type SubmittedRow = HandoverRow & { Last_Reminded_On__c?: string | null };

/**
 * `baton handover remind`: each Submitted handover past its answer deadline gets one comment
 * a day on its post, @mentioning the account manager, and Last_Reminded_On__c records the day
 * (the comment first, then the mark, so a rerun after a crash completes the day's reminder).
 * A handover without a post is not reminded: there is nothing to comment on.
 */
export async function remindOverdueHandovers(
  conn: Connection,
  options: { asOf: string; dryRun?: boolean; model?: BatonModel }
): Promise<RemindSummary> {
  const model = options.model ?? (await loadModelFromOrg(conn));
  const submitted = (
    await conn
      .query<SubmittedRow>(
        "SELECT Id, Name, Status__c, Account__c, Account_Manager__c, Proposed_Touch_Tier__c, Submitted_At__c, Feed_Element_Id__c, Last_Reminded_On__c FROM Handover__c WHERE Status__c = 'Submitted' AND Feed_Element_Id__c != null"
      )
      .run({ autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER })
  ).records;
  const accounts = new Map(
    (await accountsByIds(conn, [...new Set(submitted.map((row) => row.Account__c))])).map(
      (account) => [account.Id, account]
    )
  );
  const summary: RemindSummary = {
    asOf: options.asOf,
    dryRun: Boolean(options.dryRun),
    submitted: submitted.length,
    reminded: []
  };
  // Each account manager's language, read once: the reminder is written in it.
  const languages = new Map<string, MessageLanguage>();
  for (const row of submitted) {
    const tier = tierOf(row, accounts.get(row.Account__c));
    const handover = {
      name: row.Name,
      status: row.Status__c,
      submittedAt: row.Submitted_At__c,
      accountManagerId: row.Account_Manager__c,
      lastRemindedOn: row.Last_Reminded_On__c
    };
    if (!reminderDue(handover, options.asOf, tier, model)) continue;
    summary.reminded.push({
      id: row.Id,
      name: row.Name,
      accountManagerId: row.Account_Manager__c!
    });
    if (options.dryRun) continue;
    const recordUrl = `${conn.instanceUrl}/lightning/r/Handover__c/${row.Id}/view`;
    const language =
      languages.get(row.Account_Manager__c!) ?? (await languageOf(conn, row.Account_Manager__c));
    languages.set(row.Account_Manager__c!, language);
    await postComment(
      conn,
      row.Feed_Element_Id__c!,
      reminderCommentSegments(handover, recordUrl, tier, model, language)
    );
    await conn.sobject('Handover__c').update({ Id: row.Id, Last_Reminded_On__c: options.asOf });
  }
  return summary;
}

/** One line for the CLI and the local org's timer. */
export const remindHeadline = (summary: RemindSummary) =>
  `${summary.reminded.length} of ${summary.submitted} submitted handovers overdue${summary.dryRun ? ' (dry run: nothing posted)' : ', their account managers reminded'}${summary.reminded.length ? `: ${summary.reminded.map((row) => row.name).join(', ')}` : ''}`;
