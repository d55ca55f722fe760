import { join } from 'node:path';
import { checkLabelLengths } from './labelLengthCheck';
import { formatProblems, listFiles } from './problem';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

// Each broken copy is converted by source-deploy-retrieve, which takes seconds on a busy machine.
jest.setTimeout(60_000);

const LABELS = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
const FINNISH = 'force-app/main/default/translations/fi.translation-meta.xml';

describe('custom label length limits', () => {
  it('it_should_find_every_label_of_the_repository_within_the_limits', () => {
    expect(formatProblems(checkLabelLengths(listFiles(join(REPO_ROOT, 'force-app'))))).toBe('');
  });

  it('it_should_report_a_short_description_value_or_translation_over_its_limit', async () => {
    const problems = await problemsIntroducedBy((copy) => {
      copy.edit(LABELS, (xml) =>
        xml
          .replace(
            '<shortDescription>Product name</shortDescription>',
            `<shortDescription>${'d'.repeat(81)}</shortDescription>`
          )
          .replace('<value>Baton</value>', `<value>${'ä'.repeat(1001)}</value>`)
      );
      copy.edit(FINNISH, (xml) =>
        xml.replace(
          '<label>Baton</label>\n        <name>Baton_App_Name</name>',
          `<label>${'v'.repeat(1001)}</label>\n        <name>Baton_App_Name</name>`
        )
      );
    });
    expect(problems).toEqual([
      'label-length main/default/labels/CustomLabels.labels-meta.xml: custom label Baton_App_Name: shortDescription is 81 characters; the limit is 80',
      'label-length main/default/labels/CustomLabels.labels-meta.xml: custom label Baton_App_Name: value is 1001 characters; the limit is 1000',
      'label-length main/default/translations/fi.translation-meta.xml: translated custom label Baton_App_Name: label is 1001 characters; the limit is 1000'
    ]);
  });
});
