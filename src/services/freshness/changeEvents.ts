import { ACCOUNT_SCORE_INPUTS } from '../health/recompute/signalQueries';

/**
 * What Baton's health reads of each object selected for Change Data Capture: the field that
 * names the account a signal row belongs to (none for Account itself).
 */
export interface WatchedObject {
  entity: string;
  accountField: string | null;
}

export const WATCHED_OBJECTS: readonly WatchedObject[] = [
  { entity: 'Account', accountField: null },
  { entity: 'Survey_Response__c', accountField: 'Account__c' },
  { entity: 'Usage_Snapshot__c', accountField: 'Account__c' },
  { entity: 'Case', accountField: 'AccountId' },
  { entity: 'Task', accountField: 'WhatId' }
];

/**
 * The Account fields the score reads. An Account change naming none of them (the recompute's
 * own Health_Score__c, Health_Status__c, … writes, or a rename) moves no score, so the
 * watcher never rescores because of its own writes.
 */
export const ACCOUNT_INPUTS: ReadonlySet<string> = new Set(ACCOUNT_SCORE_INPUTS);

/** `Survey_Response__c` → `/data/Survey_Response__ChangeEvent`, as the Streaming API names it. */
export const changeChannel = (entity: string) => `/data/${entity.replace(/__c$/, '__')}ChangeEvent`;

export interface ChangeEventHeader {
  entityName: string;
  changeType: string;
  recordIds: string[];
  changedFields?: string[];
  commitUser?: string;
}

/** One message as jsforce's streaming client hands it over. */
export interface ChangeMessage {
  event: { replayId: number };
  payload: { ChangeEventHeader: ChangeEventHeader; [field: string]: unknown };
}

export const isAccountId = (id: unknown): id is string =>
  typeof id === 'string' && /^001[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(id);
