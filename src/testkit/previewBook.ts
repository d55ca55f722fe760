import type { Connection } from 'jsforce';
import { addDays, type AccountSignals } from '../core';
import { loadProjectModel } from '../metadata/projectModel';

/**
 * The small book the browser tests open: three accounts with real signal records (surveys,
 * usage, cases, a last meeting, earlier snapshots for the trend and the sparkline). The
 * health score, tier and touchpoints are then computed by the real services; the tests
 * score `signalsOf` with the core to know what the panel must show.
 */
export interface PreviewAccount {
  fields: {
    Name: string;
    Touch_Tier__c: 'High' | 'Low' | 'Tech';
    MRR__c: number;
    Growth_Potential__c: number;
    Customer_Stage__c: string;
    Licensed_Seats__c: number;
    Overdue_Invoices__c: number;
    CSM_Sentiment__c?: 'Positive' | 'Neutral' | 'Negative';
  };
  contractDaysAgo: number;
  /** Days after the onboarding start when first value was reached (none: not yet). */
  firstValueAfterDays?: number;
  sentimentDaysAgo?: number;
  surveys: { type: 'NPS' | 'CSAT' | 'CES'; score: number; daysAgo: number }[];
  /** Usage periods: the newest is "the last 30 days", the one ~30 days before it the previous. */
  usage: { daysAgo: number; active: number; logins: number }[];
  openHighCases: number;
  lastMeetingDaysAgo?: number;
  /** Earlier recomputes' scores (oldest first); one 28–42 days old gives the trend. */
  history: { daysAgo: number; score: number }[];
}

const weekly = (scores: number[]) =>
  scores.map((score, k) => ({ daysAgo: 35 + 7 * (scores.length - 1 - k), score }));

export const PREVIEW_BOOK: PreviewAccount[] = [
  {
    fields: {
      Name: 'Kontrakti Oy',
      Touch_Tier__c: 'Low',
      MRR__c: 2000,
      Growth_Potential__c: 2,
      Customer_Stage__c: 'Onboarding',
      Licensed_Seats__c: 40,
      Overdue_Invoices__c: 0,
      CSM_Sentiment__c: 'Positive'
    },
    contractDaysAgo: 120,
    firstValueAfterDays: 25,
    sentimentDaysAgo: 10,
    surveys: [{ type: 'NPS', score: 9, daysAgo: 20 }],
    usage: [
      { daysAgo: 35, active: 24, logins: 560 },
      { daysAgo: 5, active: 22, logins: 610 }
    ],
    openHighCases: 1,
    lastMeetingDaysAgo: 40,
    history: weekly([58, 61, 60, 64, 66, 65, 68])
  },
  {
    fields: {
      Name: 'Revontuli Analytics',
      Touch_Tier__c: 'High',
      MRR__c: 9000,
      Growth_Potential__c: 4,
      Customer_Stage__c: 'Retention',
      Licensed_Seats__c: 60,
      Overdue_Invoices__c: 1,
      CSM_Sentiment__c: 'Negative'
    },
    contractDaysAgo: 500,
    sentimentDaysAgo: 14,
    surveys: [
      { type: 'NPS', score: 3, daysAgo: 45 },
      { type: 'CSAT', score: 2, daysAgo: 30 }
    ],
    usage: [
      { daysAgo: 36, active: 25, logins: 700 },
      { daysAgo: 6, active: 15, logins: 380 }
    ],
    openHighCases: 2,
    lastMeetingDaysAgo: 150,
    history: weekly([62, 58, 55, 51, 47, 45, 44])
  },
  {
    fields: {
      Name: 'Saimaa Systems',
      Touch_Tier__c: 'Tech',
      MRR__c: 300,
      Growth_Potential__c: 1,
      Customer_Stage__c: 'Adoption',
      Licensed_Seats__c: 10,
      Overdue_Invoices__c: 0
    },
    contractDaysAgo: 200,
    surveys: [{ type: 'CSAT', score: 4, daysAgo: 60 }],
    usage: [
      { daysAgo: 33, active: 6, logins: 90 },
      { daysAgo: 3, active: 4, logins: 66 }
    ],
    openHighCases: 0,
    history: weekly([60, 62, 61, 63])
  }
];

const ago = (asOf: string, days: number) => addDays(asOf, -days);

/** The Account fields of a book entry as of a day (dates are relative so the book never ages). */
export function accountFields(book: PreviewAccount, asOf: string): Record<string, unknown> {
  const contractStart = ago(asOf, book.contractDaysAgo);
  const onboardingStarted = addDays(contractStart, 7);
  return {
    ...book.fields,
    Contract_Start__c: contractStart,
    Onboarding_Started__c: onboardingStarted,
    First_Value_At__c:
      book.firstValueAfterDays === undefined
        ? null
        : addDays(onboardingStarted, book.firstValueAfterDays),
    CSM_Sentiment_Date__c:
      book.sentimentDaysAgo === undefined ? null : ago(asOf, book.sentimentDaysAgo)
  };
}

/** The same signals as the core's input, for a test to score with scoreAccount. */
export function signalsOf(book: PreviewAccount, id: string, asOf: string): AccountSignals {
  const fields = accountFields(book, asOf);
  const [latest, previous] = [...book.usage].sort((a, b) => a.daysAgo - b.daysAgo);
  return {
    id,
    touchTier: book.fields.Touch_Tier__c,
    contractStart: fields.Contract_Start__c as string,
    onboardingStarted: fields.Onboarding_Started__c as string,
    firstValueAt: (fields.First_Value_At__c as string | null) ?? undefined,
    licensedSeats: book.fields.Licensed_Seats__c,
    overdueInvoices: book.fields.Overdue_Invoices__c,
    csmSentiment: book.fields.CSM_Sentiment__c
      ? { value: book.fields.CSM_Sentiment__c, date: fields.CSM_Sentiment_Date__c as string }
      : undefined,
    activeUsers30d: latest?.active,
    logins30d: latest?.logins,
    loginsPrev30d: previous?.logins,
    surveys: book.surveys.map((s) => ({
      type: s.type,
      score: s.score,
      date: ago(asOf, s.daysAgo)
    })),
    openHighPriorityCases: book.openHighCases,
    escalations90d: 0,
    lastTouchpointAt:
      book.lastMeetingDaysAgo === undefined ? undefined : ago(asOf, book.lastMeetingDaysAgo),
    previousScores: book.history.map((h) => ({ date: ago(asOf, h.daysAgo), score: h.score }))
  };
}

/** The status an earlier recompute stored for a score: the band it fell in (Health_Band__mdt). */
function bandStatus(score: number): string {
  const band = loadProjectModel().bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new Error(`No Health_Band__mdt status band holds the score ${score}`);
  return band.status;
}

type SaveResult = { id?: string; success: boolean; errors?: unknown[] };

async function create(conn: Connection, type: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return [];
  const results = (await conn.sobject(type).create(rows, { allOrNone: true })) as SaveResult[];
  const failed = results.filter((r) => !r.success);
  if (failed.length) throw new Error(`Writing ${type} failed: ${JSON.stringify(failed)}`);
  return results.map((r) => r.id as string);
}

/** Writes the accounts and their signal records; returns the Account Ids in book order. */
export async function writePreviewBook(
  conn: Connection,
  asOf: string,
  book: readonly PreviewAccount[] = PREVIEW_BOOK
): Promise<string[]> {
  const ids = await create(
    conn,
    'Account',
    book.map((entry) => accountFields(entry, asOf))
  );
  const rows = (pick: (entry: PreviewAccount, id: string) => Record<string, unknown>[]) =>
    book.flatMap((entry, k) => pick(entry, ids[k]));
  await create(
    conn,
    'Survey_Response__c',
    rows((entry, id) =>
      entry.surveys.map((s) => ({
        Account__c: id,
        Type__c: s.type,
        Score__c: s.score,
        Responded_On__c: ago(asOf, s.daysAgo)
      }))
    )
  );
  await create(
    conn,
    'Usage_Snapshot__c',
    rows((entry, id) =>
      entry.usage.map((u) => ({
        Account__c: id,
        Period_End__c: ago(asOf, u.daysAgo),
        Active_Users__c: u.active,
        Logins__c: u.logins
      }))
    )
  );
  await create(
    conn,
    'Case',
    rows((entry, id) =>
      Array.from({ length: entry.openHighCases }, (_, n) => ({
        AccountId: id,
        Subject: `Integration error ${n + 1}`,
        Priority: 'High',
        Status: 'Working'
      }))
    )
  );
  await create(
    conn,
    'Task',
    rows((entry, id) =>
      entry.lastMeetingDaysAgo === undefined
        ? []
        : [
            {
              WhatId: id,
              Subject: 'Account review',
              Type: 'Meeting',
              Status: 'Completed',
              ActivityDate: ago(asOf, entry.lastMeetingDaysAgo)
            }
          ]
    )
  );
  await create(
    conn,
    'Health_Snapshot__c',
    rows((entry, id) =>
      entry.history.map((h) => ({
        Account__c: id,
        Score__c: h.score,
        Status__c: bandStatus(h.score),
        Computed_At__c: `${ago(asOf, h.daysAgo)}T06:00:00.000Z`,
        Snapshot_Key__c: `${id}-${ago(asOf, h.daysAgo)}`
      }))
    )
  );
  return ids;
}
