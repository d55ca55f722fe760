// Every text the tier & cadence card shows, from Custom Labels (English, with Finnish translations).
import TOUCH_TIER from '@salesforce/label/c.Baton_Touch_Tier';
import SUGGESTED_TIER from '@salesforce/label/c.Baton_Suggested_Touch_Tier';
import TIER_HIGH from '@salesforce/label/c.Baton_Tier_High';
import TIER_LOW from '@salesforce/label/c.Baton_Tier_Low';
import TIER_TECH from '@salesforce/label/c.Baton_Tier_Tech';
import TITLE from '@salesforce/label/c.Baton_Tier_Card_Title';
import REASON from '@salesforce/label/c.Baton_Tier_Card_Reason';
import STRATEGIC from '@salesforce/label/c.Baton_Tier_Card_Strategic';
import OVERRIDDEN from '@salesforce/label/c.Baton_Tier_Card_Overridden';
import OVERRIDE_REASON from '@salesforce/label/c.Baton_Tier_Card_Override_Reason';
import NO_TIER from '@salesforce/label/c.Baton_Tier_Card_No_Tier';
import ONBOARDING_MODEL from '@salesforce/label/c.Baton_Tier_Card_Onboarding_Model';
import MODEL_AGREED from '@salesforce/label/c.Baton_Tier_Card_Model_Agreed';
import FIRST_VALUE from '@salesforce/label/c.Baton_Tier_Card_First_Value';
import NO_FIRST_VALUE from '@salesforce/label/c.Baton_Tier_Card_No_First_Value';
import TIME_TO_VALUE from '@salesforce/label/c.Baton_Tier_Card_Time_To_Value';
import FIRST_VALUE_TARGET from '@salesforce/label/c.Baton_Tier_Card_First_Value_Target';
import FIRST_VALUE_LATE from '@salesforce/label/c.Baton_Tier_Card_First_Value_Late';
import NEXT from '@salesforce/label/c.Baton_Tier_Card_Next';
import NONE from '@salesforce/label/c.Baton_Tier_Card_None';
import OVERDUE from '@salesforce/label/c.Baton_Tier_Card_Overdue';
import AUTOMATED from '@salesforce/label/c.Baton_Tier_Card_Automated';
import OWNER from '@salesforce/label/c.Baton_Tier_Card_Owner';
import DUE from '@salesforce/label/c.Baton_Tier_Card_Due';
import OVERRIDE_BUTTON from '@salesforce/label/c.Baton_Tier_Card_Override_Button';
import CLEAR_BUTTON from '@salesforce/label/c.Baton_Tier_Card_Clear_Button';
import SAVE from '@salesforce/label/c.Baton_Tier_Card_Save';
import CANCEL from '@salesforce/label/c.Baton_Tier_Card_Cancel';
import REASON_REQUIRED from '@salesforce/label/c.Baton_Tier_Card_Reason_Required';
import LOAD_ERROR from '@salesforce/label/c.Baton_Tier_Card_Load_Error';
import SAVE_ERROR from '@salesforce/label/c.Baton_Tier_Card_Save_Error';

import CADENCE from '@salesforce/label/c.Baton_Tier_Card_Cadence';
import CADENCE_FIRST_HANDOVER from '@salesforce/label/c.Baton_Tier_Card_Cadence_First_Handover';
import CADENCE_FIRST_CONTRACT from '@salesforce/label/c.Baton_Tier_Card_Cadence_First_Contract';
import CADENCE_FIRST_NOW from '@salesforce/label/c.Baton_Tier_Card_Cadence_First_Now';
import CADENCE_SUCCESS_CHECK from '@salesforce/label/c.Baton_Tier_Card_Cadence_Success_Check';
import CADENCE_GOAL_REVIEW from '@salesforce/label/c.Baton_Tier_Card_Cadence_Goal_Review';
import CADENCE_SURVEY from '@salesforce/label/c.Baton_Tier_Card_Cadence_Survey';
import CADENCE_MEETINGS from '@salesforce/label/c.Baton_Tier_Card_Cadence_Meetings';
import CADENCE_NO_MEETINGS from '@salesforce/label/c.Baton_Tier_Card_Cadence_No_Meetings';
import TASK_KICKOFF from '@salesforce/label/c.Baton_Task_Kickoff';
import TASK_FIRST_CONTACT from '@salesforce/label/c.Baton_Task_First_Contact';
import TASK_WELCOME from '@salesforce/label/c.Baton_Task_Welcome';
import TASK_SUCCESS_CHECK from '@salesforce/label/c.Baton_Task_Success_Check';
import TASK_GOAL_REVIEW from '@salesforce/label/c.Baton_Task_Goal_Review';
import TASK_CSAT_SURVEY from '@salesforce/label/c.Baton_Task_Csat_Survey';
import TASK_RECURRING_MEETING from '@salesforce/label/c.Baton_Task_Recurring_Meeting';
import LANGUAGE from '@salesforce/label/c.Baton_Health_Language';

export const LABELS = {
  language: LANGUAGE,
  touchTier: TOUCH_TIER,
  suggestedTier: SUGGESTED_TIER,
  tiers: { High: TIER_HIGH, Low: TIER_LOW, Tech: TIER_TECH },
  title: TITLE,
  reason: REASON,
  strategic: STRATEGIC,
  overridden: OVERRIDDEN,
  overrideReason: OVERRIDE_REASON,
  noTier: NO_TIER,
  onboardingModel: ONBOARDING_MODEL,
  modelAgreed: MODEL_AGREED,
  firstValue: FIRST_VALUE,
  noFirstValue: NO_FIRST_VALUE,
  timeToValue: TIME_TO_VALUE,
  firstValueTarget: FIRST_VALUE_TARGET,
  firstValueLate: FIRST_VALUE_LATE,
  next: NEXT,
  none: NONE,
  overdue: OVERDUE,
  automated: AUTOMATED,
  owner: OWNER,
  due: DUE,
  overrideButton: OVERRIDE_BUTTON,
  clearButton: CLEAR_BUTTON,
  save: SAVE,
  cancel: CANCEL,
  reasonRequired: REASON_REQUIRED,
  loadError: LOAD_ERROR,
  saveError: SAVE_ERROR,
  cadence: CADENCE,
  cadenceFirstHandover: CADENCE_FIRST_HANDOVER,
  cadenceFirstContract: CADENCE_FIRST_CONTRACT,
  cadenceFirstNow: CADENCE_FIRST_NOW,
  cadenceSuccessCheck: CADENCE_SUCCESS_CHECK,
  cadenceGoalReview: CADENCE_GOAL_REVIEW,
  cadenceSurvey: CADENCE_SURVEY,
  cadenceMeetings: CADENCE_MEETINGS,
  cadenceNoMeetings: CADENCE_NO_MEETINGS,
  // The first touchpoint's name, as its Task is called (Tier_Cadence__mdt.First_Contact_Kind__c).
  firstContactKinds: {
    kickoff: TASK_KICKOFF,
    'first-contact': TASK_FIRST_CONTACT,
    welcome: TASK_WELCOME
  },
  // Each planned touchpoint by its kind (Touchpoint_Key__c), in the reader's language: a
  // Task's Subject is in its owner's.
  touchpointKinds: {
    kickoff: TASK_KICKOFF,
    'first-contact': TASK_FIRST_CONTACT,
    welcome: TASK_WELCOME,
    'success-check': TASK_SUCCESS_CHECK,
    'goal-review': TASK_GOAL_REVIEW,
    'csat-survey': TASK_CSAT_SURVEY,
    'recurring-meeting': TASK_RECURRING_MEETING
  }
};
