import { UserInputError } from './errors';

/** The survey types and the score range each accepts. */
export const SURVEY_RANGES = { NPS: [0, 10], CSAT: [1, 5], CES: [1, 7] } as const;
export type SurveyType = keyof typeof SURVEY_RANGES;

/** Rejects (never clamps) a score outside its type's range or not a whole number. */
export function assertSurveyScore(type: SurveyType, score: number, field = 'score'): void {
  const [min, max] = SURVEY_RANGES[type];
  if (!Number.isInteger(score) || score < min || score > max)
    throw new UserInputError(
      `${field}: ${type} score must be a whole number ${min}–${max}, got ${score}`,
      field
    );
}

export interface NpsSummary {
  nps: number;
  /** 100 × (P − D) / N before rounding: the health measure uses it. */
  exact: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

/** NPS = round(100 × (promoters − detractors) / responses); null without responses. */
export function nps(scores: readonly number[]): NpsSummary | null {
  if (scores.length === 0) return null;
  let promoters = 0;
  let passives = 0;
  for (const score of scores) {
    assertSurveyScore('NPS', score);
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
  }
  const detractors = scores.length - promoters - passives;
  const exact = (100 * (promoters - detractors)) / scores.length;
  return {
    nps: roundHalfUp(exact),
    exact,
    promoters,
    passives,
    detractors,
    responses: scores.length
  };
}

/** CSAT: the share (0–1) of 4–5 answers on 1–5; null without responses. */
export function csat(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let satisfied = 0;
  for (const score of scores) {
    assertSurveyScore('CSAT', score);
    if (score >= 4) satisfied++;
  }
  return satisfied / scores.length;
}

/** CES: the mean on 1–7 (7 = very easy); null without responses. */
export function ces(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (const score of scores) {
    assertSurveyScore('CES', score);
    sum += score;
  }
  return sum / scores.length;
}

/** Half up, also for negatives (−12.5 → −12), as Apex's Math.round and Salesforce display do. */
export const roundHalfUp = (value: number) => Math.floor(value + 0.5);
