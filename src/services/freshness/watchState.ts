import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the watcher and `recompute --changed` remember between runs: per change event channel
 * the newest replay id whose accounts are rescored, and when the last --changed run read.
 */
export interface FreshnessState {
  /** The org's Id: a state file carried to another org is not trusted. */
  orgId: string;
  replayIds: Record<string, number>;
  /** ISO date-time: the start of the last run that scored every account due (full or --changed). */
  changedSince?: string;
  /** ISO date-time: when that run had written everything. */
  changedUntil?: string;
}

export function loadFreshnessState(path: string, orgId: string): FreshnessState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { orgId, replayIds: {} };
  }
  const parsed = JSON.parse(text) as Partial<FreshnessState>;
  if (parsed.orgId !== orgId) return { orgId, replayIds: {} };
  return {
    orgId,
    replayIds: parsed.replayIds ?? {},
    changedSince: parsed.changedSince,
    changedUntil: parsed.changedUntil
  };
}

/** Written whole then renamed, so a crash mid-write leaves the previous state, not half a file. */
export function saveFreshnessState(path: string, state: FreshnessState) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Re-reads the file before writing, so the watcher and a --changed run keep each other's part. */
export function updateFreshnessState(
  path: string,
  orgId: string,
  change: (state: FreshnessState) => void
): FreshnessState {
  const state = loadFreshnessState(path, orgId);
  change(state);
  saveFreshnessState(path, state);
  return state;
}
