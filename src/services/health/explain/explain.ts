import { BatonError, UserInputError } from '../../../core/errors';
import type { HistoryPolicy } from '../../../core/health/history';
import { asShown } from '../../../core/health/shown';
import { soqlString } from '../../../org/soql';
import { accountIdSchema } from '../recompute/accountSelection';
import { overrideActive, signalsOf } from '../recompute/accountSignals';
import { dayOfValue } from '../../../core/dates';
import { statusOrder } from '../../../core/health/statuses';
import type { Explanation } from './explainFormat';
import { loadSignals } from '../recompute/loadSignals';
import type { OrgAccess, Row } from '../recompute/orgAccess';
import { silentProgress } from '../recompute/progress';
import type { HealthScorer } from '../recompute/scorer';
import { signalWindows } from '../recompute/signalQueries';

const ACCOUNT_FIELDS =
  'Id, Name, Health_Score__c, Health_Status__c, Health_Scored_At__c, Health_Override__c, Health_Override_Reason__c, Health_Override_Until__c';

async function findAccount(org: OrgAccess, idOrName: string): Promise<Row> {
  const byId = accountIdSchema.safeParse(idOrName).success;
  const rows: Row[] = [];
  const condition = byId ? `Id = '${idOrName}'` : `Name = ${soqlString(idOrName)}`;
  await org.query(`SELECT ${ACCOUNT_FIELDS} FROM Account WHERE ${condition} LIMIT 6`, 6, (page) =>
    rows.push(...page)
  );
  if (rows.length === 0) {
    throw new UserInputError(
      `No Account ${byId ? 'with Id' : 'named'} "${idOrName}" (or you cannot see it)`,
      'account'
    );
  }
  if (rows.length > 1) {
    const ids = rows.map((row) => row.Id).join(', ');
    throw new UserInputError(
      `${rows.length > 5 ? 'More than 5' : rows.length} Accounts are named "${idOrName}": use one Id of ${ids}`,
      'account'
    );
  }
  return rows[0];
}

/**
 * `baton health explain`: scores one account now, from the same signals and model the
 * recompute uses, and returns the breakdown next to what was last stored.
 */
export async function explainAccount(
  org: OrgAccess,
  scorer: HealthScorer,
  options: { account: string; asOf: string; history: HistoryPolicy }
): Promise<Explanation> {
  const account = await findAccount(org, options.account.trim());
  const asOfDay = dayOfValue(options.asOf);
  const model = scorer.model;
  const table = await loadSignals(
    org,
    { kind: 'ids', ids: [String(account.Id)] },
    asOfDay,
    silentProgress,
    {
      // The recompute's windows, so both read the same answers and the same baseline.
      windows: signalWindows(model, options.history.heartbeatDays),
      statuses: statusOrder(model)
    }
  );
  if (table.size !== 1) {
    throw new BatonError('FAILURE', `Account ${account.Id} could not be read back`);
  }
  const result = asShown(
    scorer.score(signalsOf(table, 0, asOfDay, options.asOf), options.asOf),
    model.insufficientStatus
  );
  const active = overrideActive(table, 0, asOfDay);
  return {
    account: { id: String(account.Id), name: String(account.Name ?? '') },
    asOf: options.asOf,
    result,
    override: active
      ? {
          status: String(account.Health_Override__c),
          until: (account.Health_Override_Until__c as string) ?? null,
          reason: (account.Health_Override_Reason__c as string) ?? null
        }
      : null,
    stored: {
      score: (account.Health_Score__c as number) ?? null,
      status: (account.Health_Status__c as string) ?? null,
      scoredAt: (account.Health_Scored_At__c as string) ?? null
    }
  };
}
