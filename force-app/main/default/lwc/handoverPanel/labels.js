// Every visible string of the handover panel, from Custom Labels (English + Finnish).

import title from '@salesforce/label/c.Baton_Handover_Title';
import sectionDeal from '@salesforce/label/c.Baton_Handover_Section_Deal';
import sectionPeople from '@salesforce/label/c.Baton_Handover_Section_People';
import sectionSuccess from '@salesforce/label/c.Baton_Handover_Section_Success';
import sectionCommitments from '@salesforce/label/c.Baton_Handover_Section_Commitments';
import sectionDelivery from '@salesforce/label/c.Baton_Handover_Section_Delivery';
import sectionFit from '@salesforce/label/c.Baton_Handover_Section_Fit';
import fieldWhatWasSold from '@salesforce/label/c.Baton_Handover_Field_What_Was_Sold';
import fieldLicenseTier from '@salesforce/label/c.Baton_Handover_Field_License_Tier';
import fieldArr from '@salesforce/label/c.Baton_Handover_Field_ARR';
import fieldContractStart from '@salesforce/label/c.Baton_Handover_Field_Contract_Start';
import fieldAccountManager from '@salesforce/label/c.Baton_Handover_Field_Account_Manager';
import fieldPrimaryContact from '@salesforce/label/c.Baton_Handover_Field_Primary_Contact';
import fieldSecondaryContacts from '@salesforce/label/c.Baton_Handover_Field_Secondary_Contacts';
import fieldDecisionMakers from '@salesforce/label/c.Baton_Handover_Field_Decision_Makers';
import fieldSuccessCriteria from '@salesforce/label/c.Baton_Handover_Field_Success_Criteria';
import fieldFirstYearGoal from '@salesforce/label/c.Baton_Handover_Field_First_Year_Goal';
import fieldWhyTheyBought from '@salesforce/label/c.Baton_Handover_Field_Why_They_Bought';
import fieldValueType from '@salesforce/label/c.Baton_Handover_Field_Value_Type';
import fieldPromises from '@salesforce/label/c.Baton_Handover_Field_Promises';
import fieldMeetingPractices from '@salesforce/label/c.Baton_Handover_Field_Meeting_Practices';
import fieldAccountManagerNotes from '@salesforce/label/c.Baton_Handover_Field_Account_Manager_Notes';
import fieldTechnicalNeeds from '@salesforce/label/c.Baton_Handover_Field_Technical_Needs';
import fieldRisks from '@salesforce/label/c.Baton_Handover_Field_Risks';
import fieldCompetitors from '@salesforce/label/c.Baton_Handover_Field_Competitors';
import fieldFit from '@salesforce/label/c.Baton_Handover_Field_Fit';
import fieldProposedTier from '@salesforce/label/c.Baton_Handover_Field_Proposed_Tier';
import fieldReturnReason from '@salesforce/label/c.Baton_Handover_Field_Return_Reason';
import helpPromises from '@salesforce/label/c.Baton_Handover_Help_Promises';
import valueTechnical from '@salesforce/label/c.Baton_Handover_Value_Technical';
import valuePractical from '@salesforce/label/c.Baton_Handover_Value_Practical';
import valueExperiential from '@salesforce/label/c.Baton_Handover_Value_Experiential';
import valueSupportive from '@salesforce/label/c.Baton_Handover_Value_Supportive';
import suggestedTier from '@salesforce/label/c.Baton_Handover_Suggested_Tier';
import onboardingModel from '@salesforce/label/c.Baton_Handover_Onboarding_Model';
import requiredNote from '@salesforce/label/c.Baton_Handover_Required_Note';
import saveDraft from '@salesforce/label/c.Baton_Handover_Save_Draft';
import submit from '@salesforce/label/c.Baton_Handover_Submit';
import accept from '@salesforce/label/c.Baton_Handover_Accept';
import returnToSeller from '@salesforce/label/c.Baton_Handover_Return';
import confirmReturn from '@salesforce/label/c.Baton_Handover_Confirm_Return';
import cancel from '@salesforce/label/c.Baton_Handover_Cancel';
import draftSaved from '@salesforce/label/c.Baton_Handover_Draft_Saved';
import submittedMessage from '@salesforce/label/c.Baton_Handover_Submitted_Message';
import completedOwnMessage from '@salesforce/label/c.Baton_Handover_Completed_Own_Message';
import acceptedMessage from '@salesforce/label/c.Baton_Handover_Accepted_Message';
import acceptedExisting from '@salesforce/label/c.Baton_Handover_Accepted_Existing';
import acceptedNewAm from '@salesforce/label/c.Baton_Handover_Accepted_New_AM';
import returnedMessage from '@salesforce/label/c.Baton_Handover_Returned_Message';
import fixBeforeSubmit from '@salesforce/label/c.Baton_Handover_Fix_Before_Submit';
import saveFailed from '@salesforce/label/c.Baton_Handover_Save_Failed';
import loadFailed from '@salesforce/label/c.Baton_Handover_Load_Failed';
import status from '@salesforce/label/c.Baton_Handover_Status';
import submittedAt from '@salesforce/label/c.Baton_Handover_Submitted_At';
import acceptedAt from '@salesforce/label/c.Baton_Handover_Accepted_At';
import returnedAt from '@salesforce/label/c.Baton_Handover_Returned_At';
import answerDue from '@salesforce/label/c.Baton_Handover_Answer_Due';
import overdue from '@salesforce/label/c.Baton_Handover_Overdue';
import viewPost from '@salesforce/label/c.Baton_Handover_View_Post';
import returnedBanner from '@salesforce/label/c.Baton_Handover_Returned_Banner';
import waitingForAm from '@salesforce/label/c.Baton_Handover_Waiting_For_AM';
import prefilledFrom from '@salesforce/label/c.Baton_Handover_Prefilled_From';
import noAccountManagers from '@salesforce/label/c.Baton_Handover_No_Account_Managers';
import noContacts from '@salesforce/label/c.Baton_Handover_No_Contacts';
import loading from '@salesforce/label/c.Baton_Handover_Loading';
import edit from '@salesforce/label/c.Baton_Handover_Edit';
import fitGood from '@salesforce/label/c.Baton_Fit_Good';
import fitStretch from '@salesforce/label/c.Baton_Fit_Stretch';
import fitBad from '@salesforce/label/c.Baton_Fit_Bad';
import tierHigh from '@salesforce/label/c.Baton_Tier_High';
import tierLow from '@salesforce/label/c.Baton_Tier_Low';
import tierTech from '@salesforce/label/c.Baton_Tier_Tech';
import licenseTierGold from '@salesforce/label/c.Baton_License_Tier_Gold';
import licenseTierSilver from '@salesforce/label/c.Baton_License_Tier_Silver';
import licenseTierBronze from '@salesforce/label/c.Baton_License_Tier_Bronze';
import statusDraft from '@salesforce/label/c.Baton_Handover_Status_Draft';
import statusSubmitted from '@salesforce/label/c.Baton_Handover_Status_Submitted';
import statusAccepted from '@salesforce/label/c.Baton_Handover_Status_Accepted';
import statusReturned from '@salesforce/label/c.Baton_Handover_Status_Returned';
import answerIntro from '@salesforce/label/c.Baton_Handover_Answer_Intro';
import startNext from '@salesforce/label/c.Baton_Handover_Start_Next';
import startNextHelp from '@salesforce/label/c.Baton_Handover_Start_Next_Help';
import fixBeforeSave from '@salesforce/label/c.Baton_Handover_Fix_Before_Save';

export const LABELS = {
  title,
  sectionDeal,
  sectionPeople,
  sectionSuccess,
  sectionCommitments,
  sectionDelivery,
  sectionFit,
  fieldWhatWasSold,
  fieldLicenseTier,
  fieldArr,
  fieldContractStart,
  fieldAccountManager,
  fieldPrimaryContact,
  fieldSecondaryContacts,
  fieldDecisionMakers,
  fieldSuccessCriteria,
  fieldFirstYearGoal,
  fieldWhyTheyBought,
  fieldValueType,
  fieldPromises,
  fieldMeetingPractices,
  fieldAccountManagerNotes,
  fieldTechnicalNeeds,
  fieldRisks,
  fieldCompetitors,
  fieldFit,
  fieldProposedTier,
  fieldReturnReason,
  helpPromises,
  valueTechnical,
  valuePractical,
  valueExperiential,
  valueSupportive,
  suggestedTier,
  onboardingModel,
  requiredNote,
  saveDraft,
  submit,
  accept,
  returnToSeller,
  confirmReturn,
  cancel,
  draftSaved,
  submittedMessage,
  completedOwnMessage,
  acceptedMessage,
  acceptedExisting,
  acceptedNewAm,
  returnedMessage,
  fixBeforeSubmit,
  saveFailed,
  loadFailed,
  status,
  submittedAt,
  acceptedAt,
  returnedAt,
  answerDue,
  overdue,
  viewPost,
  returnedBanner,
  waitingForAm,
  prefilledFrom,
  noAccountManagers,
  noContacts,
  loading,
  edit,
  fitGood,
  fitStretch,
  fitBad,
  tierHigh,
  tierLow,
  tierTech,
  licenseTierGold,
  licenseTierSilver,
  licenseTierBronze,
  statusDraft,
  statusSubmitted,
  statusAccepted,
  statusReturned,
  answerIntro,
  startNext,
  startNextHelp,
  fixBeforeSave
};
