import type { MeasureKind } from '../config/records';

/** The facts behind one measure's value, for its plain-language detail. */
export interface MeasureFacts {
  value: number;
  /** Kind-specific counts: e.g. NPS detractors and responses, seats, the interval. */
  a: number;
  b: number;
  text?: string;
}

/** `1 response`, `2 responses`. */
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const one = (value: number) => (Math.round(value * 10) / 10).toString();
const fi = (text: string) => text.replace('.', ',');
const pct = (share: number) => `${Math.round(share * 100)} %`;
const SENTIMENT_FI: Record<string, string> = {
  Positive: 'myönteinen',
  Neutral: 'neutraali',
  Negative: 'kielteinen'
};

/** English detail of a measure with data (positional facts: no object per call), e.g. "3 detractors of 5 responses". */
export function detailEn(
  kind: MeasureKind,
  value: number,
  a: number,
  b: number,
  text?: string
): string {
  switch (kind) {
    case 'licenseUtilisation':
      return `${a} of ${b} seats active (${pct(value)})`;
    case 'activityTrend':
      return `${a} logins in 30 days vs ${b} before (${pct(value)})`;
    case 'timeToFirstValue':
      return a
        ? `first value after ${n(value, 'day', 'days')}`
        : `no first value yet after ${n(value, 'day', 'days')}`;
    case 'nps':
      return `${n(a, 'detractor', 'detractors')} of ${n(b, 'response', 'responses')}`;
    case 'csat':
      return `${a} of ${n(b, 'response', 'responses')} satisfied (4–5)`;
    case 'ces':
      return `mean effort score ${one(value)} of 7 (${n(b, 'response', 'responses')})`;
    case 'cadence':
      return `${n(value, 'day', 'days')} since the last meeting (every ${a} days)`;
    case 'support':
      return `${n(value, 'open high-priority case or escalation', 'open high-priority cases or escalations')}`;
    case 'billing':
      return n(value, 'overdue invoice', 'overdue invoices');
    case 'sentiment':
      return `CSM sentiment ${text}`;
  }
}

/** Finnish detail, the same facts. */
export function detailFi(
  kind: MeasureKind,
  value: number,
  a: number,
  b: number,
  text?: string
): string {
  switch (kind) {
    case 'licenseUtilisation':
      return `${a}/${b} lisenssistä käytössä (${pct(value)})`;
    case 'activityTrend':
      return `${a} kirjautumista 30 päivässä, edellisellä jaksolla ${b} (${pct(value)})`;
    case 'timeToFirstValue':
      return a ? `ensimmäinen hyöty ${value} päivässä` : `ei vielä hyötyä ${value} päivän jälkeen`;
    case 'nps':
      return `${a} arvostelijaa ${b} vastaajasta`;
    case 'csat':
      return `${a}/${b} vastaajasta tyytyväisiä (4–5)`;
    case 'ces':
      return `helppouden keskiarvo ${fi(one(value))}/7 (${b} vastausta)`;
    case 'cadence':
      return `${value} päivää edellisestä tapaamisesta (${a} päivän välein)`;
    case 'support':
      return `${value} avointa kiireellistä tukipyyntöä tai eskalaatiota`;
    case 'billing':
      return `${value} erääntynyttä laskua`;
    case 'sentiment':
      return `asiakkuuspäällikön arvio ${SENTIMENT_FI[text ?? ''] ?? text}`;
  }
}
