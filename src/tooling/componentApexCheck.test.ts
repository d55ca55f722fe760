import { join } from 'node:path';
import { checkComponentApexCalls } from './componentApexCheck';
import { loadModel } from './metadataModel';
import { formatProblems, listFiles } from './problem';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

// Each broken copy is converted by source-deploy-retrieve, which takes seconds on a busy machine.
jest.setTimeout(60_000);

const PANEL = 'force-app/main/default/lwc/handoverPanel/handoverPanel.js';
const componentProblems = async (...args: Parameters<typeof problemsIntroducedBy>) =>
  (await problemsIntroducedBy(...args)).filter((line) => line.startsWith('component-apex'));

describe('component calls to Apex', () => {
  it('it_should_find_every_apex_call_of_the_components_matching_its_method', () => {
    const files = listFiles(join(REPO_ROOT, 'force-app'));
    expect(formatProblems(checkComponentApexCalls(files, loadModel(files)))).toBe('');
  });

  it('it_should_report_an_argument_key_that_is_not_a_parameter_name', async () => {
    const problems = await componentProblems((copy) =>
      copy.edit(PANEL, (js) =>
        js
          .replace(
            'getContext({ recordId: this.recordId })',
            'getContext({ RecordId: this.recordId })'
          )
          .replace('accept({ handoverId: this.handover.Id })', 'accept({ id: this.handover.Id })')
      )
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^component-apex main\/default\/lwc\/handoverPanel\/handoverPanel\.js: line \d+: HandoverController\.getContext has no parameter "RecordId" \(it takes recordId\)$/
      ),
      expect.stringMatching(
        /handoverPanel\.js: line \d+: HandoverController\.accept has no parameter "id" \(it takes handoverId\)$/
      )
    ]);
  });

  it('it_should_report_an_imported_method_that_is_not_aura_enabled_static', async () => {
    const problems = await componentProblems((copy) =>
      copy.edit('force-app/main/default/classes/HandoverController.cls', (apex) =>
        apex.replace(
          '@AuraEnabled\n  public static HandoverContext accept(',
          'public static HandoverContext accept('
        )
      )
    );
    expect(problems).toEqual([
      'component-apex main/default/lwc/handoverPanel/handoverPanel.js: imports HandoverController.accept, which is not a public or global static @AuraEnabled method'
    ]);
  });
});
