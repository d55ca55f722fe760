import type { Connection } from 'jsforce';
import { addDays } from '../../core/dates';
import type { SeededRandom } from './random';
import type { Profile } from './signals';

type Row = Record<string, unknown>;
type Update = Row & { Id: string };

const REASONS = ['Price', 'Product fit', 'Champion left', 'Budget cut'];

/**
 * What became of the seeded customers in the last two weeks, drawn by profile so the history
 * has something true to say: most at-risk and half the unhappy accounts churn, half the silent
 * risks contract by 30 %, thriving and most steady accounts renew (a new contract term from
 * the outcome day; thriving ones with 20 % more). All through the Account, so AccountTrigger
 * records each outcome as it would in the org, and plans the winbacks.
 * @returns how many of the accounts have an outcome
 */
export async function seedOutcomes(
  conn: Connection,
  random: SeededRandom,
  asOf: string,
  accountIds: string[],
  accounts: Row[],
  profiles: Profile[]
): Promise<number> {
  // A second seed leaves what became of each customer as the first recorded it.
  const decided = await accountsWithOutcomes(conn, accountIds);
  const churns: Update[] = [];
  const contractions: Update[] = [];
  const renewals: Update[] = [];
  accountIds.forEach((id, i) => {
    const profile = profiles[i];
    const mrr = Number(accounts[i].MRR__c ?? 0);
    const churn =
      (profile === 'atRisk' && random.chance(0.8)) ||
      (profile === 'unhappy' && random.chance(0.5)) ||
      (profile === 'steady' && random.chance(0.1));
    // Drawn for every account, so a second seed draws the same for those still undecided.
    const fate = churn
      ? 'churn'
      : profile === 'silentRisk' && random.chance(0.5) && mrr > 0
        ? 'contraction'
        : profile === 'thriving' || (profile === 'steady' && random.chance(0.9))
          ? 'renewal'
          : null;
    const outcomeDate = addDays(asOf, -random.int(0, 14));
    const reason = random.pick(REASONS);
    if (decided.has(id) || fate === null) return;
    if (fate === 'churn')
      churns.push({
        Id: id,
        Customer_Stage__c: 'Churned',
        Churn_Date__c: outcomeDate,
        Churn_Reason__c: reason
      });
    else if (fate === 'contraction') contractions.push({ Id: id, MRR__c: Math.round(mrr * 0.7) });
    // A renewal is a new term: a contract that started before the outcome day. A thriving
    // customer renews with 20 % more (seats, modules), so the book shows expansion.
    else if (String(accounts[i].Contract_Start__c ?? '9999') < outcomeDate)
      renewals.push({
        Id: id,
        Contract_Start__c: outcomeDate,
        ...(profile === 'thriving' && mrr > 0 ? { MRR__c: Math.round(mrr * 1.2) } : {})
      });
  });
  for (const rows of [churns, contractions, renewals]) {
    if (rows.length === 0) continue;
    const results = await conn
      .sobject('Account')
      .update(rows, { allOrNone: true, allowRecursive: true });
    const failed = results.find((result) => !result.success);
    if (failed) throw new Error(`Seeding outcomes failed: ${JSON.stringify(failed.errors)}`);
  }
  return (await accountsWithOutcomes(conn, accountIds)).size;
}

async function accountsWithOutcomes(conn: Connection, accountIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let from = 0; from < accountIds.length; from += 300) {
    const ids = accountIds.slice(from, from + 300).map((id) => `'${id}'`);
    const result = await conn.query<{ Account__c: string }>(
      `SELECT Account__c FROM Customer_Outcome__c WHERE Account__c IN (${ids.join(', ')})`
    );
    for (const row of result.records) found.add(row.Account__c);
  }
  return found;
}
