import { join } from 'node:path';
import { checkHandoverFieldLengths } from './fieldLengthCheck';
import { loadModel } from './metadataModel';
import { formatProblems, listFiles } from './problem';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

jest.setTimeout(60_000);

const RISKS = 'force-app/main/default/objects/Handover__c/fields/Risks__c.field-meta.xml';

describe('handover field lengths', () => {
  it('it_should_find_every_handover_text_within_the_sellers_length', () => {
    const files = listFiles(join(REPO_ROOT, 'force-app'));
    expect(formatProblems(checkHandoverFieldLengths(loadModel(files)))).toBe('');
  });

  it('it_should_report_a_long_text_of_32768_characters', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(RISKS, (xml) => xml.replace(/<length>\d+<\/length>/, '<length>32768</length>'))
    );
    expect(problems.filter((line) => line.startsWith('field-length'))).toEqual([
      expect.stringMatching(
        /Risks__c\.field-meta\.xml: Handover__c\.Risks__c holds 32768 characters/
      )
    ]);
  });
});
