import type { Connection } from 'jsforce';
import { isAccountId } from './changeEvents';
import type { FreshnessState } from './watchState';

/** What a --changed run reads for new signals: each object the recompute reads, by its account field. */
const SIGNAL_OBJECTS: readonly [string, string][] = [
  ['Survey_Response__c', 'Account__c'],
  ['Usage_Snapshot__c', 'Account__c'],
  ['Case', 'AccountId'],
  ['Task', 'WhatId'],
  ['Event', 'WhatId']
];

/**
 * Clock skew allowed between this machine (the run's start) and the org (SystemModstamp): a
 * change stamped up to this long before the last run started is read again, never missed.
 */
export const SKEW_MS = 5 * 60_000;

/** Why the accounts of a --changed run were due. */
export interface DueAccounts {
  ids: string[];
  /** Accounts with a signal row written (or deleted) since the last run. */
  newSignals: number;
  /** Accounts whose own inputs changed since the last run. */
  accountChanges: number;
  /** Accounts whose Health_Next_Change__c has come, or that were never scored. */
  timeThresholds: number;
  /** Accounts still owed an alert (its post failed). */
  owedAlerts: number;
}

/** SOQL's dateTime literal, to the second (a floor: a `>` reads a little more, never less). */
const soqlTime = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}Z`;
/** To the millisecond where the org stamped one (an org stores seconds; the local org, more). */
const soqlStamp = (iso: string) => {
  const text = new Date(iso).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, 19)}Z` : text;
};

async function ids(conn: Connection, soql: string, field: string, all = false) {
  const found = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    conn
      .query(soql, { autoFetch: true, maxFetch: Number.MAX_SAFE_INTEGER, scanAll: all })
      .on('record', (row: Record<string, unknown>) => {
        if (isAccountId(row[field])) found.add((row[field] as string).slice(0, 15));
      })
      .on('end', () => resolve())
      .on('error', reject)
      .run();
  });
  return found;
}

/**
 * The accounts a --changed run scores, or null when the state says no run came before (the
 * first run is a full one). An Account written by the last run itself (Health_Scored_At__c
 * is that run's start) counts only if it changed again after the run ended.
 */
export async function dueAccounts(
  conn: Connection,
  state: FreshnessState,
  asOf: string,
  skewMs = SKEW_MS
): Promise<DueAccounts | null> {
  if (!state.changedSince || !state.changedUntil) return null;
  const since = soqlTime(new Date(Date.parse(state.changedSince) - skewMs).toISOString());
  const runStart = soqlTime(state.changedSince);
  // A millisecond on: stamped after the run's last write, whatever precision the org keeps.
  const runEnd = soqlStamp(new Date(Date.parse(state.changedUntil) + 1).toISOString());
  const time = await ids(
    conn,
    `SELECT Id FROM Account WHERE Health_Next_Change__c <= ${asOf} OR Health_Next_Change__c = null`,
    'Id'
  );
  const owed = await ids(
    conn,
    `SELECT Id FROM Account WHERE Health_Alert_Status__c LIKE 'Pending %'`,
    'Id'
  );
  const accounts = await ids(
    conn,
    `SELECT Id FROM Account WHERE SystemModstamp > ${since} AND (SystemModstamp > ${runEnd} OR Health_Scored_At__c = null OR Health_Scored_At__c < ${runStart})`,
    'Id'
  );
  const signals = new Set<string>();
  for (const [object, field] of SIGNAL_OBJECTS)
    // ALL ROWS: a deleted answer changes its account's score as much as a new one.
    for (const id of await ids(
      conn,
      `SELECT ${field} FROM ${object} WHERE SystemModstamp > ${since}`,
      field,
      true
    ))
      signals.add(id);
  const all = new Set([...time, ...owed, ...accounts, ...signals]);
  return {
    ids: [...all].sort(),
    newSignals: signals.size,
    accountChanges: accounts.size,
    timeThresholds: time.size,
    owedAlerts: owed.size
  };
}
