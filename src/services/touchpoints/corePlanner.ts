import { loadProjectModel, planTouchpoints, type BatonModel } from '../../core';
import type { TouchpointPlanner } from './planAccounts';

/** The core cadence planner over a model (default: the project's Tier_Cadence__mdt records). */
export function corePlanner(model: BatonModel = loadProjectModel()): TouchpointPlanner {
  return (input) => planTouchpoints(input, model);
}
