/**
 * Connect API (Chatter) message segments. User text only ever travels as Text segments,
 * which Chatter shows literally, so nothing a user typed can become a mention, link or markup.
 */
export type MessageSegment =
  { type: 'Text'; text: string } | { type: 'Mention'; id: string } | { type: 'Link'; url: string };

export const text = (value: string): MessageSegment => ({ type: 'Text', text: value });
export const mention = (userId: string): MessageSegment => ({ type: 'Mention', id: userId });
export const link = (url: string): MessageSegment => ({ type: 'Link', url });

/** `Title: value` lines for the facts that are filled (blank ones are left out). */
export function factLines(facts: readonly [string, string | null | undefined][]): MessageSegment[] {
  return facts
    .filter(([, value]) => value && value.trim())
    .map(([title, value]) => text(`${title}: ${value!.trim()}\n`));
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

/** The post on the Account's feed when a handover is submitted, @mentioning the AM. */
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
    text(` handover ${input.name} was returned: ${input.returnReason ?? ''}`)
  ];
}

// The names the handover services first used; same functions.
export const submitPostSegments = buildSubmitPost;
export const acceptCommentSegments = buildAcceptComment;
export const returnCommentSegments = buildReturnComment;
