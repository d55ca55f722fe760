import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBJECTS, DEFAULT_HORIZON_DAYS } from '../core/cadence';
import { MEASURE_KINDS, TIERS } from '../core/config/records';
import { ACCEPTED_TEXTS, MESSAGE_EXCERPT_LENGTH } from '../core/connect';
import {
  DEFAULT_RESPONSE_BUSINESS_DAYS,
  HANDOVER_STATUSES,
  handoverTransition,
  type HandoverAction
} from '../core/handover';
import { STARTS_OVER } from '../core/handoverAccept';
import {
  HANDOVER_LIFECYCLE_FIELDS,
  handoverWriteProblem,
  MANAGE_HANDOVERS_PERMISSION,
  OPEN_HANDOVER_STATUSES
} from '../core/handoverGuard';
import { DEFAULT_HISTORY_POLICY } from '../core/health/history';
import { CHURN_NEEDS, CHURNED } from '../core/health/outcomes';
import { MOVERS } from '../core/portfolio/movers';
import { YEAR_DAYS } from '../core/portfolio/workload';
import { EDITABLE_FIELDS } from '../services/handover/schemas';
import { HISTORY_DAYS } from '../services/health/panel/healthController';
import { SIDE_LIST_LIMIT } from '../services/portfolio/portfolioController';
import { TOUCHPOINT_LIMIT } from '../services/tiers/tierCadenceController';
import { readApexConstants, type ApexConstant, type ApexValue } from './apexConstants';
import { REPO_ROOT } from './testCopy';

// The Apex classes restate some of the core's rules as constants (Apex cannot import the
// core). Each such constant is read from the class file and compared with the TypeScript
// value it mirrors, so changing one side alone fails npm test, as build-core-bundle.js
// --check does for the component bundle.

const DEFAULT = join(REPO_ROOT, 'force-app', 'main', 'default');
const CLASSES = join(DEFAULT, 'classes');

/** Statuses from which the core lets `action` start. */
const legalFrom = (action: HandoverAction) =>
  HANDOVER_STATUSES.filter((status) => {
    try {
      handoverTransition(status, action, { returnReason: 'a reason' });
      return true;
    } catch {
      return false;
    }
  });

/** The core's status moves on any write path: from each status, the statuses it may become. */
function legalMoves() {
  const writer = { userId: '005000000000001', managesHandovers: false };
  const moves: Record<string, string[]> = {};
  for (const from of HANDOVER_STATUSES)
    for (const to of HANDOVER_STATUSES) {
      if (from === to) continue;
      const problem = handoverWriteProblem(
        { Status__c: from },
        { Status__c: to, Account_Manager__c: writer.userId, Return_Reason__c: 'a reason' },
        writer
      );
      if (problem?.code !== 'ILLEGAL_TRANSITION') (moves[from] ??= []).push(to);
    }
  return moves;
}

/**
 * What each mirrored constant must equal, by its Apex name (any class declaring a constant of
 * that name is held to it), with where the TypeScript value lives for the failure message.
 */
const MIRRORED: Record<string, { source: string; value: ApexValue }> = {
  EDITABLE_FIELDS: { source: 'src/services/handover/schemas.ts', value: [...EDITABLE_FIELDS] },
  SUBJECTS: { source: 'SUBJECTS in src/core/cadence.ts', value: SUBJECTS },
  HORIZON_DAYS: {
    source: 'DEFAULT_HORIZON_DAYS in src/core/cadence.ts',
    value: DEFAULT_HORIZON_DAYS
  },
  LEGAL_FROM: {
    source: 'handoverTransition in src/core/handover.ts',
    value: Object.fromEntries(
      (['save', 'submit', 'accept', 'return'] as const).map((action) => [action, legalFrom(action)])
    )
  },
  LEGAL_MOVES: { source: 'handoverWriteProblem in src/core/handoverGuard.ts', value: legalMoves() },
  LIFECYCLE_FIELDS: {
    source: 'HANDOVER_LIFECYCLE_FIELDS in src/core/handoverGuard.ts (lower case)',
    value: HANDOVER_LIFECYCLE_FIELDS.map((field) => field.toLowerCase())
  },
  OPEN_STATUSES: {
    source: 'OPEN_HANDOVER_STATUSES in src/core/handoverGuard.ts',
    value: [...OPEN_HANDOVER_STATUSES]
  },
  MANAGE_HANDOVERS: {
    source: 'MANAGE_HANDOVERS_PERMISSION in src/core/handoverGuard.ts',
    value: MANAGE_HANDOVERS_PERMISSION
  },
  DRAFT: { source: 'HANDOVER_STATUSES in src/core/handover.ts', value: HANDOVER_STATUSES[0] },
  SUBMITTED: { source: 'HANDOVER_STATUSES in src/core/handover.ts', value: HANDOVER_STATUSES[1] },
  ACCEPTED: { source: 'HANDOVER_STATUSES in src/core/handover.ts', value: HANDOVER_STATUSES[2] },
  RETURNED: { source: 'HANDOVER_STATUSES in src/core/handover.ts', value: HANDOVER_STATUSES[3] },
  STARTS_OVER: { source: 'STARTS_OVER in src/core/handoverAccept.ts', value: STARTS_OVER },
  ACCEPTED_LABELS: { source: 'ACCEPTED_TEXTS in src/core/connect.ts', value: ACCEPTED_TEXTS },
  SHOWN_EACH_WAY: { source: 'MOVERS in src/core/portfolio/movers.ts', value: MOVERS },
  HISTORY_DAYS: {
    source: 'HISTORY_DAYS in src/services/health/panel/healthController.ts',
    value: HISTORY_DAYS
  },
  MESSAGE_EXCERPT_LENGTH: {
    source: 'MESSAGE_EXCERPT_LENGTH in src/core/connect.ts',
    value: MESSAGE_EXCERPT_LENGTH
  },
  MEASURE_KINDS: {
    source: 'MEASURE_KINDS in src/core/config/records.ts',
    value: [...MEASURE_KINDS]
  },
  TIERS: { source: 'TIERS in src/core/config/records.ts', value: [...TIERS] },
  CHURNED: { source: 'CHURNED in src/core/health/outcomes.ts', value: CHURNED },
  CHURN_NEEDS: { source: 'CHURN_NEEDS in src/core/health/outcomes.ts', value: CHURN_NEEDS },
  DEFAULT_RESPONSE_DAYS: {
    source: 'DEFAULT_RESPONSE_BUSINESS_DAYS in src/core/handover.ts',
    value: DEFAULT_RESPONSE_BUSINESS_DAYS
  },
  DEFAULT_HEARTBEAT_DAYS: {
    source: 'DEFAULT_HISTORY_POLICY.heartbeatDays in src/core/health/history.ts',
    value: DEFAULT_HISTORY_POLICY.heartbeatDays
  },
  YEAR_DAYS: { source: 'YEAR_DAYS in src/core/portfolio/workload.ts', value: YEAR_DAYS },
  SIDE_LIST_LIMIT: {
    source: 'SIDE_LIST_LIMIT in src/services/portfolio/portfolioController.ts',
    value: SIDE_LIST_LIMIT
  },
  TOUCHPOINT_LIMIT: {
    source: 'TOUCHPOINT_LIMIT in src/services/tiers/tierCadenceController.ts',
    value: TOUCHPOINT_LIMIT
  }
};

/** Constants that must exist, so renaming one on the Apex side cannot drop its check. */
const REQUIRED = [
  'HandoverServiceRules.EDITABLE_FIELDS',
  'HandoverServiceRules.SUBJECTS',
  'HandoverServiceRules.HORIZON_DAYS',
  'HandoverServiceRules.LEGAL_FROM',
  'HandoverTriggerHandler.LEGAL_MOVES',
  'HandoverTriggerHandler.LIFECYCLE_FIELDS',
  'HandoverTriggerHandler.OPEN_STATUSES',
  'HandoverTriggerHandler.MANAGE_HANDOVERS',
  'HandoverService.DRAFT',
  'HandoverAcceptPlan.STARTS_OVER',
  'HandoverServiceFeed.ACCEPTED_LABELS',
  'HandoverServiceFeed.MESSAGE_EXCERPT_LENGTH',
  'PortfolioMovers.SHOWN_EACH_WAY',
  'HealthSelector.HISTORY_DAYS',
  'PortfolioMovers.MEASURE_KINDS',
  'TierCadenceController.TIERS',
  'AccountOutcomeHandler.CHURN_NEEDS'
];

/** A Set's order means nothing; a List's and a Map's keys' order is left as declared. */
function normalise(value: ApexValue, type: string): ApexValue {
  const inner = /^Map<\s*\w+\s*,\s*(.+)>$/i.exec(type);
  if (inner && value && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, normalise(item, inner[1])])
    );
  if (/^Set</i.test(type) && Array.isArray(value)) return [...value].map(String).sort();
  return value;
}

/** Every mirrored constant that differs from its TypeScript value, in words. */
function mirrorProblems(constants: Map<string, ApexConstant>): string[] {
  const problems = REQUIRED.filter((key) => !constants.has(key)).map(
    (key) => `${key} is gone: rename it back or update REQUIRED in apexMirror.test.ts`
  );
  for (const constant of constants.values()) {
    const mirrored = MIRRORED[constant.name];
    if (!mirrored || constant.className.endsWith('_Tests')) continue;
    const apex = normalise(constant.value, constant.type);
    const core = normalise(mirrored.value as ApexValue, constant.type);
    if (JSON.stringify(apex) !== JSON.stringify(core))
      problems.push(
        `${constant.className}.${constant.name} is ${JSON.stringify(constant.value)} but ${mirrored.source} says ${JSON.stringify(mirrored.value)}`
      );
  }
  return problems;
}

describe('Apex constants that mirror the core', () => {
  it('it_should_equal_the_core_values_they_mirror', () => {
    expect(mirrorProblems(readApexConstants(CLASSES))).toEqual([]);
  });

  it('it_should_name_the_constant_and_the_source_when_one_side_changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-apex-mirror-'));
    try {
      cpSync(CLASSES, dir, { recursive: true });
      const edit = (file: string, from: string, to: string) => {
        const path = join(dir, file);
        const before = readFileSync(path, 'utf8');
        if (!before.includes(from)) throw new Error(`${file} has no ${from}`);
        writeFileSync(path, before.replace(from, to));
      };
      edit('HandoverServiceRules.cls', 'HORIZON_DAYS = 365', 'HORIZON_DAYS = 366');
      edit(
        'HandoverServiceRules.cls',
        "'accept' => new Set<String>{ HandoverService.SUBMITTED }",
        "'accept' => new Set<String>{ HandoverService.SUBMITTED, HandoverService.DRAFT }"
      );
      edit(
        'HandoverTriggerHandler.cls',
        "'last_reminded_on__c'",
        "'last_reminded_on__c', 'risks__c'"
      );
      const problems = mirrorProblems(readApexConstants(dir));
      expect(problems).toEqual([
        expect.stringMatching(
          /^HandoverServiceRules\.LEGAL_FROM is .* but handoverTransition in src\/core\/handover\.ts says/
        ),
        'HandoverServiceRules.HORIZON_DAYS is 366 but DEFAULT_HORIZON_DAYS in src/core/cadence.ts says 365',
        expect.stringMatching(/^HandoverTriggerHandler\.LIFECYCLE_FIELDS is .*risks__c/)
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The Handover__c fields the panel sends: its sections' fields and those payloadOf adds. */
function panelFields(): string[] {
  const panel = join(DEFAULT, 'lwc', 'handoverPanel');
  const sections = readFileSync(join(panel, 'sections.js'), 'utf8');
  const draft = readFileSync(join(panel, 'draft.js'), 'utf8');
  return [
    ...[...sections.matchAll(/\bname:\s*'(\w+__c)'/g)].map((match) => match[1]),
    ...[...draft.matchAll(/\brecord\.(\w+__c)\s*=/g)].map((match) => match[1])
  ];
}

/** Filled by saveDraft itself (the running user) when the caller leaves them out. */
const FILLED_BY_THE_SERVICE = ['Seller__c'];

describe('the editable Handover__c fields', () => {
  it('it_should_be_one_list_in_Apex_the_zod_schema_and_the_panel', () => {
    const apex = readApexConstants(CLASSES).get('HandoverServiceRules.EDITABLE_FIELDS')?.value;
    expect({ apex }).toEqual({ apex: [...EDITABLE_FIELDS] });
    const panel = [...panelFields(), ...FILLED_BY_THE_SERVICE];
    expect({
      panelOnly: panel.filter((field) => !EDITABLE_FIELDS.includes(field as never))
    }).toEqual({
      panelOnly: []
    });
    expect({
      notOnThePanel: EDITABLE_FIELDS.filter((field) => !panel.includes(field))
    }).toEqual({ notOnThePanel: [] });
  });
});
