import type { BenchFill } from './benchOrg';
import { addDays } from '../core/dates';

/**
 * Health signals for the recompute bench: every account gets 10 signal rows (3 surveys,
 * 2 usage periods, 2 cases, 2 meeting Tasks, 1 snapshot from 30 days ago) shaped by a profile,
 * so every band, both trends and "insufficient data" occur, as in a real book. Rows of the
 * sparse profile lie outside the model's windows: they are in the org but the recompute's
 * queries skip them, as they would skip stale data in a real org.
 */
export const PROFILES = ['thriving', 'steady', 'silentRisk', 'atRisk', 'sparse'] as const;
type Profile = (typeof PROFILES)[number];

/** Share of each profile in 20 consecutive accounts: 30 %, 30 %, 15 %, 15 %, 10 %. */
const MIX: Profile[] = [
  ...Array<Profile>(6).fill('thriving'),
  ...Array<Profile>(6).fill('steady'),
  ...Array<Profile>(3).fill('silentRisk'),
  ...Array<Profile>(3).fill('atRisk'),
  ...Array<Profile>(2).fill('sparse')
];

export const profileOf = (k: number): Profile => MIX[(k * 7 + Math.floor(k / 20)) % 20];

interface Shape {
  nps: number;
  csat: number;
  ces: number;
  /** Active users of 50 licensed seats, logins this period and the one before. */
  active: number;
  logins: [number, number];
  cases: { Priority: string; Status: string; IsEscalated?: boolean }[];
  meetingsDaysAgo: [number, number];
  firstValueDays: number | null;
  sentiment: string | null;
  overdueInvoices: number | null;
  previousScore: number;
}

const SHAPES: Record<Profile, Shape> = {
  thriving: {
    nps: 10,
    csat: 5,
    ces: 7,
    active: 45,
    logins: [1200, 1100],
    cases: [
      { Priority: 'Low', Status: 'Closed' },
      { Priority: 'Medium', Status: 'Closed' }
    ],
    meetingsDaysAgo: [15, 45],
    firstValueDays: 20,
    sentiment: 'Positive',
    overdueInvoices: 0,
    previousScore: 80
  },
  steady: {
    nps: 8,
    csat: 4,
    ces: 5,
    active: 33,
    logins: [900, 950],
    cases: [
      { Priority: 'High', Status: 'Working' },
      { Priority: 'Medium', Status: 'Closed' }
    ],
    meetingsDaysAgo: [30, 70],
    firstValueDays: 45,
    sentiment: 'Neutral',
    overdueInvoices: 0,
    previousScore: 66
  },
  silentRisk: {
    nps: 9,
    csat: 4,
    ces: 6,
    active: 12,
    logins: [400, 900],
    cases: [
      { Priority: 'Low', Status: 'Closed', IsEscalated: true },
      { Priority: 'Low', Status: 'Closed' }
    ],
    meetingsDaysAgo: [80, 120],
    firstValueDays: 60,
    sentiment: 'Positive',
    overdueInvoices: 1,
    previousScore: 70
  },
  atRisk: {
    nps: 3,
    csat: 2,
    ces: 2,
    active: 10,
    logins: [300, 700],
    cases: [
      { Priority: 'High', Status: 'Working', IsEscalated: true },
      { Priority: 'High', Status: 'New' }
    ],
    meetingsDaysAgo: [150, 200],
    firstValueDays: 100,
    sentiment: 'Negative',
    overdueInvoices: 2,
    previousScore: 45
  },
  sparse: {
    nps: 7,
    csat: 3,
    ces: 4,
    active: 20,
    logins: [500, 500],
    cases: [
      { Priority: 'Low', Status: 'Closed' },
      { Priority: 'Low', Status: 'Closed' }
    ],
    meetingsDaysAgo: [400, 500],
    firstValueDays: null,
    sentiment: null,
    overdueInvoices: null,
    previousScore: 60
  }
};

/** Small per-account variation (0..span-1) so scores spread inside a band. */
const jitter = (k: number, salt: number, span: number) =>
  ((k * 2654435761 + salt * 40503) >>> 0) % span;

/** The seeding hooks (see seededBenchOrg) that give account k its profile's fields and rows. */
export function healthBenchFill(asOf: string): BenchFill {
  const day = (daysAgo: number) => addDays(asOf, -daysAgo);
  const stale = (k: number) => (profileOf(k) === 'sparse' ? 400 : 0);
  return {
    account(k) {
      const shape = SHAPES[profileOf(k)];
      const onboarding = addDays(asOf, -(k % 300) + 3);
      const firstValue =
        shape.firstValueDays === null ? null : addDays(onboarding, shape.firstValueDays);
      return {
        Licensed_Seats__c: profileOf(k) === 'sparse' ? null : 50,
        First_Value_At__c: firstValue && firstValue <= asOf ? firstValue : null,
        Overdue_Invoices__c: shape.overdueInvoices,
        CSM_Sentiment__c: shape.sentiment,
        CSM_Sentiment_Date__c: shape.sentiment ? day(10 + jitter(k, 1, 30)) : null,
        // 0.5 % carry an account manager's override, honoured by the recompute.
        Health_Override__c: k % 200 === 7 ? 'Green' : null,
        Health_Override_Until__c: k % 200 === 7 ? addDays(asOf, 10) : null
      };
    },
    related(accountId, k, create) {
      const shape = SHAPES[profileOf(k)];
      const old = stale(k);
      const surveys: [string, number][] = [
        ['NPS', Math.max(0, shape.nps - jitter(k, 2, 2))],
        ['CSAT', Math.max(1, shape.csat - jitter(k, 3, 2))],
        ['CES', Math.max(1, shape.ces - jitter(k, 4, 2))]
      ];
      surveys.forEach(([type, score], n) =>
        create('Survey_Response__c', {
          Account__c: accountId,
          Type__c: type,
          Score__c: score,
          Responded_On__c: day(old + 10 + n * 20 + jitter(k, 5 + n, 60))
        })
      );
      shape.logins.forEach((logins, n) =>
        create('Usage_Snapshot__c', {
          Account__c: accountId,
          Period_End__c: day(old + 5 + n * 30),
          Active_Users__c: shape.active + jitter(k, 8, 5),
          Logins__c: logins + jitter(k, 9 + n, 100)
        })
      );
      for (const fields of shape.cases)
        create('Case', { AccountId: accountId, Subject: 'Bench signal', ...fields });
      for (const daysAgo of shape.meetingsDaysAgo)
        create('Task', {
          WhatId: accountId,
          Subject: 'Account review',
          Type: 'Meeting',
          Status: 'Completed',
          ActivityDate: day(daysAgo + jitter(k, 11, 10))
        });
      const previous = day(30);
      create('Health_Snapshot__c', {
        Account__c: accountId,
        Score__c: shape.previousScore + jitter(k, 12, 10),
        Status__c: shape.previousScore >= 70 ? 'Green' : 'Yellow',
        Computed_At__c: `${previous}T10:00:00.000Z`,
        Snapshot_Key__c: `${accountId}-${previous}`
      });
    }
  };
}
