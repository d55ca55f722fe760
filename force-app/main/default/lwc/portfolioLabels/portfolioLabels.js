// Every text the portfolio page shows, from Custom Labels (English, with Finnish translations).
export { toCsv, downloadCsv } from './csv';
import BATON_HEALTH_LANGUAGE from '@salesforce/label/c.Baton_Health_Language';
import BATON_HEALTH_STATUS_GREEN from '@salesforce/label/c.Baton_Health_Status_Green';
import BATON_HEALTH_STATUS_YELLOW from '@salesforce/label/c.Baton_Health_Status_Yellow';
import BATON_HEALTH_STATUS_RED from '@salesforce/label/c.Baton_Health_Status_Red';
import BATON_HEALTH_STATUS_INSUFFICIENT_DATA from '@salesforce/label/c.Baton_Health_Status_Insufficient_Data';
import BATON_PORTFOLIO_TITLE from '@salesforce/label/c.Baton_Portfolio_Title';
import BATON_PORTFOLIO_FILTERS from '@salesforce/label/c.Baton_Portfolio_Filters';
import BATON_PORTFOLIO_FILTER_ALL from '@salesforce/label/c.Baton_Portfolio_Filter_All';
import BATON_PORTFOLIO_FILTER_ACCOUNT_MANAGER from '@salesforce/label/c.Baton_Portfolio_Filter_Account_Manager';
import BATON_PORTFOLIO_FILTER_TIER from '@salesforce/label/c.Baton_Portfolio_Filter_Tier';
import BATON_PORTFOLIO_FILTER_SEGMENT from '@salesforce/label/c.Baton_Portfolio_Filter_Segment';
import BATON_PORTFOLIO_FILTER_STAGE from '@salesforce/label/c.Baton_Portfolio_Filter_Stage';
import BATON_PORTFOLIO_LOAD_ERROR from '@salesforce/label/c.Baton_Portfolio_Load_Error';
import BATON_PORTFOLIO_EMPTY from '@salesforce/label/c.Baton_Portfolio_Empty';
import BATON_PORTFOLIO_ACCOUNTS_SHOWN from '@salesforce/label/c.Baton_Portfolio_Accounts_Shown';
import BATON_PORTFOLIO_ARR_AT_RISK from '@salesforce/label/c.Baton_Portfolio_Arr_At_Risk';
import BATON_PORTFOLIO_CHURN_RATE from '@salesforce/label/c.Baton_Portfolio_Churn_Rate';
import BATON_PORTFOLIO_GROSS_RETENTION from '@salesforce/label/c.Baton_Portfolio_Gross_Retention';
import BATON_PORTFOLIO_NET_RETENTION from '@salesforce/label/c.Baton_Portfolio_Net_Retention';
import BATON_PORTFOLIO_TRIAL_CONVERSION from '@salesforce/label/c.Baton_Portfolio_Trial_Conversion';
import BATON_PORTFOLIO_NPS_LATEST from '@salesforce/label/c.Baton_Portfolio_Nps_Latest';
import BATON_PORTFOLIO_NOT_AVAILABLE from '@salesforce/label/c.Baton_Portfolio_Not_Available';
import BATON_PORTFOLIO_HEALTH_BY_BAND from '@salesforce/label/c.Baton_Portfolio_Health_By_Band';
import BATON_PORTFOLIO_COLUMN_STATUS from '@salesforce/label/c.Baton_Portfolio_Column_Status';
import BATON_PORTFOLIO_COLUMN_ACCOUNTS from '@salesforce/label/c.Baton_Portfolio_Column_Accounts';
import BATON_PORTFOLIO_COLUMN_ARR from '@salesforce/label/c.Baton_Portfolio_Column_Arr';
import BATON_PORTFOLIO_COLUMN_ACCOUNT from '@salesforce/label/c.Baton_Portfolio_Column_Account';
import BATON_PORTFOLIO_COLUMN_VALUE from '@salesforce/label/c.Baton_Portfolio_Column_Value';
import BATON_PORTFOLIO_COLUMN_POTENTIAL from '@salesforce/label/c.Baton_Portfolio_Column_Potential';
import BATON_PORTFOLIO_COLUMN_SEGMENT from '@salesforce/label/c.Baton_Portfolio_Column_Segment';
import BATON_PORTFOLIO_COLUMN_STRATEGY from '@salesforce/label/c.Baton_Portfolio_Column_Strategy';
import BATON_PORTFOLIO_COLUMN_ACCOUNT_MANAGER from '@salesforce/label/c.Baton_Portfolio_Column_Account_Manager';
import BATON_PORTFOLIO_COLUMN_SELLER from '@salesforce/label/c.Baton_Portfolio_Column_Seller';
import BATON_PORTFOLIO_COLUMN_AGE from '@salesforce/label/c.Baton_Portfolio_Column_Age';
import BATON_PORTFOLIO_COLUMN_STATE from '@salesforce/label/c.Baton_Portfolio_Column_State';
import BATON_PORTFOLIO_COLUMN_HOURS from '@salesforce/label/c.Baton_Portfolio_Column_Hours';
import BATON_PORTFOLIO_COLUMN_CAPACITY from '@salesforce/label/c.Baton_Portfolio_Column_Capacity';
import BATON_PORTFOLIO_COLUMN_OVERDUE from '@salesforce/label/c.Baton_Portfolio_Column_Overdue';
import BATON_PORTFOLIO_COLUMN_UNTIL from '@salesforce/label/c.Baton_Portfolio_Column_Until';
import BATON_PORTFOLIO_COLUMN_SET_BY from '@salesforce/label/c.Baton_Portfolio_Column_Set_By';
import BATON_PORTFOLIO_COLUMN_CHANGE from '@salesforce/label/c.Baton_Portfolio_Column_Change';
import BATON_PORTFOLIO_COLUMN_DRIVER from '@salesforce/label/c.Baton_Portfolio_Column_Driver';
import BATON_PORTFOLIO_COLUMN_ACCEPT_RATE from '@salesforce/label/c.Baton_Portfolio_Column_Accept_Rate';
import BATON_PORTFOLIO_COLUMN_MEDIAN_DAYS from '@salesforce/label/c.Baton_Portfolio_Column_Median_Days';
import BATON_PORTFOLIO_CHART_TITLE from '@salesforce/label/c.Baton_Portfolio_Chart_Title';
import BATON_PORTFOLIO_CHART_DESCRIPTION from '@salesforce/label/c.Baton_Portfolio_Chart_Description';
import BATON_PORTFOLIO_CHART_POINT from '@salesforce/label/c.Baton_Portfolio_Chart_Point';
import BATON_PORTFOLIO_CHART_TABLE from '@salesforce/label/c.Baton_Portfolio_Chart_Table';
import BATON_PORTFOLIO_ACCOUNTS_TITLE from '@salesforce/label/c.Baton_Portfolio_Accounts_Title';
import BATON_PORTFOLIO_SEARCH from '@salesforce/label/c.Baton_Portfolio_Search';
import BATON_PORTFOLIO_EXPORT_CSV from '@salesforce/label/c.Baton_Portfolio_Export_Csv';
import BATON_PORTFOLIO_SORT_BY from '@salesforce/label/c.Baton_Portfolio_Sort_By';
import BATON_PORTFOLIO_QUEUE_TITLE from '@salesforce/label/c.Baton_Portfolio_Queue_Title';
import BATON_PORTFOLIO_QUEUE_EMPTY from '@salesforce/label/c.Baton_Portfolio_Queue_Empty';
import BATON_PORTFOLIO_STATE_AWAITING from '@salesforce/label/c.Baton_Portfolio_State_Awaiting';
import BATON_PORTFOLIO_STATE_OVERDUE from '@salesforce/label/c.Baton_Portfolio_State_Overdue';
import BATON_PORTFOLIO_STATE_RETURNED from '@salesforce/label/c.Baton_Portfolio_State_Returned';
import BATON_PORTFOLIO_ANSWER_RATES from '@salesforce/label/c.Baton_Portfolio_Answer_Rates';
import BATON_PORTFOLIO_WORKLOAD_TITLE from '@salesforce/label/c.Baton_Portfolio_Workload_Title';
import BATON_PORTFOLIO_OVER_CAPACITY from '@salesforce/label/c.Baton_Portfolio_Over_Capacity';
import BATON_PORTFOLIO_WITHIN_CAPACITY from '@salesforce/label/c.Baton_Portfolio_Within_Capacity';
import BATON_PORTFOLIO_MOVE_TITLE from '@salesforce/label/c.Baton_Portfolio_Move_Title';
import BATON_PORTFOLIO_MOVE_ACCOUNT from '@salesforce/label/c.Baton_Portfolio_Move_Account';
import BATON_PORTFOLIO_MOVE_TO from '@salesforce/label/c.Baton_Portfolio_Move_To';
import BATON_PORTFOLIO_MOVE_RESULT from '@salesforce/label/c.Baton_Portfolio_Move_Result';
import BATON_PORTFOLIO_MOVERS_TITLE from '@salesforce/label/c.Baton_Portfolio_Movers_Title';
import BATON_PORTFOLIO_MOVERS_EMPTY from '@salesforce/label/c.Baton_Portfolio_Movers_Empty';
import BATON_PORTFOLIO_OVERRIDES_TITLE from '@salesforce/label/c.Baton_Portfolio_Overrides_Title';
import BATON_PORTFOLIO_INSUFFICIENT_TITLE from '@salesforce/label/c.Baton_Portfolio_Insufficient_Title';
import BATON_PORTFOLIO_NONE from '@salesforce/label/c.Baton_Portfolio_None';
import BATON_PORTFOLIO_NPS_TITLE from '@salesforce/label/c.Baton_Portfolio_Nps_Title';
import BATON_PORTFOLIO_COLUMN_MONTH from '@salesforce/label/c.Baton_Portfolio_Column_Month';
import BATON_PORTFOLIO_COLUMN_NPS from '@salesforce/label/c.Baton_Portfolio_Column_Nps';
import BATON_PORTFOLIO_COLUMN_RESPONSES from '@salesforce/label/c.Baton_Portfolio_Column_Responses';
import BATON_TIER_HIGH from '@salesforce/label/c.Baton_Tier_High';
import BATON_TIER_LOW from '@salesforce/label/c.Baton_Tier_Low';
import BATON_TIER_TECH from '@salesforce/label/c.Baton_Tier_Tech';
import BATON_STAGE_ONBOARDING from '@salesforce/label/c.Baton_Stage_Onboarding';
import BATON_STAGE_ADOPTION from '@salesforce/label/c.Baton_Stage_Adoption';
import BATON_STAGE_RETENTION from '@salesforce/label/c.Baton_Stage_Retention';
import BATON_STAGE_EXPANSION from '@salesforce/label/c.Baton_Stage_Expansion';
import BATON_STAGE_ADVOCACY from '@salesforce/label/c.Baton_Stage_Advocacy';
import BATON_STAGE_CHURNED from '@salesforce/label/c.Baton_Stage_Churned';
import BATON_STRATEGY_PROTECT_GROW from '@salesforce/label/c.Baton_Portfolio_Strategy_Protect_Grow';
import BATON_STRATEGY_PROTECT from '@salesforce/label/c.Baton_Portfolio_Strategy_Protect';
import BATON_STRATEGY_GROW from '@salesforce/label/c.Baton_Portfolio_Strategy_Grow';
import BATON_STRATEGY_STREAMLINE from '@salesforce/label/c.Baton_Portfolio_Strategy_Streamline';
import CURRENCY from '@salesforce/i18n/currency';
import { formatMoney as formatMoneyIn } from 'c/localeFormat';

export const LABELS = {
  language: BATON_HEALTH_LANGUAGE,
  title: BATON_PORTFOLIO_TITLE,
  filters: BATON_PORTFOLIO_FILTERS,
  filterAll: BATON_PORTFOLIO_FILTER_ALL,
  filterAccountManager: BATON_PORTFOLIO_FILTER_ACCOUNT_MANAGER,
  filterTier: BATON_PORTFOLIO_FILTER_TIER,
  filterSegment: BATON_PORTFOLIO_FILTER_SEGMENT,
  filterStage: BATON_PORTFOLIO_FILTER_STAGE,
  loadError: BATON_PORTFOLIO_LOAD_ERROR,
  empty: BATON_PORTFOLIO_EMPTY,
  accountsShown: BATON_PORTFOLIO_ACCOUNTS_SHOWN,
  arrAtRisk: BATON_PORTFOLIO_ARR_AT_RISK,
  churnRate: BATON_PORTFOLIO_CHURN_RATE,
  grossRetention: BATON_PORTFOLIO_GROSS_RETENTION,
  netRetention: BATON_PORTFOLIO_NET_RETENTION,
  trialConversion: BATON_PORTFOLIO_TRIAL_CONVERSION,
  npsLatest: BATON_PORTFOLIO_NPS_LATEST,
  notAvailable: BATON_PORTFOLIO_NOT_AVAILABLE,
  healthByBand: BATON_PORTFOLIO_HEALTH_BY_BAND,
  columnStatus: BATON_PORTFOLIO_COLUMN_STATUS,
  columnAccounts: BATON_PORTFOLIO_COLUMN_ACCOUNTS,
  columnArr: BATON_PORTFOLIO_COLUMN_ARR,
  columnAccount: BATON_PORTFOLIO_COLUMN_ACCOUNT,
  columnValue: BATON_PORTFOLIO_COLUMN_VALUE,
  columnPotential: BATON_PORTFOLIO_COLUMN_POTENTIAL,
  columnSegment: BATON_PORTFOLIO_COLUMN_SEGMENT,
  columnStrategy: BATON_PORTFOLIO_COLUMN_STRATEGY,
  columnAccountManager: BATON_PORTFOLIO_COLUMN_ACCOUNT_MANAGER,
  columnSeller: BATON_PORTFOLIO_COLUMN_SELLER,
  columnAge: BATON_PORTFOLIO_COLUMN_AGE,
  columnState: BATON_PORTFOLIO_COLUMN_STATE,
  columnHours: BATON_PORTFOLIO_COLUMN_HOURS,
  columnCapacity: BATON_PORTFOLIO_COLUMN_CAPACITY,
  columnOverdue: BATON_PORTFOLIO_COLUMN_OVERDUE,
  columnUntil: BATON_PORTFOLIO_COLUMN_UNTIL,
  columnSetBy: BATON_PORTFOLIO_COLUMN_SET_BY,
  columnChange: BATON_PORTFOLIO_COLUMN_CHANGE,
  columnDriver: BATON_PORTFOLIO_COLUMN_DRIVER,
  columnAcceptRate: BATON_PORTFOLIO_COLUMN_ACCEPT_RATE,
  columnMedianDays: BATON_PORTFOLIO_COLUMN_MEDIAN_DAYS,
  chartTitle: BATON_PORTFOLIO_CHART_TITLE,
  chartDescription: BATON_PORTFOLIO_CHART_DESCRIPTION,
  chartPoint: BATON_PORTFOLIO_CHART_POINT,
  chartTable: BATON_PORTFOLIO_CHART_TABLE,
  accountsTitle: BATON_PORTFOLIO_ACCOUNTS_TITLE,
  search: BATON_PORTFOLIO_SEARCH,
  exportCsv: BATON_PORTFOLIO_EXPORT_CSV,
  sortBy: BATON_PORTFOLIO_SORT_BY,
  queueTitle: BATON_PORTFOLIO_QUEUE_TITLE,
  queueEmpty: BATON_PORTFOLIO_QUEUE_EMPTY,
  stateAwaiting: BATON_PORTFOLIO_STATE_AWAITING,
  stateOverdue: BATON_PORTFOLIO_STATE_OVERDUE,
  stateReturned: BATON_PORTFOLIO_STATE_RETURNED,
  answerRates: BATON_PORTFOLIO_ANSWER_RATES,
  workloadTitle: BATON_PORTFOLIO_WORKLOAD_TITLE,
  overCapacity: BATON_PORTFOLIO_OVER_CAPACITY,
  withinCapacity: BATON_PORTFOLIO_WITHIN_CAPACITY,
  moveTitle: BATON_PORTFOLIO_MOVE_TITLE,
  moveAccount: BATON_PORTFOLIO_MOVE_ACCOUNT,
  moveTo: BATON_PORTFOLIO_MOVE_TO,
  moveResult: BATON_PORTFOLIO_MOVE_RESULT,
  moversTitle: BATON_PORTFOLIO_MOVERS_TITLE,
  moversEmpty: BATON_PORTFOLIO_MOVERS_EMPTY,
  overridesTitle: BATON_PORTFOLIO_OVERRIDES_TITLE,
  insufficientTitle: BATON_PORTFOLIO_INSUFFICIENT_TITLE,
  none: BATON_PORTFOLIO_NONE,
  npsTitle: BATON_PORTFOLIO_NPS_TITLE,
  columnMonth: BATON_PORTFOLIO_COLUMN_MONTH,
  columnNps: BATON_PORTFOLIO_COLUMN_NPS,
  columnResponses: BATON_PORTFOLIO_COLUMN_RESPONSES
};

// The health panel's words for the stored statuses, so both views name a band alike.
const STATUS_WORDS = {
  Green: BATON_HEALTH_STATUS_GREEN,
  Yellow: BATON_HEALTH_STATUS_YELLOW,
  Red: BATON_HEALTH_STATUS_RED,
  'Insufficient data': BATON_HEALTH_STATUS_INSUFFICIENT_DATA
};

// Stored picklist values (the API values the controller sends) in the user's words, as the
// fields' Finnish picklist translations name them on the record page.
const VALUE_WORDS = {
  tier: { High: BATON_TIER_HIGH, Low: BATON_TIER_LOW, Tech: BATON_TIER_TECH },
  stage: {
    Onboarding: BATON_STAGE_ONBOARDING,
    Adoption: BATON_STAGE_ADOPTION,
    Retention: BATON_STAGE_RETENTION,
    Expansion: BATON_STAGE_EXPANSION,
    Advocacy: BATON_STAGE_ADVOCACY,
    Churned: BATON_STAGE_CHURNED
  },
  strategy: {
    'Protect + Grow': BATON_STRATEGY_PROTECT_GROW,
    Protect: BATON_STRATEGY_PROTECT,
    Grow: BATON_STRATEGY_GROW,
    Streamline: BATON_STRATEGY_STREAMLINE
  }
};

/** A stored tier, stage or strategy value in the user's language; an unknown one as stored. */
export const valueText = (kind, value) => (value ? (VALUE_WORDS[kind][value] ?? value) : '');

/** A stored health status in the user's language ('–' for none). */
export const statusText = (status) => (status ? (STATUS_WORDS[status] ?? status) : '–');

/** A label with {0}, {1}… filled in, as Lightning formats them. */
export const fill = (label, ...values) =>
  label.replace(/\{(\d+)\}/g, (match, index) => String(values[Number(index)] ?? ''));

const locale = () => (LABELS.language === 'fi' ? 'fi-FI' : 'en-US');

/** A number in the user's language (decimal comma and space grouping in Finnish). */
// A formatter is costly to make and the page formats thousands of numbers: one per precision.
const formatters = new Map();

export function formatNumber(value, decimals = 0) {
  if (value === null || value === undefined) return '';
  if (!formatters.has(decimals))
    formatters.set(decimals, new Intl.NumberFormat(locale(), { maximumFractionDigits: decimals }));
  return formatters.get(decimals).format(value);
}

/** An amount in the org's currency, in whole units, as the user's language writes it (188 172 €). */
export function formatMoney(value) {
  return formatMoneyIn(value, locale(), CURRENCY);
}

/** A 0–1 ratio as a whole percent, or the not-available text. */
export function formatPercent(ratio) {
  if (ratio === null || ratio === undefined) return LABELS.notAvailable;
  return new Intl.NumberFormat(locale(), { style: 'percent' }).format(ratio);
}
