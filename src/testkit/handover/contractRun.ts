import type { Connection } from 'jsforce';
import { messageLanguage } from '../../core';
import { BatonError } from '../../core/errors';
import {
  resolveRefs,
  TASK_FIELDS,
  type ContractError,
  type ExpectedTask,
  type Fixture
} from './contract';
import { readComments, readRecordFeed, type ReadMessage } from './feedReader';
import { HandoverRuleError } from '../../services/handover/rules';
import {
  accept,
  returnToSeller,
  saveDraft,
  submit,
  type Actor
} from '../../services/handover/service';
import type { DraftInput } from '../../services/handover/schemas';
import { remindOverdueHandovers } from '../../services/handover/remind';
import { addDays } from '../../core/dates';

/**
 * Runs one contract fixture against the twin in any org (memory or local) and returns what
 * happened in the fixture's own terms, so a test compares it with `then` in one assertion.
 */
export interface ContractOrg {
  admin: Connection;
  seller: Actor;
  am: Actor;
  /** The account manager an existing customer had before the handover. */
  previousAm: Actor;
}

async function create(
  conn: Connection,
  sobject: string,
  record: Record<string, unknown>
): Promise<string> {
  const result = await conn.sobject(sobject).create(record);
  if (!result.success || !result.id)
    throw new Error(`${sobject} create failed: ${JSON.stringify(result)}`);
  return result.id;
}

/**
 * A deal the actor owns, with its contact roles, taken to Closed Won. The sales profile
 * (not Baton's permission sets) edits deals, so the admin writes them, as a sales user would.
 */
async function winDeal(
  admin: Connection,
  owner: Actor,
  params: Record<string, unknown>,
  refs: Map<string, string>
) {
  const id = await create(admin, 'Opportunity', {
    ...(params.opportunity as Record<string, unknown>),
    AccountId: refs.get('@account'),
    OwnerId: owner.userId,
    StageName: 'Negotiation'
  });
  refs.set('@opportunity', id);
  for (const role of (params.contactRoles ?? []) as Record<string, unknown>[])
    await create(admin, 'OpportunityContactRole', { ...role, OpportunityId: id });
  await admin.sobject('Opportunity').update({ Id: id, StageName: 'Closed Won' });
}

/** '@current' is the handover's LastModifiedDate as a panel reads it just before the step. */
async function lastModifiedOf(
  admin: Connection,
  params: Record<string, unknown>
): Promise<string | undefined> {
  if (params.lastModified !== '@current') return params.lastModified as string | undefined;
  const id = (params.handoverId ?? (params.handover as { Id?: string }).Id) as string;
  const { records } = await admin.query<{ LastModifiedDate: string }>(
    `SELECT LastModifiedDate FROM Handover__c WHERE Id = '${id}'`
  );
  return records[0].LastModifiedDate;
}

async function step(
  org: ContractOrg,
  method: string,
  actor: Actor,
  params: Record<string, unknown>,
  refs: Map<string, string>,
  today: string
) {
  const handoverId = params.handoverId as string;
  const lastModified = await lastModifiedOf(org.admin, params);
  if (method === 'saveDraft')
    refs.set('@handover', await saveDraft(actor, params.handover as DraftInput, lastModified));
  if (method === 'submit') await submit(actor, handoverId, lastModified);
  if (method === 'winDeal') await winDeal(org.admin, actor, params, refs);
  if (method === 'accept') await accept(actor, handoverId);
  if (method === 'returnToSeller') await returnToSeller(actor, handoverId, params.reason as string);
  // The daily reminder runs as whoever scheduled it: the admin.
  if (method === 'remind')
    await remindOverdueHandovers(org.admin, { asOf: dayOf(params.asOf, today) });
}

/** '@today+N' as a date N days after the run's date; a date as it is. */
function dayOf(value: unknown, today: string): string {
  const relative = /^@today\+(\d+)$/.exec(String(value));
  return relative ? addDays(today, Number(relative[1])) : String(value);
}

const asMessage = (
  message: ReadMessage,
  refs: Map<string, string>,
  expected?: { subject?: string; textContains: string[] }
) => ({
  ...(expected?.subject
    ? { subject: [...refs].find(([, id]) => id === message.subjectId)?.[0] ?? message.subjectId }
    : {}),
  mentions: message.mentions.map((id) => [...refs].find(([, ref]) => ref === id)?.[0] ?? id),
  // Keep exactly the expected fragments that are present, so a missing one shows in the diff.
  textContains: (expected?.textContains ?? []).filter((fragment) => message.text.includes(fragment))
});

function observeRecord(
  actual: Record<string, unknown> | undefined,
  expected: Record<string, unknown>,
  refs: Map<string, string>,
  today: string
) {
  const byId = new Map([...refs].map(([ref, id]) => [id, ref]));
  return Object.fromEntries(
    Object.keys(expected).map((field) => {
      const value = actual?.[field] ?? null;
      if (expected[field] === '@set') return [field, value === null ? null : '@set'];
      if (expected[field] === '@today') return [field, value === today ? '@today' : value];
      if (/^@today\+\d+$/.test(String(expected[field])))
        return [field, value === dayOf(expected[field], today) ? expected[field] : value];
      return [field, typeof value === 'string' && byId.has(value) ? byId.get(value) : value];
    })
  );
}

/** A given Task: '@account' inside its key and '@today+N' dates resolved, on the Account. */
function resolveTask(task: Record<string, unknown>, refs: Map<string, string>, today: string) {
  return {
    ...resolveRefs(task, refs),
    Touchpoint_Key__c: String(task.Touchpoint_Key__c).replace('@account', refs.get('@account')!),
    ActivityDate: task.ActivityDate ? dayOf(task.ActivityDate, today) : task.ActivityDate,
    WhatId: refs.get('@account')
  };
}

/** The touchpoint Tasks in the fixture's terms: refs for ids, '@today+N' where expected so. */
function observeTasks(
  rows: Record<string, unknown>[],
  expected: ExpectedTask[],
  refs: Map<string, string>,
  today: string
): ExpectedTask[] {
  const byId = new Map([...refs].map(([ref, id]) => [id, ref]));
  const accountId = refs.get('@account') as string;
  const handoverId = refs.get('@handover') ?? '@handover';
  const dueOf = new Map(expected.map((task) => [task.Touchpoint_Key__c, task.ActivityDate]));
  return rows
    .map((row) => {
      const key = String(row.Touchpoint_Key__c)
        .replace(`${accountId}:`, '@account:')
        .replace(`:handover-${handoverId}:`, ':handover-@handover:');
      const due = row.ActivityDate as string;
      const relative = /^@today\+(\d+)$/.exec(dueOf.get(key) ?? '');
      return {
        Touchpoint_Key__c: key,
        Subject: row.Subject as string,
        ActivityDate: relative && addDays(today, Number(relative[1])) === due ? relative[0] : due,
        OwnerId: byId.get(row.OwnerId as string) ?? (row.OwnerId as string),
        Type: (row.Type as string | null) ?? null,
        Automated_Step__c: row.Automated_Step__c === true
      };
    })
    .sort((a, b) => (a.Touchpoint_Key__c < b.Touchpoint_Key__c ? -1 : 1));
}

/** A message as the fixture writes it: the given handover's auto-numbered Name as '@handover.Name'. */
async function asWritten(admin: Connection, text: string, refs: Map<string, string>) {
  const id = refs.get('@handover');
  if (!id) return text;
  const { records } = await admin.query<{ Name: string }>(
    `SELECT Name FROM Handover__c WHERE Id = '${id}'`
  );
  return records[0] ? text.split(records[0].Name).join('@handover.Name') : text;
}

/** @returns the observed outcome, shaped like `fixture.then`. */
export async function runFixture(org: ContractOrg, fixture: Fixture, today: string) {
  // Messages are written in their reader's language, so each fixture sets its users' own.
  for (const as of ['seller', 'am', 'previousAm'] as const)
    await org.admin.sobject('User').update({
      Id: org[as].userId,
      LanguageLocaleKey: fixture.given.languages?.[as] ?? 'en_US'
    });
  const refs = new Map<string, string>([
    ['@seller', org.seller.userId],
    ['@am', org.am.userId],
    ['@previousAm', org.previousAm.userId]
  ]);
  refs.set(
    '@account',
    await create(
      org.admin,
      'Account',
      resolveRefs({ ...fixture.given.account, OwnerId: '@seller' }, refs)
    )
  );
  refs.set(
    '@contact',
    await create(org.admin, 'Contact', {
      ...fixture.given.contact,
      AccountId: refs.get('@account')
    })
  );
  if (fixture.given.handover) {
    refs.set(
      '@handover',
      await create(
        org.admin,
        'Handover__c',
        resolveRefs({ ...fixture.given.handover, Account__c: '@account' }, refs)
      )
    );
  }
  for (const task of fixture.given.tasks ?? [])
    await create(org.admin, 'Task', resolveTask(task, refs, today));
  let error: ContractError | undefined;
  for (const [index, { as, method, params }] of fixture.when.entries()) {
    try {
      await step(
        org,
        method,
        as === 'admin' ? org.am : org[as] /* remind uses org.admin */,
        resolveRefs(params, refs),
        refs,
        today
      );
    } catch (failure) {
      if (index < fixture.when.length - 1 || !(failure instanceof BatonError)) throw failure;
      // The refusal is written in the language of the user who made the step.
      const pinned = fixture.then.error?.message;
      const language = messageLanguage(as === 'admin' ? null : fixture.given.languages?.[as]);
      error = {
        code: failure.code,
        fields: failure instanceof HandoverRuleError ? failure.fields : [failure.field ?? ''],
        ...(pinned
          ? {
              message: { ...pinned, [language]: await asWritten(org.admin, failure.message, refs) }
            }
          : {})
      };
    }
  }
  const { then } = fixture;
  const accountId = refs.get('@account') as string;
  const query = async (soql: string) =>
    (await org.admin.query<Record<string, unknown>>(soql)).records[0];
  const handover = then.handover
    ? await query(
        `SELECT Id, ${Object.keys(then.handover).join(', ')} FROM Handover__c WHERE Account__c = '${accountId}' ORDER BY CreatedDate DESC LIMIT 1`
      )
    : undefined;
  const account = then.account
    ? await query(
        `SELECT Id, ${Object.keys(then.account).join(', ')} FROM Account WHERE Id = '${accountId}'`
      )
    : undefined;
  const posts = await readRecordFeed(org.admin, accountId);
  const comments = posts.length ? await readComments(org.admin, posts[0].id) : [];
  const taskRows = (
    await org.admin.query<Record<string, unknown>>(
      `SELECT ${TASK_FIELDS.join(', ')} FROM Task WHERE WhatId = '${accountId}' AND Touchpoint_Key__c != null`
    )
  ).records;
  const tasks = taskRows.length;
  return {
    ...(then.error || error ? { error } : {}),
    ...(then.handover ? { handover: observeRecord(handover, then.handover, refs, today) } : {}),
    ...(then.account ? { account: observeRecord(account, then.account, refs, today) } : {}),
    posts: posts.map((post, index) => asMessage(post, refs, then.posts[index])),
    comments: comments.map((comment, index) => asMessage(comment, refs, then.comments[index])),
    touchpoints: then.touchpoints === '@planned' && tasks > 0 ? '@planned' : tasks,
    ...(then.tasks ? { tasks: observeTasks(taskRows, then.tasks, refs, today) } : {})
  };
}
