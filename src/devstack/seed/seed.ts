import { backfillHistory } from '../../services/health/history/backfillHistory';
import { seedOutcomes } from './outcomes';
import { seedLiveRisk } from './liveRisk';
import type { Connection } from 'jsforce';
import { suggestTier } from '../../core';
import { loadProjectModel } from '../../metadata/projectModel';
import { loadModelFromOrg } from '../../org/orgModel';
import { actorFor } from '../../services/handover/commands';
import { submit } from '../../services/handover/service';
import { SeededRandom } from './random';
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_STEMS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  PRODUCTS,
  TITLES
} from './names';
import { signalsFor, type Profile } from './signals';
import { writeSeedRows } from './writeBook';
import { addDays, isoDateOf } from '../../core/dates';

export interface SeedOptions {
  accounts?: number;
  seed?: number;
  /** The day the book is made "as of"; defaults to today (UTC). */
  asOf?: string;
  /** Seed even when accounts exist: writes the same book again, by its keys (writeBook.ts). */
  force?: boolean;
  /** Weeks of health history written before asOf (default DEMO_HISTORY_WEEKS; 0: none). */
  historyWeeks?: number;
}

/**
 * Weekly health history for 28 weeks: the trend has its baseline, and outcomes of the last
 * two weeks have a score 180 days before them for the backtest.
 */
export const DEMO_HISTORY_WEEKS = 28;

export interface SeedSummary {
  seeded: boolean;
  counts: Record<string, number>;
}

type Row = Record<string, unknown>;

const PROFILES: Profile[] = ['thriving', 'steady', 'silentRisk', 'unhappy', 'atRisk', 'new'];

/**
 * A realistic, deterministic demo book through the public API (so it works against any
 * org): accounts across touch tiers with contacts, surveys, usage, cases, meetings and
 * handovers in every state. Does nothing when accounts already exist, unless forced; forced
 * twice, the second run updates or keeps what the first wrote and duplicates nothing.
 */
export async function seedDemoBook(
  conn: Connection,
  options: SeedOptions = {}
): Promise<SeedSummary> {
  const existing = await conn.query<{ expr0: number }>('SELECT COUNT(Id) FROM Account');
  if (Number(existing.records[0]?.expr0 ?? 0) > 0 && !options.force)
    return { seeded: false, counts: {} };
  const random = new SeededRandom(options.seed ?? 1);
  const asOf = options.asOf ?? isoDateOf(new Date());
  const model = loadProjectModel();
  const users = (
    await conn.query<{ Id: string; Persona__c: string }>(
      'SELECT Id, Persona__c FROM User WHERE Persona__c != null ORDER BY Username'
    )
  ).records;
  const sellers = users.filter((u) => u.Persona__c === 'seller').map((u) => u.Id);
  const managers = users.filter((u) => u.Persona__c === 'accountManager').map((u) => u.Id);
  const count = options.accounts ?? 60;
  const accounts: Row[] = [];
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const kind = COMPANY_KINDS[i % COMPANY_KINDS.length];
    const stem = COMPANY_STEMS[Math.floor(i / COMPANY_KINDS.length) % COMPANY_STEMS.length];
    const round = Math.floor(i / (COMPANY_KINDS.length * COMPANY_STEMS.length));
    const name = `${stem} ${kind}${round ? ` ${round + 1}` : ''} Oy`;
    const band = random.next();
    const mrr =
      band < 0.2
        ? random.int(4200, 15000)
        : band < 0.7
          ? random.int(450, 4000)
          : random.int(60, 400);
    const potential = random.int(1, 5);
    const strategic = random.chance(0.08);
    const profile: Profile = i < 6 ? PROFILES[i] : random.pick(PROFILES);
    const contractStart = addDays(
      asOf,
      profile === 'new' ? -random.int(10, 80) : -random.int(120, 720)
    );
    const tier = suggestTier({ mrr, growthPotential: potential, strategic }, model);
    profiles.push(profile);
    accounts.push({
      Name: name,
      Industry: INDUSTRIES[kind],
      BillingCity: random.pick(CITIES),
      BillingCountry: 'Finland',
      Website: `https://www.${name.toLowerCase().replace(/ oy$/, '').replace(/[äå]/g, 'a').replace(/ö/g, 'o').replace(/\s+/g, '-')}.fi`,
      External_Id__c: `CUST-${String(i + 1).padStart(5, '0')}`,
      MRR__c: mrr,
      Growth_Potential__c: potential,
      // Derived, not drawn: another draw would change every later value of the seeded book.
      Profitability__c: 1 + ((i * 3 + mrr) % 5),
      Reference_Value__c: 1 + ((i * 2 + potential) % 5),
      Strategic_Account__c: strategic,
      License_Tier__c: mrr >= 3000 ? 'Gold' : mrr >= 800 ? 'Silver' : 'Bronze',
      Touch_Tier__c: tier.suggested,
      Suggested_Touch_Tier__c: tier.suggested,
      OwnerId: sellers[i % sellers.length],
      Account_Manager__c: managers[i % managers.length],
      Customer_Stage__c:
        profile === 'new'
          ? 'Onboarding'
          : random.pick(['Adoption', 'Retention', 'Expansion', 'Advocacy']),
      Contract_Start__c: contractStart,
      Onboarding_Started__c: addDays(contractStart, 7),
      First_Value_At__c:
        profile === 'new' && random.chance(0.5) ? null : addDays(contractStart, random.int(14, 70)),
      Licensed_Seats__c: random.int(5, 150),
      Overdue_Invoices__c: profile === 'atRisk' ? random.int(1, 2) : random.chance(0.1) ? 1 : 0,
      CSM_Sentiment__c:
        profile === 'thriving'
          ? 'Positive'
          : profile === 'atRisk' || profile === 'unhappy'
            ? 'Negative'
            : 'Neutral',
      CSM_Sentiment_Date__c: addDays(asOf, -random.int(5, 60))
    });
  }
  const accountIds = await writeSeedRows(conn, 'Account', accounts);
  const contacts: Row[] = [];
  accountIds.forEach((accountId, i) => {
    for (let c = 0; c < 3; c++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      contacts.push({
        AccountId: accountId,
        FirstName: first,
        LastName: last,
        Title: TITLES[(i + c) % TITLES.length],
        Email: `${first}.${last}@example.fi`.toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o')
      });
    }
  });
  const contactIds = await writeSeedRows(conn, 'Contact', contacts);
  const weeks = options.historyWeeks ?? DEMO_HISTORY_WEEKS;
  const signals = signalsFor(
    random,
    asOf,
    accountIds,
    accounts,
    profiles,
    contactIds,
    new SeededRandom((options.seed ?? 1) ^ 0x5eed),
    weeks * 7
  );
  for (const [type, rows] of Object.entries(signals)) await writeSeedRows(conn, type, rows);
  const handovers = handoverRows(random, asOf, accountIds, accounts, contactIds);
  await announceSubmitted(
    conn,
    handovers,
    await writeSeedRows(conn, 'Handover__c', handovers.map(asWritten))
  );
  const history = await backfillHistory(conn, { asOf, weeks });
  // Outcomes only with a history to test the score against (baton health backtest).
  const outcomes =
    weeks > 0 ? await seedOutcomes(conn, random, asOf, accountIds, accounts, profiles) : 0;
  const liveRisk = await seedLiveRisk(
    conn,
    new SeededRandom((options.seed ?? 1) ^ 0x7a11),
    asOf,
    accountIds,
    accounts,
    profiles,
    contactIds
  );
  const written = Object.fromEntries(Object.entries(signals).map(([k, v]) => [k, v.length]));
  for (const [type, n] of Object.entries(liveRisk.counts)) written[type] = (written[type] ?? 0) + n;
  return {
    seeded: true,
    counts: {
      Account: accountIds.length,
      Contact: contactIds.length,
      Handover__c: handovers.length,
      ...written,
      Health_Snapshot__c: history,
      Customer_Outcome__c: outcomes
    }
  };
}

/** A Submitted handover is written as a Draft and then submitted, so it gets its real post. */
const asWritten = (row: Row): Row =>
  row.Status__c === 'Submitted' ? { ...row, Status__c: 'Draft', Submitted_At__c: null } : row;

/**
 * Submits the seeded Submitted handovers through the handover service, on the day each was
 * submitted: each gets the submit post that @mentions its account manager (who is notified),
 * as the panel's submit makes it. A handover submitted and posted before is left as it is.
 */
async function announceSubmitted(conn: Connection, rows: Row[], ids: string[]): Promise<void> {
  const model = await loadModelFromOrg(conn);
  for (const [index, row] of rows.entries()) {
    if (row.Status__c !== 'Submitted') continue;
    const actor = await actorFor(conn, new Date(String(row.Submitted_At__c)));
    await submit({ ...actor, model }, ids[index]);
  }
}

/** Two handovers in each state, on the newest accounts, written as a seller would. */
function handoverRows(
  random: SeededRandom,
  asOf: string,
  accountIds: string[],
  accounts: Row[],
  contactIds: string[]
): Row[] {
  const states = [
    'Draft',
    'Draft',
    'Submitted',
    'Submitted',
    'Accepted',
    'Accepted',
    'Returned',
    'Returned'
  ];
  return states.slice(0, accountIds.length).map((status, i) => {
    const account = accounts[i];
    const submitted =
      status === 'Draft' ? null : `${addDays(asOf, -random.int(1, 6))}T09:30:00.000Z`;
    return {
      Account__c: accountIds[i],
      Status__c: status,
      Seller__c: account.OwnerId,
      Account_Manager__c: account.Account_Manager__c,
      Contract_Start__c: account.Contract_Start__c,
      What_Was_Sold__c: random.pick(PRODUCTS),
      License_Tier__c: account.License_Tier__c,
      ARR__c: Number(account.MRR__c) * 12,
      Primary_Contact__c: contactIds[i * 3],
      Secondary_Contacts__c: 'Talousjohtaja (CFO), budget owner\nIT-päällikkö, integrations',
      Success_Criteria__c:
        'Within 2 months: all project managers log hours weekly in Baton; first monthly report sent from the system.',
      First_Year_Goal__c:
        'Replace the spreadsheet reporting entirely; cut month-end closing from 5 to 2 days.',
      Why_They_Bought__c:
        'Reporting took days of manual work and numbers did not match between teams.',
      Value_Type__c: 'Practical;Technical',
      Promises__c: i % 2 ? 'None' : 'Two extra training sessions for team leads at no cost.',
      Technical_Needs__c:
        'SSO with Entra ID; one-off migration of three years of project data from Excel.',
      Risks__c: 'The sponsor changes jobs in spring; IT resources are tight until March.',
      Decision_Makers__c: 'CEO\nCFO',
      Meeting_Practices__c: 'Quarterly steering meeting; monthly usage report by email.',
      Fit__c: random.pick(['Good', 'Good', 'Stretch']),
      Proposed_Touch_Tier__c: account.Touch_Tier__c,
      Submitted_At__c: submitted,
      Accepted_At__c: status === 'Accepted' ? `${addDays(asOf, -1)}T10:00:00.000Z` : null,
      Returned_At__c: status === 'Returned' ? `${addDays(asOf, -1)}T10:00:00.000Z` : null,
      Return_Reason__c:
        status === 'Returned'
          ? 'Success criteria are not measurable yet: please add the target numbers agreed with the customer.'
          : null
    };
  });
}
