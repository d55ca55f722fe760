import type { BatonModel } from '../../core';
import { DEFAULT_TARGET_DAYS } from './missedFirstValue';

/**
 * The onboarding target: the day count at which the health model's time-to-first-value
 * measure stops scoring full (Health_Measure__mdt Full_At__c, 30 by default), so the alert
 * and the health score agree on when onboarding is late.
 */
export function onboardingTargetDays(model: BatonModel): number {
  const measure = model.measures.find((candidate) => candidate.kind === 'timeToFirstValue');
  return measure && Number.isFinite(measure.fullAt) ? measure.fullAt : DEFAULT_TARGET_DAYS;
}
