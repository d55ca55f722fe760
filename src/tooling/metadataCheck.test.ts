import { checkProject, formatProblems } from './metadataCheck';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

// Each case builds and converts a copy of the whole package (PMD starts a JVM); on a busy
// 2-core CI machine that takes well over jest's default 5 s.
jest.setTimeout(60_000);

const OBJECTS = 'force-app/main/default/objects';
const PERMSETS = 'force-app/main/default/permissionsets';

describe('metadata validation', () => {
  it('it_should_find_no_problem_in_the_repository_force_app (Apex parse, PMD, apex-ls and jorje included)', async () => {
    const problems = await checkProject(REPO_ROOT);
    expect(formatProblems(problems)).toBe('');
    // PMD, apex-ls and jorje each start a JVM (~4 s idle, far more on a busy CI machine).
  }, 120_000);

  it('it_should_report_a_deleted_field_that_permission_sets_still_grant', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.remove(`${OBJECTS}/Handover__c/fields/Risks__c.field-meta.xml`)
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^missing-reference .*Baton_Seller.*Handover__c\.Risks__c is not defined/
        ),
        expect.stringMatching(
          /^missing-reference .*Baton_Admin.*Handover__c\.Risks__c is not defined/
        )
      ])
    );
  });

  it('it_should_report_a_broken_xml_tag', async () => {
    const field = `${OBJECTS}/Account/fields/MRR__c.field-meta.xml`;
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(field, (xml) => xml.replace('</label>', '</lable>'))
    );
    expect(problems).toEqual([
      expect.stringMatching(/^malformed-xml .*MRR__c\.field-meta\.xml: line \d+/)
    ]);
  });

  it('it_should_report_a_permission_set_naming_a_missing_field_or_object', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(`${PERMSETS}/Baton_Admin.permissionset-meta.xml`, (xml) =>
        xml.replace(
          '<fieldPermissions>',
          `<fieldPermissions><editable>true</editable><field>Account.No_Such_Field__c</field><readable>true</readable></fieldPermissions>
           <fieldPermissions><editable>true</editable><field>Nowhere__c.Name__c</field><readable>true</readable></fieldPermissions>
           <fieldPermissions>`
        )
      )
    );
    expect(problems).toEqual([
      expect.stringMatching(/Baton_Admin.*field Account\.No_Such_Field__c is not defined/),
      expect.stringMatching(/Baton_Admin.*object Nowhere__c .* is not defined/)
    ]);
  });

  it('it_should_report_field_permissions_on_required_fields_which_salesforce_rejects', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(`${PERMSETS}/Baton_Seller.permissionset-meta.xml`, (xml) =>
        xml.replace(
          '<fieldPermissions>',
          `<fieldPermissions><editable>false</editable><field>Survey_Response__c.Type__c</field><readable>true</readable></fieldPermissions>
           <fieldPermissions>`
        )
      )
    );
    expect(problems).toEqual([
      expect.stringMatching(/^permission .*Baton_Seller.*Survey_Response__c\.Type__c is required/)
    ]);
  });

  it('it_should_report_a_picklist_default_that_is_not_a_value', async () => {
    const status = `${OBJECTS}/Handover__c/fields/Status__c.field-meta.xml`;
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(status, (xml) =>
        xml
          .replace(
            '<type>Picklist</type>',
            '<defaultValue>"Pending"</defaultValue><type>Picklist</type>'
          )
          .replace(/(<fullName>Submitted<\/fullName>\s*<default>)false/, '$1true')
      )
    );
    expect(problems).toEqual([
      expect.stringMatching(/^picklist .*Status__c.*Handover__c\.Status__c has 2 defaults/),
      expect.stringMatching(
        /^picklist .*Handover__c\.Status__c default "Pending" is not one of its values/
      )
    ]);
  });

  it('it_should_report_a_source_file_dropped_for_lack_of_its_meta_xml', async () => {
    const problems = await problemsIntroducedBy((copy) => {
      copy.write(
        'force-app/main/default/classes/Orphan.cls',
        'public with sharing class Orphan {}\n'
      );
    });
    expect(problems).toEqual([
      expect.stringMatching(/^dropped-component main\/default\/classes\/Orphan\.cls/)
    ]);
  });

  it('it_should_report_an_unknown_metadata_type', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.write(
        'force-app/main/default/widgets/Thing.widget-meta.xml',
        '<?xml version="1.0"?><Widget/>\n'
      )
    );
    expect(problems).toEqual([expect.stringMatching(/^unknown-type .*Thing\.widget-meta\.xml/)]);
  });
});
