import type { Measure } from '../config/model';
import { MEASURE_KINDS, type MeasureKind } from '../config/records';
import { driverSentence } from './drivers';
import { KIND } from './plan';
import type { HealthResult, MeasureResult, QuadrantKey } from './score';

/**
 * Health_Snapshot__c.Breakdown__c, version 2: what a million snapshots a day can afford.
 * Only what cannot be derived is stored:
 *
 *   {"version":2,"quadrant":"healthy","trendDirection":"up",
 *    "measures":[[0,20,0.66,72,5.1],[4,10],…],"drivers":[[0,5,33,50],…]}
 *
 * - a measure is [ref, weight] without data, else [ref, weight, value, score, pointsLost]; ref is
 *   the kind's position in MEASURE_KINDS (append-only), or the measure's DeveloperName when two
 *   measures of the model share a kind. Name, labels and group come from the model at read
 *   time; measuresUsed/measuresApplicable are counted. Numbers keep two decimals as version 1
 *   did: the panel shows one (a share as a whole percent), and rounding twice from the same
 *   two decimals shows exactly what version 1 showed. The sentiment's value is the word given
 *   (Positive…), not its score.
 * - a driver is [position in measures, points, a, b] (a, b: the kind's counts, see details.ts;
 *   trailing zeros dropped): the sentence is said again by driverSentence in the reader's
 *   language, so the wording has one source (details.ts) and both languages cost nothing.
 * - score, status, coverage, trend and asOf are the snapshot's own fields; override is written
 *   only when one was shown.
 *
 * Version 1 (every field spelled out, ~2 KB) is still read: readBreakdown gives both versions
 * the same shape, so old snapshots show until the next recompute rewrites them.
 */
export const BREAKDOWN_VERSION = 2;

/** What the readers need of the model's measures: labels, group, sentiment categories. */
export type MeasureLabels = Pick<
  Measure,
  'name' | 'kind' | 'label' | 'labelFi' | 'group' | 'categories'
>;

/** One breakdown row as readers show it, from either version. */
export interface BreakdownRow {
  key: string;
  name: string;
  label: string;
  group: string;
  /** A number, or for the sentiment the word given (Positive, Neutral, Negative). */
  value: number | string | null;
  score: number | null;
  weight: number;
  pointsLost: number | null;
}

export interface BreakdownView {
  version: number;
  /** Version 1 only: the status is Health_Snapshot__c.Status__c (the same row). */
  status?: string;
  override: string | null;
  quadrant: QuadrantKey | null;
  trendDirection: 'up' | 'down' | 'flat' | null;
  measuresUsed: number;
  measuresApplicable: number;
  measures: BreakdownRow[];
  drivers: string[];
  driversFi: string[];
}

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

type Ref = number | string;

const sharedKinds = new WeakMap<readonly Pick<Measure, 'kind'>[], Set<string>>();

/** Kinds two or more of the model's measures have (computed once per model). */
function sharedKindsOf(measures: readonly Pick<Measure, 'kind'>[]): Set<string> {
  let shared = sharedKinds.get(measures);
  if (!shared) {
    const kinds = measures.map((measure) => measure.kind as string);
    shared = new Set(kinds.filter((kind, k) => kinds.indexOf(kind) !== k));
    sharedKinds.set(measures, shared);
  }
  return shared;
}
type StoredMeasure = [Ref, number] | [Ref, number, number | string, number, number];

/**
 * The v2 breakdown JSON of one scored account.
 * @param result scored with the `facts` option (without, no drivers and no sentiment word)
 * @param measures the model's measures: a kind used twice is stored by measure name
 */
export function encodeBreakdown(
  result: Pick<HealthResult, 'quadrant' | 'trendDirection' | 'facts'> & {
    measures: readonly Omit<MeasureResult, 'detail'>[];
  },
  measures: readonly Pick<Measure, 'kind'>[],
  override: string | null
): string {
  const shared = sharedKindsOf(measures);
  const stored = {
    version: BREAKDOWN_VERSION,
    quadrant: result.quadrant ?? undefined,
    trendDirection: result.trendDirection ?? undefined,
    override: override ?? undefined,
    measures: result.measures.map((measure, k): StoredMeasure => {
      const ref = shared.has(measure.key) ? measure.name : KIND[measure.key as MeasureKind];
      if (measure.score === null || measure.pointsLost === null) return [ref, measure.weight];
      const value = result.facts?.texts[k] ?? round(measure.value ?? 0, 2);
      return [ref, measure.weight, value, round(measure.score, 2), round(measure.pointsLost, 2)];
    }),
    drivers: result.facts?.drivers ?? []
  };
  return JSON.stringify(stored);
}

type V1 = Omit<BreakdownView, 'measures' | 'override'> & {
  override?: string | null;
  measures?: (Omit<BreakdownRow, 'group'> & { group?: string })[];
};

function modelMeasureOf(ref: Ref, model: readonly MeasureLabels[]) {
  return typeof ref === 'number'
    ? model.find((measure) => measure.kind === MEASURE_KINDS[ref])
    : model.find((measure) => measure.name === ref);
}

/** A v1 sentiment value is its score: the model's word for it, when only one word has it. */
function sentimentWord(value: number | string | null, measure: MeasureLabels | undefined) {
  if (typeof value !== 'number' || !measure) return value;
  const words = Object.keys(measure.categories).filter((w) => measure.categories[w] === value);
  return words.length === 1 ? words[0] : value;
}

function fromV1(stored: V1, model: readonly MeasureLabels[]): BreakdownView {
  return {
    ...stored,
    override: stored.override ?? null,
    quadrant: stored.quadrant ?? null,
    trendDirection: stored.trendDirection ?? null,
    measures: (stored.measures ?? []).map((row) => {
      const measure = model.find((m) => m.name === row.name);
      const value = row.key === 'sentiment' ? sentimentWord(row.value, measure) : row.value;
      return { ...row, group: row.group ?? measure?.group ?? '', value };
    }),
    drivers: stored.drivers ?? [],
    driversFi: stored.driversFi ?? stored.drivers ?? []
  };
}

function fromV2(stored: Record<string, unknown>, model: readonly MeasureLabels[]): BreakdownView {
  const measures = (stored.measures as StoredMeasure[]) ?? [];
  const known = measures.map(([ref]) => modelMeasureOf(ref, model));
  const rows = measures.map(([ref, weight, value, score, pointsLost], k): BreakdownRow => {
    const measure = known[k];
    const key = typeof ref === 'number' ? MEASURE_KINDS[ref] : (measure?.kind ?? ref);
    return {
      key,
      name: measure?.name ?? key,
      label: measure?.label ?? key,
      group: measure?.group ?? '',
      value: value ?? null,
      score: score ?? null,
      weight,
      pointsLost: pointsLost ?? null
    };
  });
  // A measure the model no longer has keeps its kind's key as its label.
  const say = (language: 0 | 1) =>
    ((stored.drivers as number[][]) ?? []).map(([at, points, a = 0, b = 0]) => {
      const row = rows[at];
      const label = language === 0 ? row.label : (known[at]?.labelFi ?? row.label);
      const value = row.value;
      return typeof value === 'string'
        ? driverSentence(language, label, points, KIND[row.key as MeasureKind], 0, a, b, value)
        : driverSentence(language, label, points, KIND[row.key as MeasureKind], value ?? 0, a, b);
    });
  return {
    version: BREAKDOWN_VERSION,
    override: (stored.override as string | undefined) ?? null,
    quadrant: (stored.quadrant as QuadrantKey | undefined) ?? null,
    trendDirection: (stored.trendDirection as BreakdownView['trendDirection']) ?? null,
    measuresUsed: rows.filter((row) => row.score !== null).length,
    measuresApplicable: rows.length,
    measures: rows,
    drivers: say(0),
    driversFi: say(1)
  };
}

/**
 * Any stored breakdown (version 1 or 2) in one shape, drivers in English and Finnish.
 * @param model the model's measures (labels, groups, sentiment words); a measure it no longer
 *   has shows its kind's key
 * @returns null for no or damaged JSON: a damaged breakdown must not hide the score
 */
export function readBreakdown(
  json: string | null | undefined,
  model: readonly MeasureLabels[]
): BreakdownView | null {
  if (!json) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return null;
  }
  if (!stored || typeof stored !== 'object') return null;
  const version = (stored as { version?: unknown }).version;
  return version === BREAKDOWN_VERSION
    ? fromV2(stored as Record<string, unknown>, model)
    : fromV1(stored as V1, model);
}
