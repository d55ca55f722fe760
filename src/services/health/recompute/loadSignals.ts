import { idChunks } from '../../../org/soql';
import type { AccountSelection } from './accountSelection';
import { waveCondition, type AccountWave } from './accountWaves';
import type { OrgAccess } from './orgAccess';
import type { Progress } from './progress';
import { SignalTable } from './signalTable';
import type { LatestSnapshots } from '../history/latestSnapshots';
import {
  accountQuery,
  idCondition,
  signalQueries,
  type SignalQuery,
  type SignalWindows
} from './signalQueries';

/** Up to this many accounts, related rows are filtered by Account Id; above it, by the query's date windows only. */
export const ID_FILTER_LIMIT = 2000;

/** The Account condition for a selection; Ids were validated, the WHERE was recomposed from its parse. */
export function accountConditions(selection: AccountSelection): string[] {
  if (selection.kind === 'ids') return idChunks(selection.ids).map((ids) => idCondition('Id', ids));
  return [selection.kind === 'where' ? selection.where : ''];
}

const both = (a: string, b: string) => (a && b ? `(${a}) AND ${b}` : a || b);

/**
 * Loads every health input of the selected accounts (of one wave, when given) with one
 * Account query and one query per signal object (six), whatever the number of accounts.
 * Only a small explicit selection adds Id filters (in chunks), so a few accounts do not read
 * the whole org's signals; a wave filters every query to its Id range. `total` is the
 * selection's count, when the caller has it (else one COUNT); `label` names the wave in the
 * progress phases; `reuse`, the last wave's table, is emptied and filled again when it is
 * large enough; `latest`, when given, must be as large as the table and is filled too.
 */
export async function loadSignals(
  org: OrgAccess,
  selection: AccountSelection,
  asOfDay: number,
  progress: Progress,
  scope: {
    total?: number;
    wave?: AccountWave;
    label?: string;
    reuse?: SignalTable;
    /** The org's model's windows (signalWindows). */
    windows: SignalWindows;
    /** Filled with each account's newest snapshot, for the recompute's snapshot rule. */
    latest?: LatestSnapshots;
    /** The org's model's statuses, best first (statusOrder). */
    statuses: readonly string[];
  }
): Promise<SignalTable> {
  const { wave } = scope;
  const conditions = wave
    ? [both(accountConditions(selection)[0], waveCondition('Id', wave))]
    : accountConditions(selection);
  let total = wave ? wave.accounts : (scope.total ?? -1);
  if (total < 0) {
    total = 0;
    for (const condition of conditions)
      total += await org.count(
        `SELECT COUNT() FROM Account${condition ? ` WHERE ${condition}` : ''}`
      );
  }
  const reusable = scope.reuse && scope.reuse.capacity >= total ? scope.reuse : undefined;
  reusable?.clear();
  const table = reusable ?? new SignalTable(total, scope.statuses);
  const label = scope.label ?? '';
  progress.phase(`Reading accounts${label}`, total);
  for (const condition of conditions) {
    await org.query(accountQuery(condition), total, (rows) => {
      for (const row of rows) table.addAccount(row);
      progress.advance(table.size);
    });
  }
  const filterById = !wave && selection.kind !== 'all' && table.size <= ID_FILTER_LIMIT;
  const idPages = filterById ? idChunks(table.ids) : [null];
  const queries = signalQueries(asOfDay, scope.windows, scope.latest);
  progress.phase(`Reading signals${label}`, queries.length);
  let done = 0;
  const readOne = async (query: SignalQuery) => {
    for (const ids of idPages) {
      if (ids && ids.length === 0) continue;
      const filter = ids
        ? idCondition(query.accountField, ids)
        : wave
          ? waveCondition(query.accountField, wave)
          : '';
      await org.query(query.soql(filter), table.size * 3, (rows) => {
        for (const row of rows) query.fold(table, row);
      });
    }
    progress.advance(++done);
  };
  // Two at a time: the org runs one query while this process folds the other's rows. Folds of
  // different queries commute (each fills its own columns, or keeps a minimum or maximum).
  const next = queries.values();
  const reader = async () => {
    for (let item = next.next(); !item.done; item = next.next()) await readOne(item.value);
  };
  await Promise.all([reader(), reader()]);
  return table;
}
