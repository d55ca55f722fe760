import { addDays } from '../../core/dates';
import type { SeededRandom } from './random';

/** What kind of customer an account is in the demo book; shapes its signals. */
export type Profile = 'thriving' | 'steady' | 'silentRisk' | 'unhappy' | 'atRisk' | 'new';

type Row = Record<string, unknown>;

const NPS: Record<Profile, [number, number]> = {
  thriving: [9, 10],
  steady: [7, 9],
  silentRisk: [9, 10],
  unhappy: [2, 6],
  atRisk: [0, 6],
  new: [7, 10]
};
const CSAT: Record<Profile, [number, number]> = {
  thriving: [4, 5],
  steady: [3, 5],
  silentRisk: [4, 5],
  unhappy: [1, 3],
  atRisk: [1, 3],
  new: [3, 5]
};
const CES: Record<Profile, [number, number]> = {
  thriving: [6, 7],
  steady: [4, 6],
  silentRisk: [6, 7],
  unhappy: [2, 4],
  atRisk: [1, 3],
  new: [4, 6]
};
const UTILISATION: Record<Profile, [number, number]> = {
  thriving: [80, 100],
  steady: [55, 80],
  silentRisk: [15, 35],
  unhappy: [70, 95],
  atRisk: [10, 35],
  new: [20, 60]
};
const LOGIN_TREND: Record<Profile, [number, number]> = {
  thriving: [100, 130],
  steady: [85, 110],
  silentRisk: [35, 60],
  unhappy: [90, 120],
  atRisk: [30, 60],
  new: [110, 160]
};
const COMMENTS = [
  'Selkeä ja nopea käyttää.',
  'Raportointi säästää aikaa joka kuukausi.',
  'Tuki vastasi nopeasti.',
  'Integraatio oli hankala.',
  'Liian monta klikkausta.',
  'Hyvä palvelu, kiitos!'
];

/**
 * How much an older month's logins and active users are of the next month's, by profile:
 * the at-risk kinds have been sliding, the others hold steady.
 */
const MONTHLY_CHANGE: Record<Profile, [number, number]> = {
  thriving: [95, 112],
  steady: [90, 110],
  silentRisk: [75, 95],
  unhappy: [90, 110],
  atRisk: [70, 92],
  new: [100, 130]
};
/** Days between an account manager's meetings before the latest one, by profile. */
const MEETING_GAP: Record<Profile, [number, number]> = {
  thriving: [45, 90],
  steady: [60, 150],
  silentRisk: [90, 180],
  unhappy: [60, 150],
  atRisk: [150, 300],
  new: [30, 60]
};

/**
 * Surveys, usage snapshots, support cases and completed meetings for each account. `past`
 * draws what lies before the last quarter, back over `historyDays` of backfilled history
 * and the windows its oldest day reads (older usage, surveys and meetings), so each backfilled
 * snapshot rests on data as a real book's would; a generator of its own leaves every value
 * `random` draws, and so the book as it stands today, as earlier seeds wrote it.
 */
export function signalsFor(
  random: SeededRandom,
  asOf: string,
  accountIds: string[],
  accounts: Row[],
  profiles: Profile[],
  contactIds: string[],
  past: SeededRandom,
  historyDays: number
): Record<string, Row[]> {
  const surveys: Row[] = [];
  const usage: Row[] = [];
  const cases: Row[] = [];
  const tasks: Row[] = [];
  accountIds.forEach((accountId, i) => {
    const profile = profiles[i];
    const account = accounts[i];
    const survey = (type: string, range: [number, number], count: number, maxDaysAgo: number) => {
      for (let n = 0; n < count; n++) {
        const day = addDays(asOf, -random.int(1, maxDaysAgo));
        surveys.push({
          Account__c: accountId,
          Contact__c: contactIds[i * 3 + (n % 3)],
          Type__c: type,
          Score__c: random.int(range[0], range[1]),
          Channel__c: random.pick(['Email', 'In-app', 'Phone']),
          Responded_On__c: day,
          Comment__c: random.chance(0.4) ? random.pick(COMMENTS) : null,
          External_Key__c: `seed-${accountId}-${type}-${n}`
        });
      }
    };
    const young = profile === 'new';
    survey('NPS', NPS[profile], young ? random.int(0, 1) : random.int(2, 6), 330);
    survey('CSAT', CSAT[profile], random.int(0, 3), 170);
    survey('CES', CES[profile], random.int(0, 2), 170);
    const seats = Number(account.Licensed_Seats__c);
    const active = Math.round((seats * random.int(...UTILISATION[profile])) / 100);
    const previousLogins = active * random.int(8, 20);
    const logins = Math.round((previousLogins * random.int(...LOGIN_TREND[profile])) / 100);
    [1, 31, 61].forEach((daysAgo, n) => {
      const periodEnd = addDays(asOf, -daysAgo);
      usage.push({
        Account__c: accountId,
        Period_End__c: periodEnd,
        Active_Users__c: active,
        Logins__c: n === 0 ? logins : previousLogins,
        Cancel_Page_Visits__c:
          profile === 'atRisk' || profile === 'silentRisk' ? random.int(1, 4) : 0,
        External_Key__c: `${accountId}-${periodEnd}`
      });
    });
    const openHigh = profile === 'atRisk' ? random.int(1, 3) : random.chance(0.1) ? 1 : 0;
    for (let c = 0; c < openHigh; c++) {
      cases.push({
        AccountId: accountId,
        Subject: random.pick([
          'Raportit eivät päivity',
          'Kirjautuminen epäonnistuu SSO:lla',
          'Laskun summa väärin'
        ]),
        Priority: 'High',
        Status: 'Working',
        IsEscalated: profile === 'atRisk' && c === 0,
        Origin: 'Email'
      });
    }
    if (random.chance(0.5))
      cases.push({
        AccountId: accountId,
        Subject: 'Käyttäjän lisääminen',
        Priority: 'Low',
        Status: 'Closed',
        Origin: 'Web'
      });
    const lastMeetingDaysAgo =
      profile === 'thriving'
        ? random.int(5, 60)
        : profile === 'atRisk'
          ? random.int(200, 500)
          : random.int(30, 300);
    tasks.push({
      WhatId: accountId,
      OwnerId: account.Account_Manager__c,
      Subject: random.pick(['Quarterly review', 'Check-in call', 'Annual meeting']),
      Type: random.pick(['Meeting', 'Call']),
      Status: 'Completed',
      ActivityDate: addDays(asOf, -lastMeetingDaysAgo)
    });
    if (historyDays <= 0) return;
    const contractStart = String(account.Contract_Start__c);
    const since = (daysAgo: number) => addDays(asOf, -daysAgo) > contractStart;
    // Monthly usage back to the oldest backfilled day's 90-day window, before the last three.
    let olderActive = active;
    let olderLogins = previousLogins;
    for (let daysAgo = 91; daysAgo <= historyDays + 90 && since(daysAgo); daysAgo += 30) {
      olderActive = Math.min(
        seats,
        Math.round((olderActive * 100) / past.int(...MONTHLY_CHANGE[profile]))
      );
      olderLogins = Math.round((olderLogins * 100) / past.int(...MONTHLY_CHANGE[profile]));
      const periodEnd = addDays(asOf, -daysAgo);
      usage.push({
        Account__c: accountId,
        Period_End__c: periodEnd,
        Active_Users__c: olderActive,
        Logins__c: olderLogins,
        Cancel_Page_Visits__c: 0,
        External_Key__c: `${accountId}-${periodEnd}`
      });
    }
    // Older answers, so the oldest backfilled day has some inside each survey's window; each
    // falls outside the shipped window (Health_Measure__mdt: NPS 365, CSAT and CES 180 days)
    // today, so today's scores stay as the book's own answers make them.
    const olderSurvey = (type: string, range: [number, number], n: number, window: number) => {
      const daysAgo = past.int(window + 1, window + historyDays);
      if (!since(daysAgo)) return;
      surveys.push({
        Account__c: accountId,
        Contact__c: contactIds[i * 3 + (n % 3)],
        Type__c: type,
        Score__c: past.int(range[0], range[1]),
        Channel__c: past.pick(['Email', 'In-app', 'Phone']),
        Responded_On__c: addDays(asOf, -daysAgo),
        Comment__c: null,
        External_Key__c: `seed-${accountId}-${type}-history-${n}`
      });
    };
    olderSurvey('NPS', NPS[profile], 0, 365);
    for (let n = 0; n < 2; n++) olderSurvey('CSAT', CSAT[profile], n, 180);
    olderSurvey('CES', CES[profile], 0, 180);
    // Meetings before the latest, so an older day's cadence counts from one before it.
    for (
      let daysAgo = lastMeetingDaysAgo + past.int(...MEETING_GAP[profile]);
      daysAgo <= historyDays + 365 && since(daysAgo);
      daysAgo += past.int(...MEETING_GAP[profile])
    )
      tasks.push({
        WhatId: accountId,
        OwnerId: account.Account_Manager__c,
        Subject: past.pick(['Quarterly review', 'Check-in call']),
        Type: past.pick(['Meeting', 'Call']),
        Status: 'Completed',
        ActivityDate: addDays(asOf, -daysAgo)
      });
  });
  return { Survey_Response__c: surveys, Usage_Snapshot__c: usage, Case: cases, Task: tasks };
}
