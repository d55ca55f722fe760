/**
 * Baton's domain core: pure rules configured by the custom metadata records. No I/O and no
 * clock (callers pass `asOf`), so the CLI, the services, the local org and the Lightning
 * components (through the c/batonCore bundle) all run the same rules.
 */
export { BatonError, UserInputError, zodInputError, type IssueWording } from './errors';
export {
  MEASURE_KINDS,
  MDT_TYPES,
  TIERS,
  type MdtType,
  type MeasureKind,
  type ModelRecords,
  type Tier
} from './config/records';
export {
  parseModelRecords,
  type BatonModel,
  type Cadence,
  type HandoverRequirement,
  type Measure,
  type TierRule
} from './config/model';
export {
  addBusinessDays,
  addDays,
  assertIsoDay,
  dayOf,
  dayOfValue,
  daysBetween,
  isExactIsoDate,
  isIsoDate,
  isoDateOf,
  isoOfDay
} from './dates';
export {
  assertSurveyScore,
  ces,
  csat,
  nps,
  roundHalfUp,
  SURVEY_RANGES,
  type NpsSummary,
  type SurveyType
} from './survey';
export {
  effectiveTier,
  suggestTier,
  type EffectiveTier,
  type TierChoice,
  type TierInput,
  type TierSuggestion
} from './tier';
export {
  DEFAULT_HORIZON_DAYS,
  isTouchpointOverdue,
  nextTouchpointDue,
  planTouchpoints,
  type PlannedTouchpoint,
  type PlannerInput,
  type Touchpoint
} from './cadence';
export {
  DEFAULT_RESPONSE_BUSINESS_DAYS,
  filledEntries,
  HANDOVER_STATUSES,
  handoverRequirementsFor,
  handoverTransition,
  isHandoverOverdue,
  requiredHandoverFields,
  responseDeadline,
  validateHandover,
  type HandoverAction,
  type HandoverFieldError,
  type HandoverStatus
} from './handover';
export {
  handoverStatusLabel,
  handoverWriteProblem,
  HANDOVER_LIFECYCLE_FIELDS,
  MANAGE_HANDOVERS_PERMISSION,
  OPEN_HANDOVER_STATUSES,
  openHandoverProblem,
  RECORD_CHANGED_MESSAGE,
  recordChangedProblem,
  type HandoverWriteProblem,
  type HandoverWriter,
  type OpenHandover
} from './handoverGuard';
export {
  isSalesforceId,
  NOT_A_SALESFORCE_ID,
  SALESFORCE_ID,
  salesforceIdSchema,
  sameSalesforceId
} from './ids';
export {
  acceptKindOf,
  acceptPlan,
  handoverTouchpointKey,
  isHandoverTouchpointKey,
  type AcceptKind,
  type AcceptPlan
} from './handoverAccept';
export {
  acceptCommentSegments,
  buildAcceptComment,
  buildReturnComment,
  buildSubmitPost,
  factLines,
  link,
  mention,
  returnCommentSegments,
  submitPostSegments,
  text,
  type HandoverMessageInput,
  type MessageSegment
} from './connect';
export {
  MESSAGE_LANGUAGES,
  MESSAGE_TEXTS,
  messageDate,
  messageLanguage,
  messageText,
  type MessageLanguage,
  type MessageTextName
} from './messageTexts';
export {
  accountSignalsSchema,
  healthInputSchema,
  jsonPath,
  type AccountSignals,
  type HealthInput,
  type SurveyResponse
} from './health/signals';
export {
  scoreAccount,
  scoreAccounts,
  type HealthFacts,
  type HealthResult,
  type MeasureResult,
  type QuadrantKey
} from './health/score';
export {
  BREAKDOWN_VERSION,
  encodeBreakdown,
  readBreakdown,
  type BreakdownRow,
  type BreakdownView,
  type MeasureLabels
} from './health/breakdown';
