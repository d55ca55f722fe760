import { readFileSync } from 'node:fs';
import { MESSAGE_EXCERPT_LENGTH, type MessageSegment } from '../core/connect';
import type { AcceptKind } from '../core/handoverAccept';
import { MESSAGE_LANGUAGES } from '../core/messageTexts';
import { acceptComment, returnComment, submitPost } from '../services/handover/rules';
import type { HandoverRow } from '../services/handover/schemas';
import type { MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';

/** The most characters a Chatter post or comment body may hold. */
export const CHATTER_BODY_LIMIT = 10_000;

/** A mention shows as "@" and the user's full name (first name 40, a space, last name 80). */
const MENTION_LENGTH = 1 + 40 + 1 + 80;
/** The longest org domain a record link starts with (a 40-character My Domain sandbox). */
const LONGEST_ORG_URL = `https://${'x'.repeat(40)}--${'x'.repeat(40)}.sandbox.my.salesforce.com`;

const ACCEPT_KINDS: AcceptKind[] = ['new-customer', 'existing-customer', 'new-account-manager'];

export type HandoverMessages = Record<string, (handover: HandoverRow) => MessageSegment[]>;

/** The handover's Chatter messages in every language, built by the core exactly as the twin posts them. */
export const HANDOVER_MESSAGES: HandoverMessages = Object.fromEntries(
  MESSAGE_LANGUAGES.flatMap((language) => {
    const of = (what: string) => (language === 'en' ? what : `${what} (${language})`);
    return [
      [
        of('submit post'),
        (handover: HandoverRow) => submitPost(handover, LONGEST_ORG_URL, language)
      ],
      ...ACCEPT_KINDS.map((kind) => [
        of(`accept comment, ${kind}`),
        (handover: HandoverRow) => acceptComment(handover, language, kind)
      ]),
      [of('return comment'), (handover: HandoverRow) => returnComment(handover, language)]
    ];
  })
);

/**
 * Chatter rejects a body over 10 000 characters at run time, so every handover message is
 * built with each field at its longest (its `<length>` in the package) and must fit; the
 * Apex feed (HandoverServiceFeed.cls) must excerpt with the core's number.
 */
export function checkChatterLimits(
  files: string[],
  model: MetadataModel,
  messages: HandoverMessages = HANDOVER_MESSAGES
): Problem[] {
  const feed = files.find((file) => file.endsWith('/HandoverServiceFeed.cls'));
  const fields = model.objects.get('Handover__c')?.fields;
  if (!feed || !fields) return [];
  const longest: Record<string, unknown> = {
    Id: 'a00000000000000AAA',
    Name: 'x'.repeat(80),
    Account__r: { Name: 'x'.repeat(255) }
  };
  for (const [name, field] of fields) {
    longest[name] =
      field.type === 'Lookup' || field.type === 'MasterDetail'
        ? '005000000000000AAA'
        : 'x'.repeat(field.length);
  }
  const problems = Object.entries(messages).flatMap(([what, build]) => {
    const length = bodyLength(build(longest as HandoverRow));
    return length > CHATTER_BODY_LIMIT
      ? [
          problem(
            'chatter-limit',
            feed,
            `the ${what} can reach ${length} characters with every Handover__c field at its full length; Chatter accepts at most ${CHATTER_BODY_LIMIT}`
          )
        ]
      : [];
  });
  const mirrored = /MESSAGE_EXCERPT_LENGTH\s*=\s*(\d+)/.exec(readFileSync(feed, 'utf8'))?.[1];
  if (Number(mirrored) !== MESSAGE_EXCERPT_LENGTH) {
    problems.push(
      problem(
        'chatter-limit',
        feed,
        `MESSAGE_EXCERPT_LENGTH is ${mirrored ?? 'missing'} here and ${MESSAGE_EXCERPT_LENGTH} in src/core/connect.ts; the org would post other text than the twin`
      )
    );
  }
  return problems;
}

export function bodyLength(segments: MessageSegment[]): number {
  return segments.reduce(
    (sum, segment) =>
      sum +
      (segment.type === 'Text'
        ? segment.text.length
        : segment.type === 'Link'
          ? segment.url.length
          : MENTION_LENGTH),
    0
  );
}
