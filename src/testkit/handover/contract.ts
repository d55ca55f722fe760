import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readLabels } from '../../preview/labels';

/**
 * The shared contract fixtures (force-app/main/default/staticresources/BatonHandoverContract.json),
 * validated. The Apex tests read the same file as a static resource.
 */
export const CONTRACT_PATH = join(
  __dirname,
  '../../../force-app/main/default/staticresources/BatonHandoverContract.json'
);

const Record = z.record(z.unknown());
const Message = z.object({
  subject: z.string().optional(),
  mentions: z.array(z.string()),
  textContains: z.array(z.string())
});

/**
 * One touchpoint Task accept must leave. Touchpoint_Key__c is '@account:<kind>', OwnerId a
 * user ref, ActivityDate a date or '@today+N' (N days after the run's day, the acceptance).
 */
export const ExpectedTaskSchema = z.object({
  Touchpoint_Key__c: z.string(),
  Subject: z.string(),
  ActivityDate: z.string(),
  OwnerId: z.string(),
  Type: z.string().nullable(),
  Automated_Step__c: z.boolean()
});
export type ExpectedTask = z.infer<typeof ExpectedTaskSchema>;
export const TASK_FIELDS = Object.keys(ExpectedTaskSchema.shape) as (keyof ExpectedTask)[];

/**
 * A refusal: its code, the fields at fault, and where pinned the message the user reads, as
 * the whole text in English and in Finnish and the Custom Label it is written with.
 */
const ContractErrorSchema = z.object({
  code: z.string(),
  fields: z.array(z.string()),
  message: z.object({ label: z.string(), en: z.string(), fi: z.string() }).optional()
});
export type ContractError = z.infer<typeof ContractErrorSchema>;

export const FixtureSchema = z.object({
  name: z.string(),
  description: z.string(),
  given: z.object({
    account: Record,
    contact: Record,
    handover: Record.optional(),
    /** Tasks on the Account before the steps (an existing customer's plan). */
    tasks: z.array(Record).optional(),
    /** Each user's LanguageLocaleKey ('fi', 'en_US'); en_US when not named. */
    languages: z
      .object({ seller: z.string(), am: z.string(), previousAm: z.string() })
      .partial()
      .optional()
  }),
  when: z
    .array(
      z.object({
        /** admin: whoever scheduled the daily reminder. */
        as: z.enum(['seller', 'am', 'previousAm', 'admin']),
        /**
         * winDeal: the deal's owner (`as`) wins an Opportunity on the Account; the org drafts.
         * remind: the daily reminder runs as of `params.asOf` ('@today+N').
         */
        method: z.enum(['saveDraft', 'submit', 'accept', 'returnToSeller', 'winDeal', 'remind']),
        params: Record
      })
    )
    .min(1),
  then: z.object({
    error: ContractErrorSchema.optional(),
    handover: Record.optional(),
    account: Record.optional(),
    posts: z.array(Message),
    comments: z.array(Message),
    touchpoints: z.union([z.number().int(), z.literal('@planned')]),
    /** Written by contractTasks.ts from the core planner and Tier_Cadence__mdt, never by hand. */
    tasks: z.array(ExpectedTaskSchema).optional()
  })
});
export type Fixture = z.infer<typeof FixtureSchema>;

export function loadContract(): Fixture[] {
  const raw = JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as { fixtures: unknown };
  return z.array(FixtureSchema).parse(raw.fixtures);
}

/** Replaces '@name' references (users, records) with their ids, deeply. */
export function resolveRefs<T>(value: T, refs: Map<string, string>): T {
  if (typeof value === 'string' && refs.has(value)) return refs.get(value) as T;
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, refs)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveRefs(item, refs)])
    ) as T;
  }
  return value;
}

/** Whether `text` is `template` with its {0}, {1}… filled in. */
export function fitsLabel(text: string, template: string): boolean {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = template
    .split(/\{\d+\}/)
    .map(literal)
    .join('.+');
  return new RegExp(`^${pattern}$`, 's').test(text);
}

/** Each pinned message whose label is missing or whose English or Finnish text does not fit it. */
export function pinnedMessageProblems(fixtures: Fixture[], projectDir: string): string[] {
  const labels = readLabels(projectDir, ['fi']);
  return fixtures.flatMap((fixture) => {
    const message = fixture.then.error?.message;
    if (!message) return [];
    return (['en', 'fi'] as const)
      .filter((language) => {
        const template = labels[language][message.label];
        return template === undefined || !fitsLabel(message[language], template);
      })
      .map(
        (language) =>
          `${fixture.name}: the ${language} text does not fit ${message.label} (${labels[language][message.label] ?? 'no such label'})`
      );
  });
}
