import type { Connection } from 'jsforce';
import {
  acceptPlan,
  messageText,
  openHandoverProblem,
  recordChangedProblem,
  type BatonModel,
  type HandoverWriteProblem,
  type MessageLanguage
} from '../../core';
import { BatonError } from '../../core/errors';
import { loadModelFromOrg } from '../../org/orgModel';
import { completesOnSubmit, ownHandoverPost } from '../../core/handoverWays';
import { postComment, postFeedElement } from './feed';
import {
  accountsByIds,
  handoverLabelsOf,
  handoversByIds,
  languageOf,
  openForAccount,
  openTouchpointTasksOf,
  openTouchpointTasksOn,
  tasksByTouchpointKey
} from './selector';
import {
  acceptComment,
  assertComplete,
  assertCanAnswer,
  assertTransition,
  HandoverRuleError,
  returnComment,
  touchpointTasks,
  submitPost,
  tierOf
} from './rules';
import { EDITABLE_FIELDS, type DraftInput, type HandoverRow } from './schemas';
import { canAcceptAs, loadHandoverSettings } from './settings';
import { isoDateOf } from '../../core/dates';

/**
 * The handover use cases through any org's API, the twin of HandoverService. Each checks
 * every rule before its first write, so a rejected call writes nothing. Writes are ordered
 * so a rerun after a crash completes the work instead of repeating it.
 */
export interface Actor {
  conn: Connection;
  userId: string;
  /** The org's URL, for the link to the handover in the post. */
  baseUrl: string;
  /** Today and now, passed in so tests and the core stay clock-free. */
  asOf: Date;
  /**
   * Holds Baton_Manage_Handovers (admins, integrations): may answer for any account manager.
   * Others may accept or return only the handovers addressed to them.
   */
  managesHandovers?: boolean;
  /**
   * The org's custom metadata, when the caller already read it (several handovers in one run);
   * otherwise each submit or accept reads it from `conn`, as the Apex reads getAll().
   */
  model?: BatonModel;
}

const modelOf = async (actor: Actor) => actor.model ?? loadModelFromOrg(actor.conn);

async function loadOne(actor: Actor, handoverId: string): Promise<HandoverRow> {
  const [handover] = await handoversByIds(actor.conn, [handoverId]);
  if (!handover) {
    throw new BatonError(
      'NOT_FOUND',
      `Handover ${handoverId} does not exist or you cannot see it.`,
      'Id'
    );
  }
  return handover;
}

async function update(
  actor: Actor,
  sobject: string,
  record: Record<string, unknown>
): Promise<void> {
  const result = await actor.conn.sobject(sobject).update(record as { Id: string });
  if (!result.success) {
    throw new BatonError(
      'FAILURE',
      `Could not update ${sobject} ${record.Id}: ${JSON.stringify(result)}`
    );
  }
}

function refuse(problem: HandoverWriteProblem | null): void {
  if (problem) throw new HandoverRuleError(problem.code, problem.message, problem.fields);
}

/** Whom a refusal is written for: their language, and the org's Handover__c field and tier labels. */
type Reader = {
  language: MessageLanguage;
  fieldLabels: Record<string, string>;
  tierLabels?: Record<string, string>;
};

/**
 * Runs pure rule checks; only a refusal reads the writer's language and the org's field labels
 * (two calls) and says it again in them, so a write that passes costs no extra call.
 */
async function checked(actor: Actor, check: (reader: Reader) => void): Promise<void> {
  try {
    check({ language: 'en', fieldLabels: {} });
  } catch (error) {
    if (!(error instanceof BatonError)) throw error;
    const labels = await handoverLabelsOf(actor.conn);
    check({ language: await languageOf(actor.conn, actor.userId), ...labels });
    throw error;
  }
}

/**
 * Creates or updates a draft; status, timestamps and the feed id never come from input.
 * `lastModified`: the LastModifiedDate the caller read; an update of a record changed since
 * is refused (RECORD_CHANGED). A new draft is refused while the account has an open handover
 * (OPEN_HANDOVER_EXISTS), checked here for its stable code and held by the trigger for every
 * other write path.
 */
export async function saveDraft(
  actor: Actor,
  draft: DraftInput,
  lastModified?: string | null
): Promise<string> {
  const clean: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (draft[field] !== undefined) clean[field] = draft[field];
  }
  if (draft.Id) {
    const current = await loadOne(actor, draft.Id);
    await checked(actor, ({ language }) => {
      refuse(recordChangedProblem(lastModified, current.LastModifiedDate, language));
      assertTransition(current, 'save', language);
    });
    await update(actor, 'Handover__c', { ...clean, Id: draft.Id });
    return draft.Id;
  }
  if (draft.Account__c) {
    const open = await openForAccount(actor.conn, draft.Account__c);
    await checked(actor, ({ language }) =>
      refuse(openHandoverProblem(null, { Status__c: 'Draft' }, open, language))
    );
  }
  const result = await actor.conn.sobject('Handover__c').create({
    ...clean,
    Account__c: draft.Account__c,
    Seller__c: draft.Seller__c ?? actor.userId,
    Status__c: 'Draft'
  });
  if (!result.success || !result.id)
    throw new BatonError('FAILURE', `Could not create the handover: ${JSON.stringify(result)}`);
  return result.id;
}

/**
 * Submits: validates the tier's fields, stamps Submitted, then posts once. A Submitted
 * handover with a post is left alone (submitting twice posts once); one without a post (a
 * crash between the two writes) gets its post now. A returned one gets a comment on its post.
 * A seller who is the handover's account manager completes it by submitting (completesOnSubmit).
 */
export async function submit(
  actor: Actor,
  handoverId: string,
  lastModified?: string | null
): Promise<void> {
  const handover = await loadOne(actor, handoverId);
  if (handover.Status__c === 'Submitted' && handover.Feed_Element_Id__c) return;
  await checked(actor, ({ language }) =>
    refuse(recordChangedProblem(lastModified, handover.LastModifiedDate, language))
  );
  if (handover.Status__c === 'Submitted' && handover.Completed_On_Submit__c)
    return completeOwnHandover(actor, handover);
  if (handover.Status__c !== 'Submitted') {
    await checked(actor, ({ language }) => assertTransition(handover, 'submit', language));
    const [account] = await accountsByIds(actor.conn, [handover.Account__c]);
    const model = await modelOf(actor);
    await checked(actor, (reader) => assertComplete(handover, account, model, reader));
    // The describe is read only for a seller submitting their own handover.
    const settings = await loadHandoverSettings(actor.conn);
    if (
      completesOnSubmit(handover, actor.userId, settings, true) &&
      (await canAcceptAs(actor.conn))
    ) {
      // Through Submitted, as the trigger's state machine demands, with no Submitted_At__c:
      // nobody waits on an answer, so no answer deadline or reminder applies.
      await update(actor, 'Handover__c', {
        Id: handover.Id,
        Status__c: 'Submitted',
        Completed_On_Submit__c: true
      });
      return completeOwnHandover(actor, handover);
    }
    handover.Status__c = 'Submitted';
    handover.Submitted_At__c = actor.asOf.toISOString();
    await update(actor, 'Handover__c', {
      Id: handover.Id,
      Status__c: 'Submitted',
      Submitted_At__c: handover.Submitted_At__c
    });
  }
  const segments = submitPost(
    handover,
    actor.baseUrl,
    await languageOf(actor.conn, handover.Account_Manager__c)
  );
  if (handover.Feed_Element_Id__c) {
    await postComment(actor.conn, handover.Feed_Element_Id__c, segments);
    return;
  }
  const feedElementId = await postFeedElement(actor.conn, handover.Account__c, segments);
  await update(actor, 'Handover__c', { Id: handover.Id, Feed_Element_Id__c: feedElementId });
}

/**
 * The seller is the account manager: the accept's work on the same record, then one post to
 * the Account's feed for the team, with no @mention of its own author and no accept comment.
 */
async function completeOwnHandover(actor: Actor, handover: HandoverRow): Promise<void> {
  await accept(actor, handover.Id);
  await postFeedElement(
    actor.conn,
    handover.Account__c,
    ownHandoverPost(
      {
        name: handover.Name,
        accountName: handover.Account__r?.Name,
        whatWasSold: handover.What_Was_Sold__c,
        successCriteria: handover.Success_Criteria__c,
        promises: handover.Promises__c,
        risks: handover.Risks__c,
        recordUrl: `${actor.baseUrl}/lightning/r/Handover__c/${handover.Id}/view`
      },
      await languageOf(actor.conn, handover.Seller__c)
    )
  );
}

/**
 * Accepts as the core's acceptPlan decides for the Account (new customer, existing customer,
 * new account manager): the Account's fields, the old plan's open Tasks of a customer starting
 * over, the open touchpoint Tasks passed to the new account manager, the planned touchpoints
 * upserted by key; then the status, then the comment.
 * Accepting an accepted handover does nothing.
 */
export async function accept(actor: Actor, handoverId: string): Promise<void> {
  const handover = await loadOne(actor, handoverId);
  if (handover.Status__c === 'Accepted') return;
  await checked(actor, ({ language }) => {
    assertTransition(handover, 'accept', language);
    assertCanAnswer(handover, actor, language);
  });
  // Read (and checked) before the first write, so a broken cadence record writes nothing.
  const model = await modelOf(actor);
  const [account] = await accountsByIds(actor.conn, [handover.Account__c]);
  const plan = acceptPlan(
    account ?? {},
    handover,
    tierOf(handover, account),
    isoDateOf(actor.asOf),
    model,
    await languageOf(actor.conn, handover.Account_Manager__c)
  );
  await update(actor, 'Account', { Id: handover.Account__c, ...plan.account });
  const tasks = touchpointTasks(handover, plan.touchpoints);
  if (plan.replacesOpenTouchpoints || plan.adoptsOpenTouchpoints) {
    const keys = new Set(tasks.map((task) => task.Touchpoint_Key__c));
    const open = await openTouchpointTasksOn(actor.conn, handover.Account__c);
    // The old plan's Tasks the new plan does not take over by key give way to it.
    const stale = plan.replacesOpenTouchpoints
      ? open.filter((task) => !keys.has(task.Touchpoint_Key__c))
      : [];
    if (stale.length)
      planned(
        await actor.conn.sobject('Task').destroy(
          stale.map((task) => task.Id),
          { allOrNone: true }
        )
      );
    const kept = open.filter((task) => !stale.includes(task));
    if (plan.adoptsOpenTouchpoints && kept.length)
      planned(
        await actor.conn.sobject('Task').update(
          kept.map((task) => ({ Id: task.Id, OwnerId: handover.Account_Manager__c })),
          { allOrNone: true }
        )
      );
  }
  if (plan.previousAccountManager && handover.Account_Manager__c) {
    const handed = await openTouchpointTasksOf(
      actor.conn,
      handover.Account__c,
      plan.previousAccountManager
    );
    if (handed.length)
      planned(
        await actor.conn.sobject('Task').update(
          handed.map((task) => ({ Id: task.Id, OwnerId: handover.Account_Manager__c })),
          { allOrNone: true }
        )
      );
  }
  // As Apex's upsert on Touchpoint_Key__c: a touchpoint already planned under the same key
  // (by `touchpoints plan` before there was an account manager) becomes the account
  // manager's, on the plan's date; a completed one is history and stays as it is.
  const existing = new Map(
    (
      await tasksByTouchpointKey(
        actor.conn,
        tasks.map((task) => task.Touchpoint_Key__c)
      )
    ).map((task) => [task.Touchpoint_Key__c, task])
  );
  const fresh = tasks.filter((task) => !existing.has(task.Touchpoint_Key__c));
  const replanned = tasks.flatMap((task) => {
    const current = existing.get(task.Touchpoint_Key__c);
    return current && !current.IsClosed ? [{ ...task, Id: current.Id }] : [];
  });
  const task = actor.conn.sobject('Task');
  if (fresh.length) planned(await task.create(fresh, { allOrNone: true }));
  if (replanned.length) planned(await task.update(replanned, { allOrNone: true }));
  await update(actor, 'Handover__c', {
    Id: handover.Id,
    Status__c: 'Accepted',
    Accepted_At__c: actor.asOf.toISOString()
  });
  if (handover.Feed_Element_Id__c)
    await postComment(
      actor.conn,
      handover.Feed_Element_Id__c,
      acceptComment(handover, await languageOf(actor.conn, handover.Seller__c), plan.kind)
    );
}

/** Returns to the seller with a reason; the comment @mentions the seller. */
export async function returnToSeller(
  actor: Actor,
  handoverId: string,
  reason: string | null | undefined
): Promise<void> {
  const trimmed = (reason ?? '').trim();
  if (!trimmed) {
    throw new BatonError(
      'RETURN_REASON_REQUIRED',
      messageText(await languageOf(actor.conn, actor.userId), 'Baton_Handover_Error_Return_Reason'),
      'Return_Reason__c'
    );
  }
  const handover = await loadOne(actor, handoverId);
  await checked(actor, ({ language }) => {
    assertTransition(handover, 'return', language);
    assertCanAnswer(handover, actor, language);
  });
  handover.Return_Reason__c = trimmed;
  await update(actor, 'Handover__c', {
    Id: handover.Id,
    Status__c: 'Returned',
    Returned_At__c: actor.asOf.toISOString(),
    Return_Reason__c: trimmed
  });
  if (handover.Feed_Element_Id__c)
    await postComment(
      actor.conn,
      handover.Feed_Element_Id__c,
      returnComment(handover, await languageOf(actor.conn, handover.Seller__c))
    );
}

function planned(results: { success: boolean }[]): void {
  const failed = results.filter((result) => !result.success);
  if (failed.length)
    throw new BatonError('FAILURE', `Could not plan touchpoints: ${JSON.stringify(failed)}`);
}
