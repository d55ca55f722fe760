/**
 * Connect API (Chatter) message segments. User text only ever travels as Text segments,
 * which Chatter shows literally, so nothing a user typed can become a mention, link or markup.
 */
import { messageText, type MessageLanguage } from './messageTexts';

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

/** A handover post's facts a reader acts on, then the link to the whole handover. */
export function handoverFactsAndLink(
  input: Pick<
    HandoverMessageInput,
    'whatWasSold' | 'successCriteria' | 'promises' | 'risks' | 'recordUrl'
  >,
  language: MessageLanguage
): MessageSegment[] {
  const say = messageText.bind(null, language);
  return [
    ...factLines([
      [say('Baton_Post_Fact_What_Was_Sold'), input.whatWasSold],
      [say('Baton_Post_Fact_Success_Criteria'), input.successCriteria],
      [say('Baton_Post_Fact_Promises'), input.promises],
      [say('Baton_Post_Fact_Risks'), input.risks]
    ]),
    text(`${say('Baton_Post_Open_Handover')} `),
    link(input.recordUrl)
  ];
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
 * facts excerpted, always ending with the link to the whole handover. Written in the
 * language of the account manager it is for (messageLanguage of their LanguageLocaleKey).
 */
export function buildSubmitPost(
  input: HandoverMessageInput,
  language: MessageLanguage = 'en'
): MessageSegment[] {
  const say = messageText.bind(null, language);
  const opening = input.accountName
    ? say('Baton_Post_Submit', input.name, input.accountName)
    : say('Baton_Post_Submit_No_Account', input.name);
  return [
    mention(input.accountManagerId),
    text(` ${opening}\n`),
    ...handoverFactsAndLink(input, language)
  ];
}

/** What accepting did for the Account (handoverAccept's AcceptKind), as the seller reads it. */
export const ACCEPTED_TEXTS = {
  'new-customer': 'Baton_Post_Accepted',
  'existing-customer': 'Baton_Post_Accepted_Existing',
  'new-account-manager': 'Baton_Post_Accepted_New_AM'
} as const;

/**
 * The comment when the AM accepts, @mentioning the seller, in the seller's language: onboarding
 * started for a new customer, the plan kept for an upsell or renewal, or a new account manager.
 */
export function buildAcceptComment(
  input: HandoverMessageInput,
  language: MessageLanguage = 'en',
  kind: keyof typeof ACCEPTED_TEXTS = 'new-customer'
): MessageSegment[] {
  return [
    mention(input.sellerId),
    text(` ${messageText(language, ACCEPTED_TEXTS[kind], input.name)}`)
  ];
}

/** The comment when the AM returns the handover, @mentioning the seller, with the reason. */
export function buildReturnComment(
  input: HandoverMessageInput,
  language: MessageLanguage = 'en'
): MessageSegment[] {
  const reason = excerpt(input.returnReason ?? '');
  return [
    mention(input.sellerId),
    text(` ${messageText(language, 'Baton_Post_Returned', input.name, reason)}`)
  ];
}

// The names the handover services first used; same functions.
export const submitPostSegments = buildSubmitPost;
export const acceptCommentSegments = buildAcceptComment;
export const returnCommentSegments = buildReturnComment;
