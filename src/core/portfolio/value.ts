import type { PortfolioSettings } from './settings';

/**
 * Source 002's value × potential portfolio. Current value = the weighted volume,
 * profitability and reference value scores (1–5); "high value" are the accounts that together
 * bring the configured share of the book's value, taken from the most valuable down; potential
 * at or above the threshold is high.
 */
export const SEGMENTS = ['A', 'B', 'C', 'D'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Each segment's strategy, as 002 names them and Account.Strategy__c stores them. */
export const STRATEGY_OF: Record<Segment, string> = {
  A: 'Protect + Grow',
  B: 'Protect',
  C: 'Grow',
  D: 'Streamline'
};

export interface ValueInput {
  id: string;
  /** Yearly revenue (ARR). */
  revenue: number | null;
  profitability: number | null;
  referenceValue: number | null;
  potential: number | null;
}

export interface ValuedAccount {
  id: string;
  volume: number;
  value: number;
  highValue: boolean;
  highPotential: boolean;
  segment: Segment;
  strategy: string;
}

export interface Unscored {
  id: string;
  /** The inputs an account manager still has to set. */
  missing: ('revenue' | 'profitability' | 'referenceValue' | 'potential')[];
}

const isScore = (value: number | null): value is number =>
  value !== null && Number.isInteger(value) && value >= 1 && value <= 5;

/** The volume score of a revenue: the highest band whose minimum it reaches. */
export function volumeScore(revenue: number, settings: PortfolioSettings): number {
  const band = settings.volumeBands.find((candidate) => revenue >= candidate.minRevenue);
  return band?.score ?? 1;
}

/** Current value, rounded to two decimals so equal inputs tie exactly. */
export function currentValue(
  scores: { volume: number; profitability: number; referenceValue: number },
  settings: PortfolioSettings
): number {
  const { volume, profitability, reference } = settings.weights;
  const raw =
    volume * scores.volume +
    profitability * scores.profitability +
    reference * scores.referenceValue;
  return Math.round(raw * 100) / 100;
}

export function segmentOf(highValue: boolean, highPotential: boolean): Segment {
  if (highValue) return highPotential ? 'A' : 'B';
  return highPotential ? 'C' : 'D';
}

function missingOf(account: ValueInput): Unscored['missing'] {
  const missing: Unscored['missing'] = [];
  if (account.revenue === null || !(account.revenue >= 0)) missing.push('revenue');
  if (!isScore(account.profitability)) missing.push('profitability');
  if (!isScore(account.referenceValue)) missing.push('referenceValue');
  if (!isScore(account.potential)) missing.push('potential');
  return missing;
}

/**
 * Segments a book. Accounts are taken by value, highest first; they are high value until
 * their running total reaches the share of the total, and the account that reaches it is high
 * value too, as is every account of the same value (a tie never splits on Id order).
 */
export function segmentBook(
  accounts: readonly ValueInput[],
  settings: PortfolioSettings
): { valued: ValuedAccount[]; unscored: Unscored[] } {
  const unscored: Unscored[] = [];
  const scored: { account: ValueInput; volume: number; value: number }[] = [];
  for (const account of accounts) {
    const missing = missingOf(account);
    if (missing.length) {
      unscored.push({ id: account.id, missing });
      continue;
    }
    const volume = volumeScore(account.revenue!, settings);
    const value = currentValue(
      { volume, profitability: account.profitability!, referenceValue: account.referenceValue! },
      settings
    );
    scored.push({ account, volume, value });
  }
  const total = scored.reduce((sum, entry) => sum + entry.value, 0);
  const target = (total * settings.highValueShare) / 100;
  const byValue = [...scored].sort((a, b) => b.value - a.value);
  let running = 0;
  let cutValue = Infinity;
  for (const entry of byValue) {
    running += entry.value;
    if (running >= target - 1e-9) {
      cutValue = entry.value;
      break;
    }
  }
  const valued = scored.map(({ account, volume, value }) => {
    const highValue = value >= cutValue;
    const highPotential = account.potential! >= settings.highPotentialFrom;
    const segment = segmentOf(highValue, highPotential);
    return {
      id: account.id,
      volume,
      value,
      highValue,
      highPotential,
      segment,
      strategy: STRATEGY_OF[segment]
    };
  });
  return { valued, unscored };
}
