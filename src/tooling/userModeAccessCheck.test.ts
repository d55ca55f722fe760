import { join } from 'node:path';
import { loadModel } from './metadataModel';
import { formatProblems, listFiles } from './problem';
import { editFieldPermission, problemsIntroducedBy, REPO_ROOT } from './testCopy';
import { checkUserModeAccess } from './userModeAccessCheck';

// Each broken copy is converted by source-deploy-retrieve, which takes seconds on a busy machine.
jest.setTimeout(60_000);

const PERMSETS = 'force-app/main/default/permissionsets';
const accessProblems = async (...args: Parameters<typeof problemsIntroducedBy>) =>
  (await problemsIntroducedBy(...args)).filter((line) => line.startsWith('user-mode-access'));
const denied = (field: string, access: 'readable' | 'editable') => (xml: string) =>
  editFieldPermission(xml, field, (entry) => entry.replace(`<${access}>true`, `<${access}>false`));

describe('user-mode field access of each role', () => {
  it('it_should_find_every_field_the_roles_code_paths_touch_granted', () => {
    const files = listFiles(join(REPO_ROOT, 'force-app'));
    expect(formatProblems(checkUserModeAccess(files, loadModel(files)))).toBe('');
  });

  it('it_should_report_a_queried_field_the_role_cannot_read', async () => {
    const problems = await accessProblems((copy) =>
      copy.edit(
        `${PERMSETS}/Baton_Seller.permissionset-meta.xml`,
        denied('Contact.Title', 'readable')
      )
    );
    expect(problems).toEqual([
      'user-mode-access main/default/permissionsets/Baton_Seller.permissionset-meta.xml: grants no Read on field Contact.Title, which HandoverSelector.contactsOfAccount needs in user mode'
    ]);
  });

  it('it_should_report_a_field_the_role_saves_without_edit', async () => {
    const problems = await accessProblems((copy) =>
      copy.edit(
        `${PERMSETS}/Baton_Account_Manager.permissionset-meta.xml`,
        denied('Task.Type', 'editable')
      )
    );
    expect(problems).toEqual([
      'user-mode-access main/default/permissionsets/Baton_Account_Manager.permissionset-meta.xml: grants no Edit on field Task.Type, which HandoverServiceRules.planTouchpoints needs in user mode'
    ]);
  });

  it('it_should_report_a_field_the_seller_drafts_without_edit', async () => {
    const problems = await accessProblems((copy) =>
      copy.edit(
        `${PERMSETS}/Baton_Seller.permissionset-meta.xml`,
        denied('Handover__c.Competitors__c', 'editable')
      )
    );
    expect(problems).toEqual([
      'user-mode-access main/default/permissionsets/Baton_Seller.permissionset-meta.xml: grants no Edit on field Handover__c.Competitors__c, which HandoverServiceRules.editableCopy needs in user mode'
    ]);
  });

  it('it_should_follow_a_relationship_path_to_the_parent_field', async () => {
    const problems = await accessProblems((copy) => {
      copy.edit('force-app/main/default/classes/TierCadenceSelector.cls', (apex) =>
        apex.replace(
          'SELECT Onboarding_Model__c, Meeting_Practices__c, Accepted_At__c',
          'SELECT Onboarding_Model__c, Meeting_Practices__c, Accepted_At__c, Account__r.External_Id__c'
        )
      );
      copy.edit(`${PERMSETS}/Baton_Seller.permissionset-meta.xml`, (xml) =>
        editFieldPermission(xml, 'Account.External_Id__c', () => '')
      );
    });
    expect(problems).toEqual([
      'user-mode-access main/default/permissionsets/Baton_Seller.permissionset-meta.xml: grants no Read on field Account.External_Id__c, which TierCadenceSelector.latestAcceptedHandover needs in user mode'
    ]);
  });

  it('it_should_report_a_role_table_that_misses_a_method_or_a_component_call', async () => {
    const problems = await accessProblems((copy) => {
      copy.edit('force-app/main/default/classes/TierCadenceController.cls', (apex) =>
        apex.replace(
          'public static CadenceView getCadence(',
          'public static CadenceView getCadenceView('
        )
      );
      copy.edit('force-app/main/default/lwc/tierCadenceCard/tierCadenceCard.js', (js) =>
        js.replace(
          'import getCadence',
          "import refreshCadence from '@salesforce/apex/TierCadenceController.refreshCadence';\nimport getCadence"
        )
      );
    });
    expect(problems).toEqual([
      'user-mode-access main/default/classes/TierCadenceController.cls: ROLE_ENTRY_POINTS names TierCadenceController.getCadence, which is not a method here',
      'user-mode-access main/default/lwc/tierCadenceCard/tierCadenceCard.js: calls TierCadenceController.refreshCadence, which no role of ROLE_ENTRY_POINTS runs'
    ]);
  });
});
