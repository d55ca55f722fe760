import type { Connection } from 'jsforce';
import { addDays } from '../../core/dates';
import { soqlString } from '../../org/soql';
import type { SeededRandom } from './random';
import type { Profile } from './signals';
import { writeSeedRows } from './writeBook';

type Row = Record<string, unknown>;

/** The at-risk kinds that can still be saved: they slid quietly or complained, but stayed. */
const SLIDING: readonly Profile[] = ['silentRisk', 'unhappy'];
/** The share of those customers still with us whose slide broke into the open this week. */
const SHARE = 0.35;
const DETRACTOR_COMMENTS = [
  'Järjestelmä on ollut hidas koko kuun, tiimi palasi Exceliin.',
  'Tukipyyntöön ei ole vastattu viikkoon.',
  'Emme saa raportteja johdolle ajallaan.'
];
const CASE_SUBJECTS = [
  'Palkkasiirto epäonnistuu joka yö',
  'Tuntikirjaukset kadonneet integraation jälkeen',
  'Raportit näyttävät väärät luvut johdolle'
];

/**
 * Some customers still with us (not churned) whose quiet slide broke into the open in the
 * last week: usage down to a fraction of the seats, two detractor answers, three
 * escalations, overdue invoices and a worried account manager. Without them every Red
 * customer of the book had also churned, so the portfolio showed no ARR at risk. Written
 * after the history and the outcomes and dated after the newest backfilled day, so the
 * history, the outcomes and the backtest stay as they were; drawn from a generator of its
 * own, so the rest of the book is unchanged.
 * @returns the rows written, by object, and the turned accounts' ids
 */
export async function seedLiveRisk(
  conn: Connection,
  random: SeededRandom,
  asOf: string,
  accountIds: string[],
  accounts: Row[],
  profiles: Profile[],
  contactIds: string[]
): Promise<{ accountIds: string[]; counts: Record<string, number> }> {
  const churned = await churnedAccounts(conn, accountIds);
  const turned: number[] = [];
  accountIds.forEach((id, i) => {
    const picked = random.chance(SHARE);
    if (picked && SLIDING.includes(profiles[i]) && !churned.has(id)) turned.push(i);
  });
  const previousLogins = await loginsOn(
    conn,
    turned.map((i) => accountIds[i]),
    addDays(asOf, -31)
  );
  const usage: Row[] = [];
  const surveys: Row[] = [];
  const cases: Row[] = [];
  const updates: Row[] = [];
  for (const i of turned) {
    const accountId = accountIds[i];
    const seats = Number(accounts[i].Licensed_Seats__c);
    // The latest month (as signalsFor dates it), after the newest backfilled day.
    const periodEnd = addDays(asOf, -1);
    usage.push({
      Account__c: accountId,
      Period_End__c: periodEnd,
      Active_Users__c: Math.max(1, Math.round((seats * random.int(12, 25)) / 100)),
      Logins__c: Math.round(
        ((previousLogins.get(accountId) ?? seats * 10) * random.int(30, 45)) / 100
      ),
      Cancel_Page_Visits__c: random.int(3, 6),
      External_Key__c: `${accountId}-${periodEnd}`
    });
    for (let n = 0; n < 2; n++)
      surveys.push({
        Account__c: accountId,
        Contact__c: contactIds[i * 3 + n],
        Type__c: 'NPS',
        Score__c: random.int(0, 4),
        Channel__c: 'Email',
        Responded_On__c: addDays(asOf, -random.int(1, 6)),
        Comment__c: random.pick(DETRACTOR_COMMENTS),
        External_Key__c: `seed-${accountId}-NPS-turn-${n}`
      });
    // Escalations count from the day they are opened; an open High case would count in every
    // backfilled week of a second seed too, and change the history the first one wrote.
    for (const subject of CASE_SUBJECTS)
      cases.push({
        AccountId: accountId,
        Subject: subject,
        Priority: 'Medium',
        Status: 'Working',
        IsEscalated: true,
        Origin: 'Phone'
      });
    updates.push({
      External_Id__c: accounts[i].External_Id__c,
      Overdue_Invoices__c: 2,
      CSM_Sentiment__c: 'Negative',
      CSM_Sentiment_Date__c: addDays(asOf, -random.int(1, 5))
    });
  }
  if (turned.length > 0) {
    await writeSeedRows(conn, 'Usage_Snapshot__c', usage);
    await writeSeedRows(conn, 'Survey_Response__c', surveys);
    await writeSeedRows(conn, 'Case', cases);
    await writeSeedRows(conn, 'Account', updates);
  }
  return {
    accountIds: turned.map((i) => accountIds[i]),
    counts: { Survey_Response__c: surveys.length, Case: cases.length }
  };
}

async function loginsOn(
  conn: Connection,
  accountIds: string[],
  periodEnd: string
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let from = 0; from < accountIds.length; from += 200) {
    const ids = accountIds.slice(from, from + 200).map(soqlString);
    if (ids.length === 0) break;
    const result = await conn.query<{ Account__c: string; Logins__c: number }>(
      `SELECT Account__c, Logins__c FROM Usage_Snapshot__c WHERE Period_End__c = ${periodEnd} AND Account__c IN (${ids.join(', ')})`
    );
    for (const row of result.records) found.set(row.Account__c, Number(row.Logins__c));
  }
  return found;
}

/** By their Churn outcome, which a second seed keeps, as it does not keep the stage it wrote. */
async function churnedAccounts(conn: Connection, accountIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let from = 0; from < accountIds.length; from += 200) {
    const ids = accountIds.slice(from, from + 200).map(soqlString);
    const result = await conn.query<{ Account__c: string }>(
      `SELECT Account__c FROM Customer_Outcome__c WHERE Type__c = 'Churn' AND Account__c IN (${ids.join(', ')})`
    );
    for (const row of result.records) found.add(row.Account__c);
  }
  return found;
}
