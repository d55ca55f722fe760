// Every text the health panel shows, from Custom Labels (English, with Finnish translations).
import BATON_HEALTH from '@salesforce/label/c.Baton_Health';
import BATON_HEALTH_AXIS_NOT_SATISFIED from '@salesforce/label/c.Baton_Health_Axis_Not_Satisfied';
import BATON_HEALTH_AXIS_NOT_SUCCEEDING from '@salesforce/label/c.Baton_Health_Axis_Not_Succeeding';
import BATON_HEALTH_AXIS_SATISFIED from '@salesforce/label/c.Baton_Health_Axis_Satisfied';
import BATON_HEALTH_AXIS_SUCCEEDING from '@salesforce/label/c.Baton_Health_Axis_Succeeding';
import BATON_HEALTH_BREAKDOWN from '@salesforce/label/c.Baton_Health_Breakdown';
import BATON_HEALTH_BREAKDOWN_HIDE from '@salesforce/label/c.Baton_Health_Breakdown_Hide';
import BATON_HEALTH_BREAKDOWN_SHOW from '@salesforce/label/c.Baton_Health_Breakdown_Show';
import BATON_HEALTH_CANCEL from '@salesforce/label/c.Baton_Health_Cancel';
import BATON_HEALTH_COLUMN_MEASURE from '@salesforce/label/c.Baton_Health_Column_Measure';
import BATON_HEALTH_COLUMN_POINTS_LOST from '@salesforce/label/c.Baton_Health_Column_Points_Lost';
import BATON_HEALTH_COLUMN_SCORE from '@salesforce/label/c.Baton_Health_Column_Score';
import BATON_HEALTH_COLUMN_VALUE from '@salesforce/label/c.Baton_Health_Column_Value';
import BATON_HEALTH_COLUMN_WEIGHT from '@salesforce/label/c.Baton_Health_Column_Weight';
import BATON_HEALTH_COMPUTED_SCORE from '@salesforce/label/c.Baton_Health_Computed_Score';
import BATON_HEALTH_COVERAGE from '@salesforce/label/c.Baton_Health_Coverage';
import BATON_HEALTH_COVERAGE_TEXT from '@salesforce/label/c.Baton_Health_Coverage_Text';
import BATON_HEALTH_DAYS from '@salesforce/label/c.Baton_Health_Days';
import BATON_HEALTH_DRIVERS from '@salesforce/label/c.Baton_Health_Drivers';
import BATON_HEALTH_DRIVERS_NONE from '@salesforce/label/c.Baton_Health_Drivers_None';
import BATON_HEALTH_HISTORY_CAPTION from '@salesforce/label/c.Baton_Health_History_Caption';
import BATON_HEALTH_HISTORY_POINT from '@salesforce/label/c.Baton_Health_History_Point';
import BATON_HEALTH_INSUFFICIENT_HELP from '@salesforce/label/c.Baton_Health_Insufficient_Help';
import BATON_HEALTH_LANGUAGE from '@salesforce/label/c.Baton_Health_Language';
import BATON_HEALTH_LOAD_ERROR from '@salesforce/label/c.Baton_Health_Load_Error';
import BATON_HEALTH_MEASURE_ACTIVITY_TREND from '@salesforce/label/c.Baton_Health_Measure_Activity_Trend';
import BATON_HEALTH_MEASURE_BILLING from '@salesforce/label/c.Baton_Health_Measure_Billing';
import BATON_HEALTH_MEASURE_CES from '@salesforce/label/c.Baton_Health_Measure_CES';
import BATON_HEALTH_MEASURE_CSAT from '@salesforce/label/c.Baton_Health_Measure_CSAT';
import BATON_HEALTH_MEASURE_CADENCE from '@salesforce/label/c.Baton_Health_Measure_Cadence';
import BATON_HEALTH_MEASURE_LICENSE_UTILISATION from '@salesforce/label/c.Baton_Health_Measure_License_Utilisation';
import BATON_HEALTH_MEASURE_NPS from '@salesforce/label/c.Baton_Health_Measure_NPS';
import BATON_HEALTH_MEASURE_SENTIMENT from '@salesforce/label/c.Baton_Health_Measure_Sentiment';
import BATON_HEALTH_MEASURE_SUPPORT from '@salesforce/label/c.Baton_Health_Measure_Support';
import BATON_HEALTH_MEASURE_TIME_TO_VALUE from '@salesforce/label/c.Baton_Health_Measure_Time_To_Value';
import BATON_HEALTH_NEVER_SCORED from '@salesforce/label/c.Baton_Health_Never_Scored';
import BATON_HEALTH_NEVER_SCORED_HELP from '@salesforce/label/c.Baton_Health_Never_Scored_Help';
import BATON_HEALTH_NEXT_TOUCHPOINT from '@salesforce/label/c.Baton_Health_Next_Touchpoint';
import BATON_HEALTH_NO_DATA from '@salesforce/label/c.Baton_Health_No_Data';
import BATON_HEALTH_OVERRIDE from '@salesforce/label/c.Baton_Health_Override';
import BATON_HEALTH_OVERRIDE_BAD_DATE from '@salesforce/label/c.Baton_Health_Override_Bad_Date';
import BATON_HEALTH_OVERRIDE_CLEAR from '@salesforce/label/c.Baton_Health_Override_Clear';
import BATON_HEALTH_OVERRIDE_REASON from '@salesforce/label/c.Baton_Health_Override_Reason';
import BATON_HEALTH_OVERRIDE_REASON_REQUIRED from '@salesforce/label/c.Baton_Health_Override_Reason_Required';
import BATON_HEALTH_OVERRIDE_SET from '@salesforce/label/c.Baton_Health_Override_Set';
import BATON_HEALTH_OVERRIDE_STATUS from '@salesforce/label/c.Baton_Health_Override_Status';
import BATON_HEALTH_OVERRIDE_SUMMARY from '@salesforce/label/c.Baton_Health_Override_Summary';
import BATON_HEALTH_OVERRIDE_UNTIL from '@salesforce/label/c.Baton_Health_Override_Until';
import BATON_HEALTH_PERIOD_DAYS from '@salesforce/label/c.Baton_Health_Period_Days';
import BATON_HEALTH_PERIOD_WEEKS from '@salesforce/label/c.Baton_Health_Period_Weeks';
import BATON_HEALTH_QUADRANT from '@salesforce/label/c.Baton_Health_Quadrant';
import BATON_HEALTH_QUADRANT_AT_RISK from '@salesforce/label/c.Baton_Health_Quadrant_At_Risk';
import BATON_HEALTH_QUADRANT_HEALTHY from '@salesforce/label/c.Baton_Health_Quadrant_Healthy';
import BATON_HEALTH_QUADRANT_SILENT_CHURN from '@salesforce/label/c.Baton_Health_Quadrant_Silent_Churn';
import BATON_HEALTH_QUADRANT_SILENT_CHURN_SHORT from '@salesforce/label/c.Baton_Health_Quadrant_Silent_Churn_Short';
import BATON_HEALTH_QUADRANT_UNHAPPY from '@salesforce/label/c.Baton_Health_Quadrant_Unhappy';
import BATON_HEALTH_QUADRANT_UNHAPPY_SHORT from '@salesforce/label/c.Baton_Health_Quadrant_Unhappy_Short';
import BATON_HEALTH_SAVE from '@salesforce/label/c.Baton_Health_Save';
import BATON_HEALTH_SCORED_AT from '@salesforce/label/c.Baton_Health_Scored_At';
import BATON_HEALTH_SPARKLINE from '@salesforce/label/c.Baton_Health_Sparkline';
import BATON_HEALTH_STATUS_GREEN from '@salesforce/label/c.Baton_Health_Status_Green';
import BATON_HEALTH_STATUS_INSUFFICIENT_DATA from '@salesforce/label/c.Baton_Health_Status_Insufficient_Data';
import BATON_HEALTH_STATUS_RED from '@salesforce/label/c.Baton_Health_Status_Red';
import BATON_HEALTH_STATUS_YELLOW from '@salesforce/label/c.Baton_Health_Status_Yellow';
import BATON_HEALTH_SUGGESTED_TIER from '@salesforce/label/c.Baton_Health_Suggested_Tier';
import BATON_HEALTH_SURVEY_ANSWER from '@salesforce/label/c.Baton_Health_Survey_Answer';
import BATON_HEALTH_SURVEYS from '@salesforce/label/c.Baton_Health_Surveys';
import BATON_HEALTH_TOUCHPOINT_DUE from '@salesforce/label/c.Baton_Health_Touchpoint_Due';
import BATON_HEALTH_TOUCHPOINT_NONE from '@salesforce/label/c.Baton_Health_Touchpoint_None';
import BATON_HEALTH_TOUCHPOINT_OVERDUE from '@salesforce/label/c.Baton_Health_Touchpoint_Overdue';
import BATON_HEALTH_TREND from '@salesforce/label/c.Baton_Health_Trend';
import BATON_HEALTH_TREND_DOWN from '@salesforce/label/c.Baton_Health_Trend_Down';
import BATON_HEALTH_TREND_FLAT from '@salesforce/label/c.Baton_Health_Trend_Flat';
import BATON_HEALTH_TREND_NONE from '@salesforce/label/c.Baton_Health_Trend_None';
import BATON_HEALTH_TREND_UP from '@salesforce/label/c.Baton_Health_Trend_Up';
import BATON_TIER_HIGH from '@salesforce/label/c.Baton_Tier_High';
import BATON_TIER_LOW from '@salesforce/label/c.Baton_Tier_Low';
import BATON_SENTIMENT_NEGATIVE from '@salesforce/label/c.Baton_Sentiment_Negative';
import BATON_SENTIMENT_NEUTRAL from '@salesforce/label/c.Baton_Sentiment_Neutral';
import BATON_SENTIMENT_POSITIVE from '@salesforce/label/c.Baton_Sentiment_Positive';
import BATON_TIER_TECH from '@salesforce/label/c.Baton_Tier_Tech';
import BATON_TOUCH_TIER from '@salesforce/label/c.Baton_Touch_Tier';

export const LABELS = {
  title: BATON_HEALTH,
  axisNotSatisfied: BATON_HEALTH_AXIS_NOT_SATISFIED,
  axisNotSucceeding: BATON_HEALTH_AXIS_NOT_SUCCEEDING,
  axisSatisfied: BATON_HEALTH_AXIS_SATISFIED,
  axisSucceeding: BATON_HEALTH_AXIS_SUCCEEDING,
  breakdown: BATON_HEALTH_BREAKDOWN,
  breakdownHide: BATON_HEALTH_BREAKDOWN_HIDE,
  breakdownShow: BATON_HEALTH_BREAKDOWN_SHOW,
  cancel: BATON_HEALTH_CANCEL,
  columnMeasure: BATON_HEALTH_COLUMN_MEASURE,
  columnPointsLost: BATON_HEALTH_COLUMN_POINTS_LOST,
  columnScore: BATON_HEALTH_COLUMN_SCORE,
  columnValue: BATON_HEALTH_COLUMN_VALUE,
  columnWeight: BATON_HEALTH_COLUMN_WEIGHT,
  computedScore: BATON_HEALTH_COMPUTED_SCORE,
  coverage: BATON_HEALTH_COVERAGE,
  coverageText: BATON_HEALTH_COVERAGE_TEXT,
  days: BATON_HEALTH_DAYS,
  drivers: BATON_HEALTH_DRIVERS,
  driversNone: BATON_HEALTH_DRIVERS_NONE,
  historyCaption: BATON_HEALTH_HISTORY_CAPTION,
  historyPoint: BATON_HEALTH_HISTORY_POINT,
  insufficientHelp: BATON_HEALTH_INSUFFICIENT_HELP,
  language: BATON_HEALTH_LANGUAGE,
  loadError: BATON_HEALTH_LOAD_ERROR,
  measureActivityTrend: BATON_HEALTH_MEASURE_ACTIVITY_TREND,
  measureBilling: BATON_HEALTH_MEASURE_BILLING,
  measureCadence: BATON_HEALTH_MEASURE_CADENCE,
  measureCes: BATON_HEALTH_MEASURE_CES,
  measureCsat: BATON_HEALTH_MEASURE_CSAT,
  measureLicenseUtilisation: BATON_HEALTH_MEASURE_LICENSE_UTILISATION,
  measureNps: BATON_HEALTH_MEASURE_NPS,
  measureSentiment: BATON_HEALTH_MEASURE_SENTIMENT,
  measureSupport: BATON_HEALTH_MEASURE_SUPPORT,
  measureTimeToValue: BATON_HEALTH_MEASURE_TIME_TO_VALUE,
  neverScored: BATON_HEALTH_NEVER_SCORED,
  neverScoredHelp: BATON_HEALTH_NEVER_SCORED_HELP,
  nextTouchpoint: BATON_HEALTH_NEXT_TOUCHPOINT,
  noData: BATON_HEALTH_NO_DATA,
  override: BATON_HEALTH_OVERRIDE,
  overrideBadDate: BATON_HEALTH_OVERRIDE_BAD_DATE,
  overrideClear: BATON_HEALTH_OVERRIDE_CLEAR,
  overrideReason: BATON_HEALTH_OVERRIDE_REASON,
  overrideReasonRequired: BATON_HEALTH_OVERRIDE_REASON_REQUIRED,
  overrideSet: BATON_HEALTH_OVERRIDE_SET,
  overrideStatus: BATON_HEALTH_OVERRIDE_STATUS,
  overrideSummary: BATON_HEALTH_OVERRIDE_SUMMARY,
  overrideUntil: BATON_HEALTH_OVERRIDE_UNTIL,
  periodDays: BATON_HEALTH_PERIOD_DAYS,
  periodWeeks: BATON_HEALTH_PERIOD_WEEKS,
  quadrant: BATON_HEALTH_QUADRANT,
  quadrantAtRisk: BATON_HEALTH_QUADRANT_AT_RISK,
  quadrantHealthy: BATON_HEALTH_QUADRANT_HEALTHY,
  quadrantSilentChurn: BATON_HEALTH_QUADRANT_SILENT_CHURN,
  quadrantSilentChurnShort: BATON_HEALTH_QUADRANT_SILENT_CHURN_SHORT,
  quadrantUnhappy: BATON_HEALTH_QUADRANT_UNHAPPY,
  quadrantUnhappyShort: BATON_HEALTH_QUADRANT_UNHAPPY_SHORT,
  save: BATON_HEALTH_SAVE,
  scoredAt: BATON_HEALTH_SCORED_AT,
  sentimentNegative: BATON_SENTIMENT_NEGATIVE,
  sentimentNeutral: BATON_SENTIMENT_NEUTRAL,
  sentimentPositive: BATON_SENTIMENT_POSITIVE,
  sparkline: BATON_HEALTH_SPARKLINE,
  statusGreen: BATON_HEALTH_STATUS_GREEN,
  statusInsufficientData: BATON_HEALTH_STATUS_INSUFFICIENT_DATA,
  statusRed: BATON_HEALTH_STATUS_RED,
  statusYellow: BATON_HEALTH_STATUS_YELLOW,
  suggestedTier: BATON_HEALTH_SUGGESTED_TIER,
  surveyAnswer: BATON_HEALTH_SURVEY_ANSWER,
  surveys: BATON_HEALTH_SURVEYS,
  tierHigh: BATON_TIER_HIGH,
  tierLow: BATON_TIER_LOW,
  tierTech: BATON_TIER_TECH,
  touchpointDue: BATON_HEALTH_TOUCHPOINT_DUE,
  touchpointNone: BATON_HEALTH_TOUCHPOINT_NONE,
  touchpointOverdue: BATON_HEALTH_TOUCHPOINT_OVERDUE,
  touchTier: BATON_TOUCH_TIER,
  trend: BATON_HEALTH_TREND,
  trendDown: BATON_HEALTH_TREND_DOWN,
  trendFlat: BATON_HEALTH_TREND_FLAT,
  trendNone: BATON_HEALTH_TREND_NONE,
  trendUp: BATON_HEALTH_TREND_UP
};
