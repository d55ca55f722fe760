import type { HandoverStatus } from './handover';
import { sameSalesforceId } from './ids';
import { messageText, type MessageLanguage } from './messageTexts';

/**
 * The handover's state machine as every write must respect it, not only the panel's: the
 * Apex HandoverTriggerHandler and the local org's trigger (services/handover/trigger.ts) both
 * apply this rule to each insert and update of a Handover__c.
 */

/** The custom permission that lets admins and integrations load and answer any handover. */
export const MANAGE_HANDOVERS_PERMISSION = 'Baton_Manage_Handovers';

/** Fields the lifecycle writes; everything else is the seller's content, editable in Draft and Returned. */
export const HANDOVER_LIFECYCLE_FIELDS = [
  'Status__c',
  'Submitted_At__c',
  'Accepted_At__c',
  'Returned_At__c',
  'Return_Reason__c',
  'Feed_Element_Id__c',
  'Last_Reminded_On__c',
  'Escalated_On__c'
] as const;

const LEGAL_MOVES: Partial<Record<HandoverStatus, HandoverStatus[]>> = {
  Draft: ['Submitted'],
  Returned: ['Submitted'],
  Submitted: ['Accepted', 'Returned']
};

const EDITABLE_STATUSES: HandoverStatus[] = ['Draft', 'Returned'];

export interface HandoverWriteProblem {
  code:
    | 'ILLEGAL_TRANSITION'
    | 'NOT_THE_ADDRESSEE'
    | 'RETURN_REASON_REQUIRED'
    | 'HANDOVER_LOCKED'
    | 'OPEN_HANDOVER_EXISTS'
    | 'RECORD_CHANGED';
  message: string;
  fields: string[];
}

export interface HandoverWriter {
  userId: string;
  /** Holds MANAGE_HANDOVERS_PERMISSION: data loads and answers for anyone pass. */
  managesHandovers: boolean;
}

type HandoverRecord = Record<string, unknown>;

export { sameSalesforceId };

const statusOf = (record: HandoverRecord) => (record.Status__c ?? 'Draft') as HandoverStatus;
const blank = (value: unknown) =>
  value === null || value === undefined || String(value).trim() === '';
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || String(a) === String(b);

const STATUS_LABELS = {
  Draft: 'Baton_Handover_Status_Draft',
  Submitted: 'Baton_Handover_Status_Submitted',
  Accepted: 'Baton_Handover_Status_Accepted',
  Returned: 'Baton_Handover_Status_Returned'
} as const;

/** A status as the reader's language names it (Lähetetty), an unknown one as it is stored. */
export const handoverStatusLabel = (language: MessageLanguage, status: string) =>
  status in STATUS_LABELS
    ? messageText(language, STATUS_LABELS[status as keyof typeof STATUS_LABELS])
    : status;

/**
 * What is wrong with writing `next` over `old` (null for an insert), or null when it may be saved.
 * @param language the writer's, who reads the refusal
 */
export function handoverWriteProblem(
  old: HandoverRecord | null,
  next: HandoverRecord,
  writer: HandoverWriter,
  language: MessageLanguage = 'en'
): HandoverWriteProblem | null {
  if (writer.managesHandovers) return null;
  const to = statusOf(next);
  const status = (value: string) => handoverStatusLabel(language, value);
  if (!old)
    return to === 'Draft'
      ? null
      : {
          code: 'ILLEGAL_TRANSITION',
          message: messageText(language, 'Baton_Handover_Error_New_Not_Draft', status(to)),
          fields: ['Status__c']
        };
  const from = statusOf(old);
  if (from === to) return lockedFields(old, next, from, language);
  if (!LEGAL_MOVES[from]?.includes(to))
    return {
      code: 'ILLEGAL_TRANSITION',
      message: messageText(
        language,
        'Baton_Handover_Error_Cannot_Become',
        status(from),
        status(to)
      ),
      fields: ['Status__c']
    };
  if (
    (to === 'Accepted' || to === 'Returned') &&
    !sameSalesforceId(next.Account_Manager__c, writer.userId)
  )
    return {
      code: 'NOT_THE_ADDRESSEE',
      message: messageText(language, 'Baton_Handover_Error_Answer_Addressee'),
      fields: ['Account_Manager__c']
    };
  if (to === 'Returned' && blank(next.Return_Reason__c))
    return {
      code: 'RETURN_REASON_REQUIRED',
      message: messageText(language, 'Baton_Handover_Error_Return_Reason'),
      fields: ['Return_Reason__c']
    };
  return null;
}

/** A submitted or accepted handover's content stays as its account manager read it. */
function lockedFields(
  old: HandoverRecord,
  next: HandoverRecord,
  status: HandoverStatus,
  language: MessageLanguage
): HandoverWriteProblem | null {
  if (EDITABLE_STATUSES.includes(status)) return null;
  const lifecycle = new Set<string>(HANDOVER_LIFECYCLE_FIELDS);
  const changed = Object.keys(next).filter(
    (field) => field.endsWith('__c') && !lifecycle.has(field) && !same(old[field], next[field])
  );
  return changed.length
    ? {
        code: 'HANDOVER_LOCKED',
        message: messageText(
          language,
          'Baton_Handover_Error_Locked',
          handoverStatusLabel(language, status),
          changed.join(', ')
        ),
        fields: changed
      }
    : null;
}

/** Statuses in which a handover is still being written or answered: at most one per account. */
export const OPEN_HANDOVER_STATUSES: readonly HandoverStatus[] = ['Draft', 'Submitted', 'Returned'];

/** An account's handover as the one-open rule reads it. */
export interface OpenHandover {
  Id: string;
  Name?: string | null;
  Status__c?: string | null;
}

const isOpenStatus = (status: unknown) =>
  OPEN_HANDOVER_STATUSES.includes((status ?? 'Draft') as HandoverStatus);

/**
 * One open handover per account, for every writer (a data load included): a new handover, or
 * one moving to Draft or Submitted, is refused while another Draft, Submitted or Returned
 * handover exists on its account; the message names that one so the user can open it, in
 * `language`, the writer's.
 * `others`: the account's other handovers (the record itself left out).
 */
export function openHandoverProblem(
  old: HandoverRecord | null,
  next: HandoverRecord,
  others: readonly OpenHandover[],
  language: MessageLanguage = 'en'
): HandoverWriteProblem | null {
  const to = statusOf(next);
  const entersOpen = (to === 'Draft' || to === 'Submitted') && (!old || statusOf(old) !== to);
  if (!entersOpen) return null;
  const open = others.find(
    (other) => !sameSalesforceId(other.Id, next.Id) && isOpenStatus(other.Status__c)
  );
  if (!open) return null;
  return {
    code: 'OPEN_HANDOVER_EXISTS',
    message: messageText(
      language,
      'Baton_Handover_Error_Open_Exists',
      open.Name ?? open.Id,
      handoverStatusLabel(language, open.Status__c ?? 'Draft')
    ),
    fields: ['Account__c']
  };
}

/**
 * The panel's save of a record it read at `readAt` (its LastModifiedDate): refused when the
 * record changed since, so a stale tab never overwrites someone else's edit or answer.
 * @param language the writer's, who reads the refusal
 */
export function recordChangedProblem(
  readAt: string | null | undefined,
  current: string | null | undefined,
  language: MessageLanguage = 'en'
): HandoverWriteProblem | null {
  if (!readAt || !current || Date.parse(readAt) === Date.parse(current)) return null;
  return {
    code: 'RECORD_CHANGED',
    message: messageText(language, 'Baton_Handover_Error_Record_Changed'),
    fields: ['LastModifiedDate']
  };
}

export const RECORD_CHANGED_MESSAGE = messageText('en', 'Baton_Handover_Error_Record_Changed');
