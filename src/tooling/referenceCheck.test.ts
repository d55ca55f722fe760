import { problemsIntroducedBy } from './testCopy';

// Each case builds and converts a copy of the whole package; on a busy 2-core CI machine that
// takes well over jest's default 5 s.
jest.setTimeout(60_000);

const DEFAULT = 'force-app/main/default';

const LAYOUT = `<?xml version="1.0" encoding="UTF-8"?>
<Layout xmlns="http://soap.sforce.com/2006/04/metadata">
    <layoutSections>
        <editHeading>true</editHeading>
        <label>Information</label>
        <layoutColumns>
            <layoutItems><behavior>Edit</behavior><field>Status__c</field></layoutItems>
            <layoutItems><behavior>Edit</behavior><field>Missing__c</field></layoutItems>
        </layoutColumns>
        <style>OneColumn</style>
    </layoutSections>
</Layout>
`;

const COMPACT_LAYOUT = `<?xml version="1.0" encoding="UTF-8"?>
<CompactLayout xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Fixture</fullName>
    <fields>Name</fields>
    <fields>Status__c</fields>
    <fields>Gone_Compact__c</fields>
    <label>Fixture</label>
</CompactLayout>
`;

const FLEXIPAGE = `<?xml version="1.0" encoding="UTF-8"?>
<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentName>c:errorPanel</componentName>
                <identifier>c_errorPanel</identifier>
                <visibilityRule>
                    <criteria>
                        <leftValue>{!Record.Health_Score__c}</leftValue>
                        <operator>NE</operator>
                        <rightValue>0</rightValue>
                    </criteria>
                </visibilityRule>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <componentInstance>
                <componentName>c:noSuchPanel</componentName>
                <identifier>c_noSuchPanel</identifier>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <fieldInstance><fieldItem>Record.Gone__c</fieldItem><identifier>f1</identifier></fieldInstance>
        </itemInstances>
        <name>main</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Fixture Account Page</masterLabel>
    <sobjectType>Account</sobjectType>
    <template><name>flexipage:recordHomeTemplateDesktop</name></template>
    <type>RecordPage</type>
</FlexiPage>
`;

const MDT_TYPE = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Fixture Rule</label>
    <pluralLabel>Fixture Rules</pluralLabel>
    <visibility>Public</visibility>
</CustomObject>
`;

const MDT_FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Tier__c</fullName>
    <label>Tier</label>
    <type>Picklist</type>
    <valueSet><valueSetDefinition>
        <value><fullName>High</fullName><default>false</default><label>High</label></value>
        <value><fullName>Low</fullName><default>false</default><label>Low</label></value>
    </valueSetDefinition></valueSet>
</CustomField>
`;

const record = (values: Record<string, string>) => `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Fixture</label>
    <protected>false</protected>
${Object.entries(values)
  .map(
    ([f, v]) => `    <values><field>${f}</field><value xsi:type="xsd:string">${v}</value></values>`
  )
  .join('\n')}
</CustomMetadata>
`;

describe('reference checks on layouts, Lightning pages and custom metadata records', () => {
  it('it_should_report_missing_fields_and_components_and_accept_existing_ones', async () => {
    const lines = await problemsIntroducedBy((copy) => {
      copy.write(`${DEFAULT}/layouts/Handover__c-Handover Layout.layout-meta.xml`, LAYOUT);
      copy.write(`${DEFAULT}/flexipages/Fixture_Account_Page.flexipage-meta.xml`, FLEXIPAGE);
      copy.write(
        `${DEFAULT}/objects/Handover__c/compactLayouts/Fixture.compactLayout-meta.xml`,
        COMPACT_LAYOUT
      );
      copy.write(
        `${DEFAULT}/objects/Fixture_Rule__mdt/Fixture_Rule__mdt.object-meta.xml`,
        MDT_TYPE
      );
      copy.write(`${DEFAULT}/objects/Fixture_Rule__mdt/fields/Tier__c.field-meta.xml`, MDT_FIELD);
      copy.write(
        `${DEFAULT}/customMetadata/Fixture_Rule.Good.md-meta.xml`,
        record({ Tier__c: 'High' })
      );
      copy.write(
        `${DEFAULT}/customMetadata/Fixture_Rule.Bad.md-meta.xml`,
        record({ Tier__c: 'Medium', Unknown__c: 'x' })
      );
    });
    expect(lines.sort()).toEqual(
      [
        'missing-reference main/default/customMetadata/Fixture_Rule.Bad.md-meta.xml: field Fixture_Rule__mdt.Unknown__c is not defined',
        'missing-reference main/default/objects/Handover__c/compactLayouts/Fixture.compactLayout-meta.xml: field Handover__c.Gone_Compact__c is not defined',
        'missing-reference main/default/flexipages/Fixture_Account_Page.flexipage-meta.xml: component noSuchPanel is not in lwc/ or aura/',
        'missing-reference main/default/flexipages/Fixture_Account_Page.flexipage-meta.xml: field Account.Gone__c is not defined',
        'missing-reference main/default/layouts/Handover__c-Handover Layout.layout-meta.xml: field Handover__c.Missing__c is not defined',
        'picklist main/default/customMetadata/Fixture_Rule.Bad.md-meta.xml: "Medium" is not a value of Fixture_Rule__mdt.Tier__c'
      ].sort()
    );
  });
});

const LWC_META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>62.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`;

const LWC_JS = `import { LightningElement } from 'lwc';
import OK_LABEL from '@salesforce/label/c.Baton_Error_Title';
import GONE_LABEL from '@salesforce/label/c.Baton_No_Such_Label';
import SCORE from '@salesforce/schema/Account.Health_Score__c';
import GONE_FIELD from '@salesforce/schema/Account.No_Such_Field__c';
import OWNER_NAME from '@salesforce/schema/Account.Owner.Name';
import nowhere from '@salesforce/apex/NoSuchController.load';


export default class FixturePanel extends LightningElement {
  labels = { OK_LABEL, GONE_LABEL };
  fields = [SCORE, GONE_FIELD, OWNER_NAME];
  load = nowhere;
}
`;

const APEX_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>62.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

const APEX = `public with sharing class FixtureLabels {
    // Label.In_A_Comment is not a reference.
    public static String title() {
        return Label.Baton_Error_Title + System.Label.Baton_Gone_Label + System.Label.get(null, 'Baton_Error_Title', 'fi');
    }
}
`;

describe('reference checks on component imports, Apex labels and translations', () => {
  it('it_should_report_imports_and_labels_that_point_nowhere', async () => {
    const lines = await problemsIntroducedBy((copy) => {
      copy.write(`${DEFAULT}/lwc/fixturePanel/fixturePanel.js`, LWC_JS);
      copy.write(`${DEFAULT}/lwc/fixturePanel/fixturePanel.js-meta.xml`, LWC_META);
      copy.write(`${DEFAULT}/classes/FixtureLabels.cls`, APEX);
      copy.write(`${DEFAULT}/classes/FixtureLabels.cls-meta.xml`, APEX_META);
      copy.edit(
        `${DEFAULT}/objectTranslations/Handover__c-fi/Status__c.fieldTranslation-meta.xml`,
        (xml) =>
          xml.replace('<masterLabel>Draft</masterLabel>', '<masterLabel>Pending</masterLabel>')
      );
      copy.write(
        `${DEFAULT}/objectTranslations/Handover__c-fi/Gone__c.fieldTranslation-meta.xml`,
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomFieldTranslation xmlns="http://soap.sforce.com/2006/04/metadata"><label>Poissa</label><name>Gone__c</name></CustomFieldTranslation>\n'
      );
      copy.edit(`${DEFAULT}/translations/fi.translation-meta.xml`, (xml) =>
        xml.replace(
          '<customLabels>',
          '<customLabels><label>Ei ole</label><name>Baton_Not_In_English</name></customLabels><customLabels>'
        )
      );
    });
    expect(lines.sort()).toEqual([
      'missing-reference main/default/classes/FixtureLabels.cls: custom label Baton_Gone_Label is not defined',
      'missing-reference main/default/lwc/fixturePanel/fixturePanel.js: Apex class NoSuchController is not defined',
      'missing-reference main/default/lwc/fixturePanel/fixturePanel.js: custom label Baton_No_Such_Label is not defined',
      'missing-reference main/default/lwc/fixturePanel/fixturePanel.js: field Account.No_Such_Field__c is not defined',
      'missing-reference main/default/objectTranslations/Handover__c-fi/Gone__c.fieldTranslation-meta.xml: translates field Handover__c.Gone__c, which is not defined',
      'missing-reference main/default/translations/fi.translation-meta.xml: translates custom label Baton_Not_In_English, which is not defined',
      'picklist main/default/objectTranslations/Handover__c-fi/Status__c.fieldTranslation-meta.xml: translates "Pending", which is not a value of Handover__c.Status__c',
      'user-mode-access main/default/lwc/fixturePanel/fixturePanel.js: calls NoSuchController.load, which no role of ROLE_ENTRY_POINTS runs'
    ]);
  });
});
