import { createHash } from 'node:crypto';
import type { ImportKind } from './importRows';
import {
  SURVEY_COLUMNS,
  USAGE_COLUMNS,
  surveyRowSchema,
  usageRowSchema,
  type SurveyRow,
  type UsageRow
} from './rowSchemas';

const digest = (parts: readonly (string | number | undefined)[]) =>
  createHash('sha256')
    .update(parts.map((part) => String(part ?? '')).join('\u0000'))
    .digest('hex')
    .slice(0, 24);

/**
 * Survey answers. The dedupe key is the export's response id when it has one; otherwise a
 * digest of the answer itself (account, type, date, score, contact, channel, comment), so
 * the same export imported twice maps to the same keys.
 */
export const surveyImport: ImportKind<SurveyRow> = {
  object: 'Survey_Response__c',
  schema: surveyRowSchema,
  columns: SURVEY_COLUMNS,
  required: ['type', 'score', 'responded_on'],
  toRecord: (row, accountId) => ({
    Account__c: accountId,
    Contact__c: row.contact_id ?? null,
    Type__c: row.type,
    Score__c: row.score,
    Responded_On__c: row.responded_on,
    Channel__c: row.channel ?? null,
    Comment__c: row.comment ?? null,
    External_Key__c: row.response_id
      ? `survey:${row.type}:${row.response_id}`
      : `survey:${accountId.slice(0, 15)}:${row.type}:${row.responded_on}:${digest([
          row.score,
          row.contact_id,
          row.channel,
          row.comment
        ])}`
  })
};

/** Usage per account and period end: a corrected export updates the period's snapshot. */
export const usageImport: ImportKind<UsageRow> = {
  object: 'Usage_Snapshot__c',
  schema: usageRowSchema,
  columns: USAGE_COLUMNS,
  required: ['period_end', 'active_users'],
  toRecord: (row, accountId) => ({
    Account__c: accountId,
    Period_End__c: row.period_end,
    Active_Users__c: row.active_users,
    Logins__c: row.logins ?? null,
    Cancel_Page_Visits__c: row.cancel_page_visits ?? null,
    External_Key__c: `usage:${accountId.slice(0, 15)}:${row.period_end}`
  })
};
