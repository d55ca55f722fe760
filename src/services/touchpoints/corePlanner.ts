import { planTouchpoints, type BatonModel } from '../../core';
import type { TouchpointPlanner } from './planAccounts';

/**
 * The core cadence planner over a model. Against an org, pass loadModelFromOrg(conn) (the org's
 * Tier_Cadence__mdt); the default, the project's records, is for code without an org.
 */
export function corePlanner(model: BatonModel): TouchpointPlanner {
  return (input) => planTouchpoints(input, model);
}
