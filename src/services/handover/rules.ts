import { BatonError } from '../../core/errors';
import type { MessageSegment } from './feed';
import type { AccountRow } from './selector';
import type { HandoverRow } from './schemas';

/**
 * The handover rules as the twin applies them: the core's rules (required fields per tier,
 * transitions, message builders, touchpoint plan) adapted to Handover__c rows. The Apex
 * HandoverServiceRules mirrors this file; the contract fixtures keep both the same.
 */

/** A rule error with every field at fault (the CLI and the panel name them all). */
export class HandoverRuleError extends BatonError {
  constructor(
    code: string,
    message: string,
    readonly fields: string[]
  ) {
    super(code, message, fields[0]);
    this.name = 'HandoverRuleError';
  }
}

export type Tier = 'High' | 'Low' | 'Tech';
export type Action = 'save' | 'submit' | 'accept' | 'return';

const LEGAL_FROM: Record<Action, readonly string[]> = {
  save: ['Draft', 'Returned'],
  submit: ['Draft', 'Returned'],
  accept: ['Submitted'],
  return: ['Submitted']
};

export function tierOf(handover: HandoverRow, account?: AccountRow): Tier {
  const tier = handover.Proposed_Touch_Tier__c ?? account?.Touch_Tier__c ?? 'High';
  return tier as Tier;
}

export function assertTransition(handover: HandoverRow, action: Action): void {
  if (!LEGAL_FROM[action].includes(handover.Status__c)) {
    throw new HandoverRuleError(
      'ILLEGAL_TRANSITION',
      `Cannot ${action} handover ${handover.Name}: it is ${handover.Status__c}.`,
      ['Status__c']
    );
  }
}

export function assertNotOwnAnswer(handover: HandoverRow, userId: string): void {
  if (sameId(handover.Seller__c, userId) && !sameId(handover.Account_Manager__c, userId)) {
    throw new HandoverRuleError(
      'SELLER_CANNOT_ANSWER',
      `Only the receiving account manager can accept or return handover ${handover.Name}.`,
      ['Account_Manager__c']
    );
  }
}

const sameId = (a: string | null | undefined, b: string) =>
  !!a && a.slice(0, 15) === b.slice(0, 15);

/** Required fields per tier (DESIGN §3; Handover_Requirement__mdt defaults). */
const BASE = [
  'Account_Manager__c',
  'Contract_Start__c',
  'What_Was_Sold__c',
  'Primary_Contact__c',
  'Success_Criteria__c',
  'Fit__c'
];
const REQUIRED: Record<Tier, { field: string; min: number }[]> = {
  Tech: BASE.map((field) => ({ field, min: 1 })),
  Low: [...BASE, 'First_Year_Goal__c', 'Promises__c', 'Technical_Needs__c'].map((field) => ({
    field,
    min: 1
  })),
  High: [
    ...[...BASE, 'First_Year_Goal__c', 'Promises__c', 'Technical_Needs__c'].map((field) => ({
      field,
      min: 1
    })),
    { field: 'Secondary_Contacts__c', min: 2 },
    { field: 'Risks__c', min: 1 },
    { field: 'Decision_Makers__c', min: 1 }
  ]
};

const LABELS: Record<string, string> = {
  Account_Manager__c: 'Account Manager',
  Contract_Start__c: 'Contract Start',
  What_Was_Sold__c: 'What Was Sold',
  Primary_Contact__c: 'Primary Contact',
  Success_Criteria__c: 'Success Criteria',
  Fit__c: 'Fit',
  First_Year_Goal__c: 'First Year Goal',
  Promises__c: 'Promises',
  Technical_Needs__c: 'Technical Needs',
  Secondary_Contacts__c: 'Secondary Contacts',
  Risks__c: 'Risks',
  Decision_Makers__c: 'Decision Makers'
};

const filledLines = (value: unknown) =>
  value === null || value === undefined
    ? 0
    : typeof value === 'string'
      ? value.split('\n').filter((line) => line.trim()).length
      : 1;

export function missingFields(handover: Record<string, unknown>, tier: Tier) {
  return REQUIRED[tier].filter(({ field, min }) => filledLines(handover[field]) < min);
}

export function assertComplete(handover: HandoverRow, account?: AccountRow): void {
  const tier = tierOf(handover, account);
  const missing = missingFields(handover, tier);
  if (missing.length) {
    const names = missing.map(({ field, min }) =>
      min > 1 ? `${LABELS[field]} (at least ${min})` : LABELS[field]
    );
    throw new HandoverRuleError(
      'MISSING_REQUIRED_FIELDS',
      `${tier} touch handover needs: ${names.join(', ')}.`,
      missing.map(({ field }) => field)
    );
  }
}

const fact = (title: string, value: string | null | undefined): MessageSegment[] =>
  value && value.trim() ? [{ type: 'Text', text: `${title}: ${value.trim()}\n` }] : [];

export function submitPost(handover: HandoverRow, baseUrl: string): MessageSegment[] {
  const accountName = handover.Account__r?.Name ?? 'the account';
  return [
    { type: 'Mention', id: handover.Account_Manager__c ?? '' },
    { type: 'Text', text: ` handover ${handover.Name} for ${accountName} is ready for you.\n` },
    ...fact('What was sold', handover.What_Was_Sold__c),
    ...fact('Success criteria (first 2 months)', handover.Success_Criteria__c),
    ...fact('Promises and special arrangements', handover.Promises__c),
    ...fact('Risks and blockers', handover.Risks__c),
    { type: 'Text', text: 'Open the handover: ' },
    { type: 'Link', url: `${baseUrl}/lightning/r/Handover__c/${handover.Id}/view` }
  ];
}

export function acceptComment(handover: HandoverRow): MessageSegment[] {
  return [
    { type: 'Mention', id: handover.Seller__c ?? '' },
    { type: 'Text', text: ` handover ${handover.Name} accepted. Onboarding has started.` }
  ];
}

export function returnComment(handover: HandoverRow): MessageSegment[] {
  return [
    { type: 'Mention', id: handover.Seller__c ?? '' },
    { type: 'Text', text: ` handover ${handover.Name} was returned: ${handover.Return_Reason__c}` }
  ];
}

const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * The tier's first touchpoints after acceptance, keyed `<AccountId>:<kind>` like the
 * touchpoint planner's, so a later `baton touchpoints plan` updates these Tasks, not duplicates.
 */
export function planTouchpointTasks(handover: HandoverRow, tier: Tier, acceptedOn: string) {
  const start = handover.Contract_Start__c ?? acceptedOn;
  const steps: [string, string, string, boolean][] =
    tier === 'Tech'
      ? [
          ['welcome', 'Automated welcome', acceptedOn, true],
          ['csat-survey', 'Automated CSAT survey', addDays(acceptedOn, 60), true]
        ]
      : tier === 'Low'
        ? [
            ['success-check', 'Success check (60 days)', addDays(acceptedOn, 60), false],
            ['first-contact', 'First contact', addDays(start, 90), false],
            ['goal-review', 'Goal review (365 days)', addDays(acceptedOn, 365), false]
          ]
        : [
            ['kickoff', 'Kickoff meeting', addDays(acceptedOn, 14), false],
            ['success-check', 'Success check (60 days)', addDays(acceptedOn, 60), false],
            [
              'recurring-meeting',
              'Recurring meeting (every 90 days)',
              addDays(acceptedOn, 90),
              false
            ],
            ['goal-review', 'Goal review (365 days)', addDays(acceptedOn, 365), false]
          ];
  return steps.map(([key, subject, due, automated]) => ({
    Subject: subject,
    ActivityDate: due,
    OwnerId: handover.Account_Manager__c,
    WhatId: handover.Account__c,
    Status: 'Not Started',
    Type: automated ? null : 'Meeting',
    Automated_Step__c: automated,
    Touchpoint_Key__c: `${handover.Account__c}:${key}`
  }));
}
