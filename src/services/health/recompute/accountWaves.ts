import { isSalesforceId } from '../../../core/ids';
import type { AccountSelection } from './accountSelection';
import type { OrgAccess } from './orgAccess';

/**
 * Accounts whose signals are read, scored and written together. A big org is recomputed
 * wave after wave so the recompute's memory follows the wave, not the org: a million accounts
 * held at once (their signal table, Ids and the index over them) took ~1 GB. Two waves are
 * held while the next is read (recompute.ts), which sets the size under the recompute's
 * 500 MB (docs/performance.md).
 */
export const WAVE_ACCOUNTS = 150_000;

/** A range of Account Ids: [from, to), or [from, to] for the last wave. */
export interface AccountWave {
  from: string;
  to: string;
  inclusive: boolean;
  /** Accounts of the selection in the range when it was planned. */
  accounts: number;
}

/** The accounts to recompute: how many, and in which waves (none: all in one go). */
export interface WavePlan {
  total: number;
  waves: AccountWave[];
}

/** An Id as the org returns it: only such text is put into a range condition. */

/**
 * `field` inside the wave's Id range. The Account query filters `Id`, each signal query its
 * Account field, with the same bounds: whatever order the org compares Ids in, a record
 * falls in exactly one wave, and its signals in the same one. (Bulk API PK chunking splits
 * queries with the same `Id >= … AND Id < …` conditions.)
 */
export function waveCondition(field: string, wave: AccountWave): string {
  return `${field} >= '${wave.from}' AND ${field} ${wave.inclusive ? '<=' : '<'} '${wave.to}'`;
}

/**
 * Counts the selection and, when it holds more than `waveAccounts`, reads its Account Ids
 * (one column, a few API calls) to cut them into waves of about that size. Ids listed by the
 * user (`--accounts`) are one wave: the list itself is small.
 */
export async function planWaves(
  org: OrgAccess,
  selection: AccountSelection,
  accountConditions: string[],
  waveAccounts: number
): Promise<WavePlan> {
  let total = 0;
  for (const condition of accountConditions)
    total += await org.count(`SELECT COUNT() FROM Account${where(condition)}`);
  if (selection.kind === 'ids' || total <= waveAccounts) return { total, waves: [] };
  const ids: string[] = [];
  await org.query(`SELECT Id FROM Account${where(accountConditions[0])}`, total, (rows) => {
    for (const row of rows) {
      const id = String(row.Id);
      if (!isSalesforceId(id))
        throw new Error(`The org returned an Account Id that is not one: ${id}`);
      ids.push(id);
    }
  });
  ids.sort();
  // Waves of one size (at most waveAccounts): a small last wave would go as one chunk, all of
  // it left to write once the recompute has scored it.
  const size = Math.ceil(ids.length / Math.ceil(ids.length / waveAccounts));
  const waves: AccountWave[] = [];
  for (let at = 0; at < ids.length; at += size) {
    const end = at + size;
    const last = end >= ids.length;
    waves.push({
      from: ids[at],
      to: last ? ids[ids.length - 1] : ids[end],
      inclusive: last,
      accounts: Math.min(size, ids.length - at)
    });
  }
  return { total: ids.length, waves };
}

const where = (condition: string) => (condition ? ` WHERE ${condition}` : '');
