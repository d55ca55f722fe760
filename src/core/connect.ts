/**
 * Connect API (Chatter) message segments. User text only ever travels as Text segments,
 * which Chatter shows literally, so nothing a user typed can become a mention, link or markup.
 */
export type MessageSegment =
  { type: 'Text'; text: string } | { type: 'Mention'; id: string } | { type: 'Link'; url: string };

export const text = (value: string): MessageSegment => ({ type: 'Text', text: value });
export const mention = (userId: string): MessageSegment => ({ type: 'Mention', id: userId });
export const link = (url: string): MessageSegment => ({ type: 'Link', url });

/**
 * How much of one long text a post or comment quotes. A Chatter body holds at most 10 000
 * characters and a handover's long texts up to 32 768 each, so messages summarise and link;
 * HandoverServiceFeed.cls mirrors this number.
 */
export const MESSAGE_EXCERPT_LENGTH = 500;

/** The value cut to `MESSAGE_EXCERPT_LENGTH` with "...", as Apex's String.abbreviate does. */
export function excerpt(value: string): string {
  return value.length > MESSAGE_EXCERPT_LENGTH
    ? `${value.slice(0, MESSAGE_EXCERPT_LENGTH - 3)}...`
    : value;
}

/** `Title: value` lines for the facts that are filled (blank ones are left out), excerpted. */
export function factLines(facts: readonly [string, string | null | undefined][]): MessageSegment[] {
  return facts
    .filter(([, value]) => value && value.trim())
    .map(([title, value]) => text(`${title}: ${excerpt(value!.trim())}\n`));
}

export interface HandoverMessageInput {
  name: string;
  accountName?: string | null;
  accountManagerId: string;
  sellerId: string;
  whatWasSold?: string | null;
  successCriteria?: string | null;
  promises?: string | null;
  risks?: string | null;
  recordUrl: string;
  returnReason?: string | null;
}

/**
 * The post on the Account's feed when a handover is submitted, @mentioning the AM: the key
 * facts excerpted, always ending with the link to the whole handover.
 */
export function buildSubmitPost(input: HandoverMessageInput): MessageSegment[] {
  return [
    mention(input.accountManagerId),
    text(` handover ${input.name} for ${input.accountName ?? 'the account'} is ready for you.\n`),
    ...factLines([
      ['What was sold', input.whatWasSold],
      ['Success criteria (first 2 months)', input.successCriteria],
      ['Promises and special arrangements', input.promises],
      ['Risks and blockers', input.risks]
    ]),
    text('Open the handover: '),
    link(input.recordUrl)
  ];
}

/** The comment when the AM accepts, @mentioning the seller. */
export function buildAcceptComment(input: HandoverMessageInput): MessageSegment[] {
  return [
    mention(input.sellerId),
    text(` handover ${input.name} accepted. Onboarding has started.`)
  ];
}

/** The comment when the AM returns the handover, @mentioning the seller, with the reason. */
export function buildReturnComment(input: HandoverMessageInput): MessageSegment[] {
  return [
    mention(input.sellerId),
    text(` handover ${input.name} was returned: ${excerpt(input.returnReason ?? '')}`)
  ];
}

// The names the handover services first used; same functions.
export const submitPostSegments = buildSubmitPost;
export const acceptCommentSegments = buildAcceptComment;
export const returnCommentSegments = buildReturnComment;
