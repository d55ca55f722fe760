import { join } from 'node:path';
import { link, mention, text } from '../core/connect';
import { checkChatterLimits, type HandoverMessages } from './chatterLimitCheck';
import { loadModel } from './metadataModel';
import { formatProblems, listFiles } from './problem';
import { problemsIntroducedBy, REPO_ROOT } from './testCopy';

// Each broken copy is converted by source-deploy-retrieve, which takes seconds on a busy machine.
jest.setTimeout(60_000);

const FEED = 'force-app/main/default/classes/HandoverServiceFeed.cls';

describe('Chatter limits on the handover messages', () => {
  const files = listFiles(join(REPO_ROOT, 'force-app'));
  const model = loadModel(files);

  it('it_should_find_every_handover_message_within_the_chatter_body_limit', () => {
    expect(formatProblems(checkChatterLimits(files, model))).toBe('');
  });

  it('it_should_report_a_post_that_quotes_long_fields_whole', () => {
    // The submit post as it was before it excerpted its facts.
    const quotingWhole: HandoverMessages = {
      'submit post': (handover) => {
        const h = handover as unknown as Record<string, string>;
        return [
          mention(h.Account_Manager__c ?? ''),
          text(` handover ${h.Name} is ready for you.\n`),
          ...['What_Was_Sold__c', 'Success_Criteria__c', 'Promises__c', 'Risks__c'].map((field) =>
            text(`${field}: ${h[field]}\n`)
          ),
          link(`https://example.my.salesforce.com/lightning/r/Handover__c/${h.Id}/view`)
        ];
      }
    };
    const problems = checkChatterLimits(files, model, quotingWhole).map((p) => p.message);
    expect(problems).toEqual([
      expect.stringMatching(
        /^the submit post can reach 17\d{3} characters with every Handover__c field at its full length; Chatter accepts at most 10000$/
      )
    ]);
  });

  it('it_should_report_an_apex_excerpt_length_that_differs_from_the_core', async () => {
    const problems = await problemsIntroducedBy((copy) =>
      copy.edit(FEED, (apex) =>
        apex.replace('MESSAGE_EXCERPT_LENGTH = 500', 'MESSAGE_EXCERPT_LENGTH = 5000')
      )
    );
    expect(problems).toEqual([
      'chatter-limit main/default/classes/HandoverServiceFeed.cls: MESSAGE_EXCERPT_LENGTH is 5000 here and 500 in src/core/connect.ts; the org would post other text than the twin'
    ]);
  });
});
