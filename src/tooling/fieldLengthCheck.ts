import type { MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';

/**
 * The most a seller's free text on a handover may hold: enough for a page of notes, short
 * enough that the post quoting it and the account manager's page stay readable.
 */
export const HANDOVER_TEXT_MAX_LENGTH = 5000;

/** Every long text field of Handover__c has a length, at most HANDOVER_TEXT_MAX_LENGTH. */
export function checkHandoverFieldLengths(model: MetadataModel): Problem[] {
  const fields = model.objects.get('Handover__c')?.fields ?? new Map();
  return [...fields]
    .filter(
      ([, field]) => field.type === 'LongTextArea' && !(field.length <= HANDOVER_TEXT_MAX_LENGTH)
    )
    .map(([name, field]) =>
      problem(
        'field-length',
        field.file,
        `Handover__c.${name} holds ${field.length || 'no length'} characters; a seller's text is at most ${HANDOVER_TEXT_MAX_LENGTH} (src/tooling/fieldLengthCheck.ts)`
      )
    );
}
