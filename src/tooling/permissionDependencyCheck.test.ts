import { join } from 'node:path';
import { loadModel } from './metadataModel';
import { checkPermissionDependencies } from './permissionDependencyCheck';
import { formatProblems, listFiles } from './problem';
import {
  editFieldPermission,
  editObjectPermission,
  problemsIntroducedBy,
  REPO_ROOT
} from './testCopy';

// Each broken copy is converted by source-deploy-retrieve, which takes seconds on a busy machine.
jest.setTimeout(60_000);

const PERMSETS = 'force-app/main/default/permissionsets';
const dependencyProblems = async (...args: Parameters<typeof problemsIntroducedBy>) =>
  (await problemsIntroducedBy(...args)).filter((line) => line.startsWith('permission-dependency'));

describe('permission dependencies', () => {
  it('it_should_find_every_permission_set_of_the_repository_complete', () => {
    const files = listFiles(join(REPO_ROOT, 'force-app'));
    expect(formatProblems(checkPermissionDependencies(files, loadModel(files)))).toBe('');
  });

  it('it_should_report_a_detail_object_granted_without_read_on_its_master', async () => {
    const problems = await dependencyProblems((copy) =>
      copy.edit(`${PERMSETS}/Baton_Admin.permissionset-meta.xml`, (xml) =>
        editObjectPermission(xml, 'Account', () => '')
      )
    );
    expect(problems).toEqual([
      'permission-dependency main/default/permissionsets/Baton_Admin.permissionset-meta.xml: access to Handover__c (a detail of Account) needs Read on Account'
    ]);
  });

  it('it_should_report_modify_all_without_edit_and_delete', async () => {
    const problems = await dependencyProblems((copy) =>
      copy.edit(`${PERMSETS}/Baton_CS_Lead.permissionset-meta.xml`, (xml) =>
        editObjectPermission(xml, 'Survey_Response__c', (entry) =>
          entry.replace('<modifyAllRecords>false', '<modifyAllRecords>true')
        )
      )
    );
    expect(problems).toEqual([
      'permission-dependency main/default/permissionsets/Baton_CS_Lead.permissionset-meta.xml: Modify All on Survey_Response__c needs Edit on Survey_Response__c',
      'permission-dependency main/default/permissionsets/Baton_CS_Lead.permissionset-meta.xml: Modify All on Survey_Response__c needs Delete on Survey_Response__c'
    ]);
  });

  it('it_should_report_field_grants_without_read_on_the_field_or_its_object', async () => {
    const seller = `${PERMSETS}/Baton_Seller.permissionset-meta.xml`;
    const problems = await dependencyProblems((copy) =>
      copy.edit(seller, (xml) =>
        editObjectPermission(
          editFieldPermission(xml, 'Handover__c.Risks__c', (entry) =>
            entry.replace('<readable>true', '<readable>false')
          ),
          'Usage_Snapshot__c',
          () => ''
        )
      )
    );
    const at =
      'permission-dependency main/default/permissionsets/Baton_Seller.permissionset-meta.xml';
    expect(problems).toEqual([
      `${at}: Edit on field Handover__c.Risks__c needs Read on it`,
      ...['Active_Users__c', 'Cancel_Page_Visits__c', 'External_Key__c', 'Logins__c'].map(
        (field) => `${at}: field Usage_Snapshot__c.${field} needs Read on Usage_Snapshot__c`
      )
    ]);
  });
});
