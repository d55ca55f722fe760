/**
 * Whether the health score predicted what became of customers, from history only. Decision:
 * each churn, contraction or renewal is paired with the account's score as it stood a horizon
 * before (its newest snapshot on or before that day), so nothing written later can leak in;
 * churn and contraction count as the bad outcome, renewal as the good one.
 */

export interface BacktestOutcome {
  accountId: string;
  type: 'Churn' | 'Contraction' | 'Renewal';
  /** YYYY-MM-DD */
  date: string;
  arr: number | null;
}

export interface BacktestSnapshot {
  /** YYYY-MM-DD (or date-time) of Computed_At__c. */
  date: string;
  score: number | null;
  status: string;
  /** The status an active override showed then, else null. */
  override?: string | null;
  /** Each measure's 0–100 score then, by measure name (null: no data). */
  measures?: Record<string, number | null>;
}

/** One outcome with the score as it stood `horizon` days before it. */
export interface ScoredOutcome {
  accountId: string;
  type: BacktestOutcome['type'];
  bad: boolean;
  score: number;
  status: string;
  arr: number;
  override: string | null;
  measures: Record<string, number | null>;
}

const dayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/**
 * The outcomes paired with the score of the account's newest snapshot at least `horizonDays`
 * before the outcome; outcomes without such a snapshot are left out.
 */
export function scoresAtHorizon(
  outcomes: readonly BacktestOutcome[],
  snapshotsByAccount: ReadonlyMap<string, readonly BacktestSnapshot[]>,
  horizonDays: number
): ScoredOutcome[] {
  const scored: ScoredOutcome[] = [];
  for (const outcome of outcomes) {
    const cutoff = dayNumber(outcome.date) - horizonDays;
    let best: BacktestSnapshot | undefined;
    let bestDay = -Infinity;
    for (const snapshot of snapshotsByAccount.get(outcome.accountId) ?? []) {
      const day = dayNumber(snapshot.date.slice(0, 10));
      if (day <= cutoff && day > bestDay && snapshot.score !== null) {
        best = snapshot;
        bestDay = day;
      }
    }
    if (!best) continue;
    scored.push({
      accountId: outcome.accountId,
      type: outcome.type,
      bad: outcome.type !== 'Renewal',
      score: best.score as number,
      status: best.status,
      arr: outcome.arr ?? 0,
      override: best.override ?? null,
      measures: best.measures ?? {}
    });
  }
  return scored;
}

/**
 * The probability that a bad outcome had a lower score than a good one (ties count half):
 * 1 separates perfectly, 0.5 is chance. Null without both kinds.
 */
export function auc(points: readonly { bad: boolean; score: number }[]): number | null {
  const bad = points.filter((p) => p.bad).map((p) => p.score);
  const good = points.filter((p) => !p.bad).map((p) => p.score);
  if (bad.length === 0 || good.length === 0) return null;
  let wins = 0;
  for (const b of bad) for (const g of good) wins += b < g ? 1 : b === g ? 0.5 : 0;
  return wins / (bad.length * good.length);
}

/** A small seeded generator (mulberry32), so the same history gives the same interval. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 95 % percentile bootstrap interval of the AUC (resamples lacking either kind skipped). */
export function aucInterval(
  points: readonly { bad: boolean; score: number }[],
  resamples = 1000,
  random: () => number = seededRandom(1)
): [number, number] | null {
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from(
      { length: points.length },
      () => points[Math.floor(random() * points.length)]
    );
    const value = auc(sample);
    if (value !== null) values.push(value);
  }
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  return [at(0.025), at(0.975)];
}

/** Wilson 95 % interval of k bad outcomes in n. */
export function wilson(k: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The lowest-scored tenth (at least one), riskiest first: its bad rate beside the base rate. */
export function topDecileLift(points: readonly { bad: boolean; score: number }[]) {
  const sorted = [...points].sort((a, b) => a.score - b.score);
  const top = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 10)));
  const rate = (list: readonly { bad: boolean }[]) =>
    list.length ? list.filter((p) => p.bad).length / list.length : 0;
  const base = rate(sorted);
  return { topRate: rate(top), baseRate: base, lift: base > 0 ? rate(top) / base : null };
}

/** Score deciles (by rank, lowest first): mean score and bad-outcome rate in each. */
export function calibration(points: readonly { bad: boolean; score: number }[]) {
  const sorted = [...points].sort((a, b) => a.score - b.score);
  const deciles = [];
  for (let d = 0; d < 10; d++) {
    const slice = sorted.slice(
      Math.floor((d * sorted.length) / 10),
      Math.floor(((d + 1) * sorted.length) / 10)
    );
    if (slice.length === 0) continue;
    deciles.push({
      decile: d + 1,
      count: slice.length,
      meanScore: slice.reduce((sum, p) => sum + p.score, 0) / slice.length,
      badRate: slice.filter((p) => p.bad).length / slice.length
    });
  }
  return deciles;
}

/** Per band (best first, as the model orders them): outcomes, bad rate with interval, ARR lost. */
export function byBand(points: readonly ScoredOutcome[], bandOrder: readonly string[]) {
  return bandOrder
    .map((status) => {
      const inBand = points.filter((p) => p.status === status);
      const bad = inBand.filter((p) => p.bad);
      return {
        status,
        count: inBand.length,
        badRate: inBand.length ? bad.length / inBand.length : null,
        interval: wilson(bad.length, inBand.length),
        arrLost: bad.reduce((sum, p) => sum + p.arr, 0)
      };
    })
    .filter((band) => band.count > 0);
}

/**
 * Each measure's own AUC (on the outcomes where it had data) and a suggested weight: the
 * measured ones' current total weight shared in proportion to how far above chance each
 * separates; a measure with no data keeps its weight.
 * Only a suggestion: nothing here changes Health_Measure__mdt.
 */
export function measureDiscrimination(
  points: readonly ScoredOutcome[],
  weights: Readonly<Record<string, number>>
) {
  const names = Object.keys(weights);
  const rows = names.map((name) => {
    const withData = points
      .filter((p) => typeof p.measures[name] === 'number')
      .map((p) => ({ bad: p.bad, score: p.measures[name] as number }));
    return { measure: name, outcomes: withData.length, auc: auc(withData), weight: weights[name] };
  });
  // Measures without evidence keep their weight; the others share theirs by their edge.
  const measured = rows.filter((row) => row.auc !== null);
  const total = measured.reduce((sum, row) => sum + row.weight, 0);
  const edge = (row: (typeof rows)[number]) => Math.max(0, (row.auc ?? 0.5) - 0.5);
  const edgeSum = measured.reduce((sum, row) => sum + edge(row), 0);
  return rows.map((row) => ({
    ...row,
    suggestedWeight:
      row.auc === null || edgeSum === 0
        ? row.weight
        : Math.round(((total * edge(row)) / edgeSum) * 10) / 10
  }));
}

/**
 * How often an account's band changed from one snapshot to its next: flips over pairs of
 * consecutive snapshots (by date), across every account given.
 */
export function bandFlips(snapshotsByAccount: ReadonlyMap<string, readonly BacktestSnapshot[]>) {
  let pairs = 0;
  let flips = 0;
  for (const snapshots of snapshotsByAccount.values()) {
    const sorted = [...snapshots].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let k = 1; k < sorted.length; k++) {
      pairs++;
      if (sorted[k].status !== sorted[k - 1].status) flips++;
    }
  }
  return { pairs, flips, rate: pairs ? flips / pairs : null };
}

/**
 * Whether overridden accounts fared as the override said: an override of the best band
 * (`best`) was right when the customer renewed, one of the worst band (`worst`) when it
 * churned or contracted; an override in between says neither and is not counted.
 */
export function overridesFared(points: readonly ScoredOutcome[], best: string, worst: string) {
  const judged = points.filter((p) => p.override === best || p.override === worst);
  const right = judged.filter((p) => (p.override === worst) === p.bad).length;
  return { overridden: judged.length, right, rate: judged.length ? right / judged.length : null };
}

/**
 * Whether a tier's cadence lets an account manager reach the customer within `horizonDays`:
 * its recurring meetings come at least that often. A tier without meetings (automated) or
 * with rarer ones leaves a warning that early without a conversation to act on it.
 */
export function reachableWithin(
  cadence: { meetingIntervalDays: number | null } | undefined,
  horizonDays: number
): boolean {
  return (
    cadence !== undefined &&
    cadence.meetingIntervalDays !== null &&
    cadence.meetingIntervalDays > 0 &&
    cadence.meetingIntervalDays <= horizonDays
  );
}

/**
 * Churn caught among the accounts the team can reach: of the churns whose account the tier
 * cadence meets within the horizon (`reachable`) and that had a score then, how many the
 * score had in a risk band (`riskBands`: every scored band below the best), with a Wilson
 * interval. A churn resting on too little data then (`insufficientStatus`) showed no number
 * to act on and is counted apart, as are the churns out of reach.
 */
export function churnCaughtReachable(
  points: readonly ScoredOutcome[],
  reachable: (accountId: string) => boolean,
  riskBands: readonly string[],
  insufficientStatus: string
) {
  const churns = points.filter((p) => p.type === 'Churn');
  const inReach = churns.filter((p) => reachable(p.accountId));
  const scored = inReach.filter((p) => p.status !== insufficientStatus);
  const caught = scored.filter((p) => riskBands.includes(p.status)).length;
  return {
    churns: churns.length,
    reachable: inReach.length,
    tooLittleData: inReach.length - scored.length,
    caught,
    rate: scored.length ? caught / scored.length : null,
    interval: wilson(caught, scored.length)
  };
}

/** Fewer bad or good outcomes than this say nothing an admin should act on. */
export const MIN_OUTCOMES_EACH = 10;

/** What the report of one horizon needs beyond the outcomes and the history. */
export interface HorizonInputs {
  /** Band statuses, best first (Health_Band__mdt order). */
  bands: readonly string[];
  /** The status of a score resting on too little data (below the model's coverage). */
  insufficientStatus: string;
  /** Each measure's current weight, by name. */
  weights: Readonly<Record<string, number>>;
  /** Whether the tier cadence meets the account within the horizon. */
  reachable: (accountId: string) => boolean;
  minEach?: number;
}

export interface HorizonReport {
  horizonDays: number;
  /** Outcomes whose score then rested on enough data: the ones every statistic is drawn from. */
  outcomes: number;
  bad: number;
  good: number;
  /**
   * Outcomes whose score then rested on too little data (the insufficient status), left out
   * of every statistic: the panel showed no number for them, so no one could have acted on it.
   */
  tooLittleData: { outcomes: number; bad: number; good: number };
  /** Why nothing is reported, when too few outcomes have a score that old on enough data. */
  refused: string | null;
  auc: number | null;
  aucInterval: [number, number] | null;
  lift: ReturnType<typeof topDecileLift> | null;
  bands: ReturnType<typeof byBand>;
  calibration: ReturnType<typeof calibration>;
  measures: ReturnType<typeof measureDiscrimination>;
  overrides: ReturnType<typeof overridesFared> | null;
  /**
   * Churn caught among the accounts the team can reach: those whose tier (Touch_Tier__c, as
   * it is now) meets the customer at least every `horizonDays` (Tier_Cadence__mdt); churns
   * resting on too little data are counted apart there.
   */
  reachable: ReturnType<typeof churnCaughtReachable> | null;
}

/**
 * One horizon's report: every statistic from the outcomes whose score a horizon before rested
 * on enough data, since a score the model itself called insufficient predicts nothing a team
 * saw; those outcomes are counted apart, and the report refuses when fewer than `minEach` of
 * either kind remain.
 */
export function horizonReport(
  outcomes: readonly BacktestOutcome[],
  snapshotsByAccount: ReadonlyMap<string, readonly BacktestSnapshot[]>,
  horizonDays: number,
  inputs: HorizonInputs
): HorizonReport {
  const minEach = inputs.minEach ?? MIN_OUTCOMES_EACH;
  const all = scoresAtHorizon(outcomes, snapshotsByAccount, horizonDays);
  const points = all.filter((p) => p.status !== inputs.insufficientStatus);
  const thin = all.filter((p) => p.status === inputs.insufficientStatus);
  const bad = points.filter((p) => p.bad).length;
  const good = points.length - bad;
  const thinBad = thin.filter((p) => p.bad).length;
  const tooLittleData = { outcomes: thin.length, bad: thinBad, good: thin.length - thinBad };
  const leftOut = thin.length
    ? ` ${thin.length} more had a score resting on too little data then and are left out.`
    : '';
  const refused =
    bad < minEach || good < minEach
      ? `Too few outcomes with a score ${horizonDays} days before them (${bad} churn or contraction, ${good} renewal with enough data for a score; at least ${minEach} of each are needed): no statistic would be worth acting on.${leftOut}`
      : null;
  const best = inputs.bands[0] ?? '';
  const worst = inputs.bands[inputs.bands.length - 1] ?? '';
  return {
    horizonDays,
    outcomes: points.length,
    bad,
    good,
    tooLittleData,
    refused,
    auc: refused ? null : auc(points),
    aucInterval: refused ? null : aucInterval(points),
    lift: refused ? null : topDecileLift(points),
    bands: refused ? [] : byBand(points, inputs.bands),
    calibration: refused ? [] : calibration(points),
    measures: refused ? [] : measureDiscrimination(points, inputs.weights),
    overrides: refused ? null : overridesFared(points, best, worst),
    // Every scored band below the best is a warning an account manager could act on; the
    // churns resting on too little data stay in, to be counted apart there.
    reachable: refused
      ? null
      : churnCaughtReachable(
          all,
          inputs.reachable,
          inputs.bands.slice(1),
          inputs.insufficientStatus
        )
  };
}
