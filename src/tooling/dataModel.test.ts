import { join } from 'node:path';
import { loadModel } from './metadataModel';
import { listFiles } from './problem';
import { child, children, parseXml, text } from './xmlCheck';
import { REPO_ROOT } from './testCopy';

// The API names the whole team relies on (team brief, "Data model API names"). Tools, docs
// and the local org use them verbatim, so a rename must fail here first.
const BRIEF: Record<string, Record<string, string>> = {
  Account: {
    Touch_Tier__c: 'Picklist',
    Suggested_Touch_Tier__c: 'Picklist',
    Touch_Tier_Override_Reason__c: 'Text',
    License_Tier__c: 'Picklist',
    MRR__c: 'Currency',
    Growth_Potential__c: 'Number',
    Strategic_Account__c: 'Checkbox',
    Account_Manager__c: 'Lookup',
    Customer_Stage__c: 'Picklist',
    Contract_Start__c: 'Date',
    Onboarding_Started__c: 'Date',
    First_Value_At__c: 'Date',
    Health_Score__c: 'Number',
    Health_Status__c: 'Picklist',
    Health_Trend__c: 'Number',
    Health_Coverage__c: 'Number',
    Health_Scored_At__c: 'DateTime',
    Health_Override__c: 'Picklist',
    Health_Override_Reason__c: 'Text',
    Health_Override_Until__c: 'Date',
    Next_Touchpoint_Due__c: 'Date',
    Licensed_Seats__c: 'Number',
    Overdue_Invoices__c: 'Number',
    CSM_Sentiment__c: 'Picklist',
    CSM_Sentiment_Date__c: 'Date',
    External_Id__c: 'Text',
    Health_Alert_Status__c: 'Text'
  },
  Handover__c: {
    Account__c: 'MasterDetail',
    Status__c: 'Picklist',
    Seller__c: 'Lookup',
    Account_Manager__c: 'Lookup',
    Opportunity__c: 'Lookup',
    Contract_Start__c: 'Date',
    What_Was_Sold__c: 'LongTextArea',
    License_Tier__c: 'Picklist',
    ARR__c: 'Currency',
    Primary_Contact__c: 'Lookup',
    Secondary_Contacts__c: 'LongTextArea',
    Success_Criteria__c: 'LongTextArea',
    First_Year_Goal__c: 'LongTextArea',
    Why_They_Bought__c: 'LongTextArea',
    Value_Type__c: 'MultiselectPicklist',
    Promises__c: 'LongTextArea',
    Technical_Needs__c: 'LongTextArea',
    Risks__c: 'LongTextArea',
    Fit__c: 'Picklist',
    Decision_Makers__c: 'LongTextArea',
    Competitors__c: 'LongTextArea',
    Meeting_Practices__c: 'LongTextArea',
    Proposed_Touch_Tier__c: 'Picklist',
    Onboarding_Model__c: 'Text',
    Return_Reason__c: 'LongTextArea',
    Submitted_At__c: 'DateTime',
    Accepted_At__c: 'DateTime',
    Returned_At__c: 'DateTime',
    Feed_Element_Id__c: 'Text'
  },
  Survey_Response__c: {
    Account__c: 'Lookup',
    Contact__c: 'Lookup',
    Type__c: 'Picklist',
    Score__c: 'Number',
    Channel__c: 'Picklist',
    Responded_On__c: 'Date',
    Comment__c: 'LongTextArea',
    External_Key__c: 'Text'
  },
  Usage_Snapshot__c: {
    Account__c: 'Lookup',
    Period_End__c: 'Date',
    Active_Users__c: 'Number',
    Logins__c: 'Number',
    Cancel_Page_Visits__c: 'Number',
    External_Key__c: 'Text'
  },
  Health_Snapshot__c: {
    Account__c: 'Lookup',
    Score__c: 'Number',
    Status__c: 'Picklist',
    Coverage__c: 'Number',
    Breakdown__c: 'LongTextArea',
    Computed_At__c: 'DateTime',
    Snapshot_Key__c: 'Text'
  },
  Activity: { Touchpoint_Key__c: 'Text', Automated_Step__c: 'Checkbox' }
};

const PICKLISTS: [string, string, string[]][] = [
  ['Account', 'Touch_Tier__c', ['High', 'Low', 'Tech']],
  ['Account', 'Health_Status__c', ['Green', 'Yellow', 'Red', 'Insufficient data']],
  [
    'Account',
    'Customer_Stage__c',
    ['Onboarding', 'Adoption', 'Retention', 'Expansion', 'Advocacy', 'Churned']
  ],
  ['Handover__c', 'Status__c', ['Draft', 'Submitted', 'Accepted', 'Returned']],
  ['Handover__c', 'Value_Type__c', ['Technical', 'Practical', 'Experiential', 'Supportive']],
  ['Survey_Response__c', 'Type__c', ['NPS', 'CSAT', 'CES']],
  ['Health_Snapshot__c', 'Status__c', ['Green', 'Yellow', 'Red', 'Insufficient data']]
];

describe('Baton data model in force-app', () => {
  const files = listFiles(join(REPO_ROOT, 'force-app'));
  const model = loadModel(files);

  it.each(Object.keys(BRIEF))('it_should_define_every_%s_field_with_its_type', (objectName) => {
    const fields = model.objects.get(objectName)?.fields ?? new Map();
    const actual = Object.fromEntries(
      Object.keys(BRIEF[objectName]).map((f) => [f, fields.get(f)?.type])
    );
    expect(actual).toEqual(BRIEF[objectName]);
  });

  it.each(PICKLISTS)('it_should_give_%s.%s_the_values_in_order', (objectName, field, values) => {
    expect(model.objects.get(objectName)?.fields.get(field)?.values).toEqual(values);
  });

  it('it_should_default_a_new_handover_to_draft', () => {
    expect(model.objects.get('Handover__c')?.fields.get('Status__c')?.defaults).toEqual(['Draft']);
  });

  it('it_should_ship_the_four_permission_sets', () => {
    const names = files
      .filter((f) => f.endsWith('.permissionset-meta.xml'))
      .map((f) => f.replace(/.*\//, ''));
    expect(names).toEqual(
      expect.arrayContaining(
        ['Baton_Account_Manager', 'Baton_Admin', 'Baton_CS_Lead', 'Baton_Seller'].map(
          (n) => `${n}.permissionset-meta.xml`
        )
      )
    );
  });

  it('it_should_name_only_real_handover_fields_in_handover_requirements', () => {
    // A misspelt field would silently make a requirement never apply.
    const handoverFields = model.objects.get('Handover__c')?.fields ?? new Map();
    const named = files
      .filter((file) => /\/Handover_Requirement\.[^/]+\.md-meta\.xml$/.test(file))
      .flatMap((file) =>
        children(child(parseXml(file), 'CustomMetadata'), 'values')
          .filter((entry) => text(entry, 'field') === 'Field__c')
          .map((entry) => text(entry, 'value'))
      );
    expect(named.filter((field) => !handoverFields.has(field))).toEqual([]);
  });
});
