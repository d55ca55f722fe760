import type { BatonModel, Cadence, HandoverRequirement, Measure, TierRule } from './model';
import { modelError } from './modelError';
import {
  TIERS,
  type HandoverRequirementRecord,
  type HealthBandRecord,
  type HealthMeasureRecord,
  type Tier,
  type TierCadenceRecord,
  type TouchTierRuleRecord
} from './records';

// Record → model pieces, with the checks one record's schema cannot make on its own.

export function tierRulesOf(records: TouchTierRuleRecord[]): TierRule[] {
  const rules = records
    .map((record) => ({
      name: record.DeveloperName,
      label: record.MasterLabel ?? record.DeveloperName,
      tier: record.Tier__c,
      priority: record.Priority__c,
      minArr: record.Min_ARR__c ?? null,
      maxArr: record.Max_ARR__c ?? null,
      minGrowthPotential: record.Min_Growth_Potential__c ?? null,
      strategic: record.Strategic__c ?? 'Any'
    }))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  const fallback = rules.find(
    (rule) =>
      rule.minArr === null &&
      rule.maxArr === null &&
      rule.minGrowthPotential === null &&
      rule.strategic === 'Any'
  );
  if (!fallback)
    throw modelError(
      'Touch_Tier_Rule__mdt',
      '*',
      'Priority__c',
      'needs one rule without conditions (the fallback tier)'
    );
  return rules;
}

const LINEAR = ['licenseUtilisation', 'activityTrend', 'timeToFirstValue', 'nps', 'csat', 'ces'];
const WINDOWED = ['nps', 'csat', 'ces', 'sentiment', 'timeToFirstValue'];

function stepsOf(record: HealthMeasureRecord) {
  const fail = (message: string) =>
    modelError('Health_Measure__mdt', record.DeveloperName, 'Steps__c', message);
  const pairs = (record.Steps__c ?? '').split(',').filter((pair) => pair.trim());
  if (pairs.length === 0) throw fail('needs value:score pairs, e.g. 0:100,1:60,2:0');
  return pairs.map((pair) => {
    const [at, score] = pair.split(':').map((part) => part.trim());
    const points = Number(score);
    if (!at || !(points >= 0 && points <= 100))
      throw fail(`"${pair}" is not value:score with a score 0–100`);
    return { at, score: points };
  });
}

export function measureOf(record: HealthMeasureRecord): Measure {
  const fail = (field: string, message: string) =>
    modelError('Health_Measure__mdt', record.DeveloperName, field, message);
  const kind = record.Kind__c;
  const linear = LINEAR.includes(kind) || kind === 'cadence';
  if (linear && (record.Full_At__c == null || record.Zero_At__c == null))
    throw fail(record.Full_At__c == null ? 'Full_At__c' : 'Zero_At__c', `required for ${kind}`);
  if (linear && record.Full_At__c === record.Zero_At__c)
    throw fail('Zero_At__c', 'must differ from Full_At__c');
  if (WINDOWED.includes(kind) && !record.Window_Days__c)
    throw fail('Window_Days__c', `required for ${kind}`);
  const excludedTiers = (record.Excluded_Tiers__c ?? '')
    .split(';')
    .map((tier) => tier.trim())
    .filter(Boolean);
  for (const tier of excludedTiers)
    if (!(TIERS as readonly string[]).includes(tier))
      throw fail('Excluded_Tiers__c', `unknown tier ${tier}`);
  const steps: Measure['steps'] = [];
  const categories: Measure['categories'] = {};
  if (kind === 'sentiment') {
    for (const { at, score } of stepsOf(record)) categories[at] = score;
  } else if (kind === 'support' || kind === 'billing') {
    for (const { at, score } of stepsOf(record)) {
      const value = Number(at);
      if (!Number.isInteger(value) || value < 0 || (steps.length && value <= steps.at(-1)!.at))
        throw fail('Steps__c', 'values must be whole numbers in ascending order');
      steps.push({ at: value, score });
    }
    if (steps[0].at !== 0) throw fail('Steps__c', 'the first step must be 0');
  }
  return {
    name: record.DeveloperName,
    label: record.MasterLabel ?? record.DeveloperName,
    labelFi: record.Label_Fi__c ?? record.MasterLabel ?? record.DeveloperName,
    kind,
    group: record.Group__c,
    weight: record.Weight__c,
    fullAt: record.Full_At__c ?? 0,
    zeroAt: record.Zero_At__c ?? 0,
    steps,
    categories,
    windowDays: record.Window_Days__c ?? 0,
    excludedTiers: excludedTiers as Tier[]
  };
}

type Bands = Pick<
  BatonModel,
  | 'bands'
  | 'minCoverage'
  | 'insufficientStatus'
  | 'trend'
  | 'quadrantSplit'
  | 'overrideDays'
  | 'overrideMaxDays'
>;

export function bandsOf(records: HealthBandRecord[]): Bands {
  const fail = (name: string, field: string, message: string) =>
    modelError('Health_Band__mdt', name, field, message);
  const one = (kind: HealthBandRecord['Kind__c'], predicate = (_r: HealthBandRecord) => true) => {
    const found = records.filter((record) => record.Kind__c === kind && predicate(record));
    if (found.length !== 1)
      throw fail('*', 'Kind__c', `needs exactly one ${kind} record (found ${found.length})`);
    return found[0];
  };
  const need = (record: HealthBandRecord, field: 'Min_Value__c' | 'Max_Value__c' | 'Days__c') => {
    const value = record[field];
    if (value == null) throw fail(record.DeveloperName, field, 'required');
    return value;
  };
  const bands = records
    .filter((record) => record.Kind__c === 'Status')
    .map((record) => {
      if (!record.Status__c) throw fail(record.DeveloperName, 'Status__c', 'required');
      const min = need(record, 'Min_Value__c');
      const max = need(record, 'Max_Value__c');
      if (min > max) throw fail(record.DeveloperName, 'Max_Value__c', 'must be ≥ Min_Value__c');
      return { name: record.DeveloperName, status: record.Status__c, min, max };
    })
    .sort((a, b) => b.min - a.min);
  if (bands.length === 0) throw fail('*', 'Kind__c', 'needs at least one Status band');
  for (let k = 1; k < bands.length; k++)
    if (bands[k].max >= bands[k - 1].min)
      throw fail(
        bands[k].name,
        'Max_Value__c',
        `overlaps band ${bands[k - 1].name} (${bands[k - 1].min}–${bands[k - 1].max})`
      );
  const coverage = one('Coverage');
  const minCoverage = need(coverage, 'Min_Value__c');
  if (minCoverage < 0 || minCoverage > 1)
    throw fail(coverage.DeveloperName, 'Min_Value__c', 'must be between 0 and 1');
  const override = one('Override');
  const overrideDays = need(override, 'Days__c');
  const overrideMaxDays = need(override, 'Max_Value__c');
  if (overrideMaxDays < overrideDays)
    throw fail(override.DeveloperName, 'Max_Value__c', 'must be ≥ Days__c (the default length)');
  const up = one('Trend', (record) => record.Status__c === 'up');
  const down = one('Trend', (record) => record.Status__c === 'down');
  return {
    bands: bands.map(({ status, min, max }) => ({ status, min, max })),
    minCoverage,
    insufficientStatus: coverage.Status__c ?? 'Insufficient data',
    trend: {
      days: need(up, 'Days__c'),
      up: need(up, 'Min_Value__c'),
      down: need(down, 'Max_Value__c')
    },
    quadrantSplit: need(one('Quadrant'), 'Min_Value__c'),
    overrideDays,
    overrideMaxDays
  };
}

export function cadenceOf(records: TierCadenceRecord[]): Record<Tier, Cadence> {
  const byTier = {} as Record<Tier, Cadence>;
  for (const record of records) {
    if (byTier[record.Tier__c])
      throw modelError(
        'Tier_Cadence__mdt',
        record.DeveloperName,
        'Tier__c',
        `second record for ${record.Tier__c}`
      );
    byTier[record.Tier__c] = {
      tier: record.Tier__c,
      onboardingModel: record.Onboarding_Model__c ?? '',
      onboardingModelFi: record.Onboarding_Model_Fi__c || record.Onboarding_Model__c || '',
      firstContactKind: record.First_Contact_Kind__c,
      firstContactFrom: record.First_Contact_From__c,
      firstContactDays: record.First_Contact_Days__c,
      meetingIntervalDays: record.Meeting_Interval_Days__c ?? null,
      successCheckDays: record.Success_Check_Days__c ?? null,
      goalReviewDays: record.Goal_Review_Days__c ?? null,
      surveyDays: record.Survey_Days__c ?? null,
      automated: record.Automated__c === true,
      responseBusinessDays: record.Response_Business_Days__c
    };
  }
  for (const tier of TIERS)
    if (!byTier[tier])
      throw modelError('Tier_Cadence__mdt', tier, 'Tier__c', 'no record for this tier');
  return byTier;
}

export function requirementsOf(records: HandoverRequirementRecord[]): HandoverRequirement[] {
  return [...records]
    .sort((a, b) => (a.Order__c ?? 0) - (b.Order__c ?? 0))
    .map((record) => ({
      name: record.DeveloperName,
      field: record.Field__c,
      label: record.MasterLabel ?? record.Field__c,
      tiers: record.Tiers__c.split(';').map((tier) => tier.trim()) as Tier[],
      minEntries: record.Min_Entries__c ?? 1,
      trial: record.Trial__c === true
    }));
}
