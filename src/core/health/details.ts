import { DRIVER_TEXTS, type DriverTextName, type DriverTexts } from './driverTexts';
import { KIND } from './plan';

/**
 * A measure's facts in plain words, in the words of a catalogue (driverTexts.ts, from the
 * Custom Labels Baton_Driver_*): "3 detractors of 5 responses".
 * The facts are the slot's value and two kind-specific counts:
 * - licence utilisation: a active users, b seats; activity: a logins, b logins before;
 * - time to first value: value days, a 1 when reached; cadence: value days, a interval;
 * - NPS: a detractors, b responses; CSAT: a satisfied, b responses; CES: value mean, b responses;
 * - support, billing: value count; sentiment: text the value given.
 */

/** A template compiled once into its filler: {0}, {1}, {2} from the arguments. */
type Template = (v0?: unknown, v1?: unknown, v2?: unknown) => string;

/** Each catalogue name's place in a compiled catalogue: scoring reads them by index, not name. */
const NAMES = Object.keys(DRIVER_TEXTS.en) as DriverTextName[];
const AT = Object.fromEntries(NAMES.map((name, i) => [name, i])) as Record<DriverTextName, number>;
const SEATS = AT.Baton_Driver_Seats;
const LOGINS = AT.Baton_Driver_Logins;
const FIRST_VALUE_ONE = AT.Baton_Driver_First_Value_One;
const FIRST_VALUE_MANY = AT.Baton_Driver_First_Value_Many;
const NO_FIRST_VALUE_ONE = AT.Baton_Driver_No_First_Value_One;
const NO_FIRST_VALUE_MANY = AT.Baton_Driver_No_First_Value_Many;
const DETRACTORS_ONE = AT.Baton_Driver_Detractors_One;
const DETRACTORS_MANY = AT.Baton_Driver_Detractors_Many;
const PASSIVES_ONE = AT.Baton_Driver_Passives_One;
const PASSIVES_MANY = AT.Baton_Driver_Passives_Many;
const NPS_BOTH = AT.Baton_Driver_Nps_Both;
const NPS_ONE = AT.Baton_Driver_Nps_One;
const NPS_MANY = AT.Baton_Driver_Nps_Many;
const CSAT_ONE = AT.Baton_Driver_Csat_One;
const CSAT_MANY = AT.Baton_Driver_Csat_Many;
const CES_ONE = AT.Baton_Driver_Ces_One;
const CES_MANY = AT.Baton_Driver_Ces_Many;
const DECIMAL_SEPARATOR = AT.Baton_Driver_Decimal_Separator;
const CADENCE_ONE = AT.Baton_Driver_Cadence_One;
const CADENCE_MANY = AT.Baton_Driver_Cadence_Many;
const SUPPORT_ONE = AT.Baton_Driver_Support_One;
const SUPPORT_MANY = AT.Baton_Driver_Support_Many;
const BILLING_ONE = AT.Baton_Driver_Billing_One;
const BILLING_MANY = AT.Baton_Driver_Billing_Many;
const SENTIMENT = AT.Baton_Driver_Sentiment;
/** The words a catalogue has for the sentiments the shipped model names. */
const SENTIMENTS: Record<string, number> = {
  Positive: AT.Baton_Driver_Sentiment_Positive,
  Neutral: AT.Baton_Driver_Sentiment_Neutral,
  Negative: AT.Baton_Driver_Sentiment_Negative
};

/** One template's filler: literal text around up to three values, no array per call. */
function compileOne(text: string): Template {
  const parts = text.split(/\{(\d)\}/);
  const [s0, , s1 = '', , s2 = '', , s3 = ''] = parts;
  const [i0, i1, i2] = [1, 3, 5].map((at) => Number(parts[at] ?? -1));
  const pick = (at: number, v0: unknown, v1: unknown, v2: unknown) =>
    at === 0 ? v0 : at === 1 ? v1 : v2;
  if (parts.length === 1) return () => s0;
  if (parts.length === 3) return (v0, v1, v2) => s0 + pick(i0, v0, v1, v2) + s1;
  if (parts.length === 5)
    return (v0, v1, v2) => s0 + pick(i0, v0, v1, v2) + s1 + pick(i1, v0, v1, v2) + s2;
  return (v0, v1, v2) =>
    s0 + pick(i0, v0, v1, v2) + s1 + pick(i1, v0, v1, v2) + s2 + pick(i2, v0, v1, v2) + s3;
}

const compile = (texts: DriverTexts): Template[] => NAMES.map((name) => compileOne(texts[name]));

const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);
/** NPS answers of 7–8: responses less promoters (NPS × responses / 100 + detractors) and detractors. */
const passivesOf = (nps: number, detractors: number, responses: number) =>
  Math.max(0, responses - Math.round((nps * responses) / 100 + detractors) - detractors);

function say(t: Template[], kind: number, value: number, a: number, b: number, text?: string) {
  switch (kind) {
    case KIND.licenseUtilisation:
      return t[SEATS](a, b, Math.round(value * 100));
    case KIND.activityTrend:
      return t[LOGINS](a, b, Math.round(value * 100));
    case KIND.timeToFirstValue:
      return a
        ? t[value === 1 ? FIRST_VALUE_ONE : FIRST_VALUE_MANY](value)
        : t[value === 1 ? NO_FIRST_VALUE_ONE : NO_FIRST_VALUE_MANY](value);
    case KIND.nps: {
      // What lowers NPS: detractors, and passives (no promoters); never "0 detractors" alone.
      const passives = passivesOf(value, a, b);
      const detractors = t[a === 1 ? DETRACTORS_ONE : DETRACTORS_MANY](a);
      const parts =
        passives === 0
          ? detractors
          : a > 0
            ? t[NPS_BOTH](detractors, t[passives === 1 ? PASSIVES_ONE : PASSIVES_MANY](passives))
            : t[passives === 1 ? PASSIVES_ONE : PASSIVES_MANY](passives);
      return t[b === 1 ? NPS_ONE : NPS_MANY](parts, b);
    }
    case KIND.csat:
      return t[b === 1 ? CSAT_ONE : CSAT_MANY](a, b);
    case KIND.ces:
      return t[b === 1 ? CES_ONE : CES_MANY](
        oneDecimal(value).replace('.', t[DECIMAL_SEPARATOR]()),
        b
      );
    case KIND.cadence:
      return t[value === 1 ? CADENCE_ONE : CADENCE_MANY](value, a);
    case KIND.support:
      return t[value === 1 ? SUPPORT_ONE : SUPPORT_MANY](value);
    case KIND.billing:
      return t[value === 1 ? BILLING_ONE : BILLING_MANY](value);
    default: {
      const word = SENTIMENTS[text ?? ''];
      return t[SENTIMENT](word === undefined ? text : t[word]());
    }
  }
}

const compiled = new WeakMap<DriverTexts, Template[]>();

/**
 * A measure's facts in the words of `texts`: any language a catalogue is given for.
 * @param kind KIND of the measure; value, a, b its facts (see above); text the sentiment's word
 */
export function detail(
  texts: DriverTexts,
  kind: number,
  value: number,
  a: number,
  b: number,
  text?: string
): string {
  let words = compiled.get(texts);
  if (!words) compiled.set(texts, (words = compile(texts)));
  return say(words, kind, value, a, b, text);
}

const EN = compile(DRIVER_TEXTS.en);
const FI = compile(DRIVER_TEXTS.fi);

export const detailEn = (kind: number, value: number, a: number, b: number, text?: string) =>
  say(EN, kind, value, a, b, text);

export const detailFi = (kind: number, value: number, a: number, b: number, text?: string) =>
  say(FI, kind, value, a, b, text);
