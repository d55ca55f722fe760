import { readFileSync } from 'node:fs';
import { problem, type Problem } from './problem';

/**
 * AccountShare levels a deploy or a test run rejects depending on the org's sharing settings,
 * which no compiler here knows: ContactAccessLevel is not writeable while Contact sharing is
 * Controlled by Parent (the default, so Apex fails to compile), and a level of 'None' is below
 * the org-wide default in most orgs. Levels come from TestDataFactory.shareAccount instead.
 */
const RULES: { pattern: RegExp; message: string }[] = [
  {
    pattern: /\bContactAccessLevel\s*=/i,
    message:
      'assigns AccountShare.ContactAccessLevel, which does not compile where Contact sharing is Controlled by Parent'
  },
  {
    pattern: /\b(?:Opportunity|Case)AccessLevel\s*=\s*'None'/i,
    message:
      "sets a share level to 'None', below the org-wide default in most orgs; follow the Organization's default"
  }
];

export function checkShareFields(files: string[]): Problem[] {
  return files
    .filter((file) => /\.(cls|trigger)$/.test(file))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          RULES.filter((rule) => rule.pattern.test(line)).map((rule) =>
            problem('apex-share-field', file, `line ${index + 1}: ${rule.message}`)
          )
        )
    );
}
