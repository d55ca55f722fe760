import type { MeasureKind } from '../config/records';
import { MEASURE_KINDS } from '../config/records';
import { detailEn as detailEnImport, detailFi as detailFiImport } from './details';

/**
 * Details are pure functions of a few small whole numbers ("1 overdue invoice", "12 of 40
 * seats active"), and most accounts share them, so each language keeps the strings it made:
 * scoring a million accounts then builds a few thousand strings, not ten million.
 */
// tsx compiles imports to getters; the hot path binds them once.
const detailEn = detailEnImport;
const detailFi = detailFiImport;
const LIMIT = 50_000;
const SPAN = 1 << 20;
const SENTIMENTS = ['Positive', 'Neutral', 'Negative'];
const KIND_INDEX = Object.fromEntries(MEASURE_KINDS.map((kind, index) => [kind, index])) as Record<
  MeasureKind,
  number
>;
const caches = [new Map<number, string>(), new Map<number, string>()];

/** The two whole numbers a kind's detail depends on, or NaN when it cannot be cached. */
function keyOf(kind: MeasureKind, value: number, a: number, b: number, text?: string): number {
  let p: number;
  let q: number;
  switch (kind) {
    case 'ces':
      p = Math.round(value * 10);
      q = b;
      break;
    case 'timeToFirstValue':
    case 'cadence':
      p = value;
      q = a;
      break;
    case 'support':
    case 'billing':
      p = value;
      q = 0;
      break;
    case 'sentiment':
      p = SENTIMENTS.indexOf(text ?? '');
      q = 0;
      break;
    default:
      p = a;
      q = b;
  }
  if (!(p >= 0 && p < SPAN && q >= 0 && q < SPAN && p % 1 === 0 && q % 1 === 0)) return NaN;
  return (p * SPAN + q) * 16 + KIND_INDEX[kind];
}

function cached(
  language: 0 | 1,
  kind: MeasureKind,
  value: number,
  a: number,
  b: number,
  text?: string
): string {
  const make = language === 0 ? detailEn : detailFi;
  const key = keyOf(kind, value, a, b, text);
  if (key !== key) return make(kind, value, a, b, text);
  const cache = caches[language];
  let detail = cache.get(key);
  if (detail === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    detail = make(kind, value, a, b, text);
    cache.set(key, detail);
  }
  return detail;
}

export const cachedDetailEn = (
  kind: MeasureKind,
  value: number,
  a: number,
  b: number,
  text?: string
) => cached(0, kind, value, a, b, text);

export const cachedDetailFi = (
  kind: MeasureKind,
  value: number,
  a: number,
  b: number,
  text?: string
) => cached(1, kind, value, a, b, text);
