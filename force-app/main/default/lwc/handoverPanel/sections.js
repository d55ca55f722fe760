import entriesSecondaryContacts from '@salesforce/label/c.Baton_Handover_Error_Secondary_Contacts';
import { LABELS } from './labels';

// The six sections a seller fills, in the order the account manager reads them. Each field
// names its Handover__c API name; `kind` picks the input (radio groups rather than
// comboboxes: short lists, one click, and they render everywhere). `entriesMessage` names
// what a one-per-line list needs more of.
const options = (pairs) => pairs.map(([value, label]) => ({ value, label }));

const LICENSE_TIERS = options([
  ['Gold', LABELS.licenseTierGold],
  ['Silver', LABELS.licenseTierSilver],
  ['Bronze', LABELS.licenseTierBronze]
]);
const FITS = options([
  ['Good', LABELS.fitGood],
  ['Stretch', LABELS.fitStretch],
  ['Bad', LABELS.fitBad]
]);
export const TIERS = options([
  ['High', LABELS.tierHigh],
  ['Low', LABELS.tierLow],
  ['Tech', LABELS.tierTech]
]);
const VALUE_TYPES = options([
  ['Technical', LABELS.valueTechnical],
  ['Practical', LABELS.valuePractical],
  ['Experiential', LABELS.valueExperiential],
  ['Supportive', LABELS.valueSupportive]
]);

export const SECTIONS = [
  {
    key: 'deal',
    title: LABELS.sectionDeal,
    fields: [
      { name: 'What_Was_Sold__c', label: LABELS.fieldWhatWasSold, kind: 'textarea' },
      {
        name: 'License_Tier__c',
        label: LABELS.fieldLicenseTier,
        kind: 'radio',
        options: LICENSE_TIERS
      },
      { name: 'ARR__c', label: LABELS.fieldArr, kind: 'currency' },
      { name: 'Contract_Start__c', label: LABELS.fieldContractStart, kind: 'date' }
    ]
  },
  {
    key: 'people',
    title: LABELS.sectionPeople,
    fields: [
      {
        name: 'Account_Manager__c',
        label: LABELS.fieldAccountManager,
        kind: 'radio',
        source: 'accountManagers'
      },
      {
        name: 'Primary_Contact__c',
        label: LABELS.fieldPrimaryContact,
        kind: 'radio',
        source: 'contacts'
      },
      {
        name: 'Secondary_Contacts__c',
        label: LABELS.fieldSecondaryContacts,
        kind: 'textarea',
        entriesMessage: entriesSecondaryContacts
      },
      { name: 'Decision_Makers__c', label: LABELS.fieldDecisionMakers, kind: 'textarea' }
    ]
  },
  {
    key: 'success',
    title: LABELS.sectionSuccess,
    fields: [
      { name: 'Success_Criteria__c', label: LABELS.fieldSuccessCriteria, kind: 'textarea' },
      { name: 'First_Year_Goal__c', label: LABELS.fieldFirstYearGoal, kind: 'textarea' },
      { name: 'Why_They_Bought__c', label: LABELS.fieldWhyTheyBought, kind: 'textarea' },
      {
        name: 'Value_Type__c',
        label: LABELS.fieldValueType,
        kind: 'checkboxes',
        options: VALUE_TYPES
      }
    ]
  },
  {
    key: 'commitments',
    title: LABELS.sectionCommitments,
    fields: [
      {
        name: 'Promises__c',
        label: LABELS.fieldPromises,
        kind: 'textarea',
        help: LABELS.helpPromises
      },
      { name: 'Meeting_Practices__c', label: LABELS.fieldMeetingPractices, kind: 'textarea' },
      {
        name: 'Account_Manager_Notes__c',
        label: LABELS.fieldAccountManagerNotes,
        kind: 'textarea'
      }
    ]
  },
  {
    key: 'delivery',
    title: LABELS.sectionDelivery,
    fields: [
      { name: 'Technical_Needs__c', label: LABELS.fieldTechnicalNeeds, kind: 'textarea' },
      { name: 'Risks__c', label: LABELS.fieldRisks, kind: 'textarea' }
    ]
  },
  {
    key: 'fit',
    title: LABELS.sectionFit,
    fields: [
      { name: 'Fit__c', label: LABELS.fieldFit, kind: 'radio', options: FITS },
      {
        name: 'Proposed_Touch_Tier__c',
        label: LABELS.fieldProposedTier,
        kind: 'radio',
        options: TIERS
      },
      { name: 'Competitors__c', label: LABELS.fieldCompetitors, kind: 'textarea' }
    ]
  }
];
