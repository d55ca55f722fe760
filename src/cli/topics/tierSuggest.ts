import { loadProjectModel, suggestTier, UserInputError } from '../../core';

export interface TierSuggestOptions {
  mrr: string;
  potential: string;
  strategic?: boolean;
  model?: string;
  json?: boolean;
}

/** `baton tier suggest`: flags checked here, the rule is the core's. */
export function tierSuggest(options: TierSuggestOptions) {
  const mrr = Number(options.mrr);
  if (options.mrr.trim() === '' || !Number.isFinite(mrr) || mrr < 0)
    throw new UserInputError(`--mrr: must be a number ≥ 0, got ${options.mrr}`, 'mrr');
  const potential = Number(options.potential);
  if (!Number.isInteger(potential) || potential < 1 || potential > 5)
    throw new UserInputError(
      `--potential: must be a whole number 1–5, got ${options.potential}`,
      'potential'
    );
  const { arr, suggested, reason } = suggestTier(
    { mrr, growthPotential: potential, strategic: options.strategic === true },
    loadProjectModel(options.model)
  );
  return { arr, suggested, reason };
}
