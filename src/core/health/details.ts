import { KIND } from './plan';

/**
 * A measure's facts in plain words, English and Finnish: "3 detractors of 5 responses".
 * The facts are the slot's value and two kind-specific counts:
 * - licence utilisation: a active users, b seats; activity: a logins, b logins before;
 * - time to first value: value days, a 1 when reached; cadence: value days, a interval;
 * - NPS: a detractors, b responses; CSAT: a satisfied, b responses; CES: value mean, b responses;
 * - support, billing: value count; sentiment: text the value given.
 */
const {
  licenseUtilisation: LICENSE,
  activityTrend: ACTIVITY,
  timeToFirstValue: FIRST_VALUE,
  nps: NPS,
  csat: CSAT,
  ces: CES,
  cadence: CADENCE,
  support: SUPPORT,
  billing: BILLING
} = KIND;

/** `1 response`, `2 responses`. */
const n = (count: number, one: string, many: string) => count + (count === 1 ? one : many);
const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);
const pct = (share: number) => Math.round(share * 100) + ' %)';
/** NPS answers of 7–8: responses less promoters (NPS × responses / 100 + detractors) and detractors. */
const passivesOf = (nps: number, detractors: number, responses: number) =>
  Math.max(0, responses - Math.round((nps * responses) / 100 + detractors) - detractors);
const SENTIMENT_FI: Record<string, string> = {
  Positive: 'myönteinen',
  Neutral: 'neutraali',
  Negative: 'kielteinen'
};

export function detailEn(kind: number, value: number, a: number, b: number, text?: string) {
  switch (kind) {
    case LICENSE:
      return a + ' of ' + b + ' seats active (' + pct(value);
    case ACTIVITY:
      return a + ' logins in 30 days vs ' + b + ' before (' + pct(value);
    case FIRST_VALUE:
      return (a ? 'first value after ' : 'no first value yet after ') + n(value, ' day', ' days');
    case NPS: {
      // What lowers NPS: detractors, and passives (no promoters); never "0 detractors" alone.
      const passives = passivesOf(value, a, b);
      const parts = [];
      if (a > 0 || passives === 0) parts.push(n(a, ' detractor', ' detractors'));
      if (passives > 0) parts.push(n(passives, ' passive', ' passives'));
      return parts.join(' and ') + ' of ' + n(b, ' response', ' responses');
    }
    case CSAT:
      return a + ' of ' + n(b, ' response', ' responses') + ' satisfied (4–5)';
    case CES:
      return `mean effort score ${oneDecimal(value)} of 7 (${n(b, ' response', ' responses')})`;
    case CADENCE:
      return n(value, ' day', ' days') + ' since the last meeting (every ' + a + ' days)';
    case SUPPORT:
      return n(
        value,
        ' open high-priority case or escalation',
        ' open high-priority cases or escalations'
      );
    case BILLING:
      return n(value, ' overdue invoice', ' overdue invoices');
    default:
      return 'CSM sentiment ' + text;
  }
}

export function detailFi(kind: number, value: number, a: number, b: number, text?: string) {
  switch (kind) {
    case LICENSE:
      return a + '/' + b + ' lisenssistä käytössä (' + pct(value);
    case ACTIVITY:
      return a + ' kirjautumista 30 päivässä, edellisellä jaksolla ' + b + ' (' + pct(value);
    case FIRST_VALUE:
      return a
        ? 'ensimmäinen hyöty ' + value + ' päivässä'
        : 'ei vielä hyötyä ' + value + ' päivän jälkeen';
    case NPS: {
      const passives = passivesOf(value, a, b);
      const parts = [];
      if (a > 0 || passives === 0) parts.push(a + ' arvostelijaa');
      if (passives > 0) parts.push(passives + (passives === 1 ? ' passiivinen' : ' passiivista'));
      return parts.join(' ja ') + ' ' + b + ' vastaajasta';
    }
    case CSAT:
      return a + '/' + b + ' vastaajasta tyytyväisiä (4–5)';
    case CES:
      return `helppouden keskiarvo ${oneDecimal(value).replace('.', ',')}/7 (${b} vastausta)`;
    case CADENCE:
      return value + ' päivää edellisestä tapaamisesta (' + a + ' päivän välein)';
    case SUPPORT:
      return value + ' avointa kiireellistä tukipyyntöä tai eskalaatiota';
    case BILLING:
      return value + ' erääntynyttä laskua';
    default:
      return 'asiakkuuspäällikön arvio ' + (SENTIMENT_FI[text ?? ''] ?? text);
  }
}
