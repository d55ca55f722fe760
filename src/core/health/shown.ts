/**
 * What a reader is shown of a result: a score that rests on too little data (the model's
 * insufficient status) is no number and has no trend; its measures and drivers stay.
 */
export function asShown<T extends { score: number | null; status: string; trend: number | null }>(
  result: T,
  insufficientStatus: string
): T {
  return result.status === insufficientStatus ? { ...result, score: null, trend: null } : result;
}
