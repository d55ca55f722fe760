import { join } from 'node:path';
import { formatProblems, listFiles } from './problem';
import { checkShareFields } from './shareFieldCheck';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

jest.setTimeout(60_000);

const CONTRACT_RUN = 'force-app/main/default/classes/HandoverControllerContractRun.cls';

describe('AccountShare levels that depend on org settings', () => {
  it('it_should_find_no_org_dependent_share_level_in_the_repository', () => {
    expect(formatProblems(checkShareFields(listFiles(join(REPO_ROOT, 'force-app'))))).toBe('');
  });

  it('it_should_report_the_contact_level_issue_15_found', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(CONTRACT_RUN, (apex) =>
        apex.replace(
          "TestDataFactory.shareAccount(account.Id, refs.get('@am'), 'Edit');",
          "insert new AccountShare(AccountId = account.Id, UserOrGroupId = refs.get('@am'), AccountAccessLevel = 'Edit', OpportunityAccessLevel = 'None', ContactAccessLevel = 'Read');"
        )
      )
    );
    expect(problems.filter((line) => line.startsWith('apex-share-field'))).toEqual([
      expect.stringMatching(
        /HandoverControllerContractRun\.cls: line \d+: assigns AccountShare\.ContactAccessLevel/
      ),
      expect.stringMatching(
        /HandoverControllerContractRun\.cls: line \d+: sets a share level to 'None'/
      )
    ]);
  });
});
