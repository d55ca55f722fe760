import { exampleDate, format, formatAmount } from 'c/localeFormat';
import fillIn from '@salesforce/label/c.Baton_Handover_Error_Fill_In';
import choose from '@salesforce/label/c.Baton_Handover_Error_Choose';
import chooseSome from '@salesforce/label/c.Baton_Handover_Error_Choose_Some';
import enterDate from '@salesforce/label/c.Baton_Handover_Error_Date';
import badDate from '@salesforce/label/c.Baton_Handover_Error_Bad_Date';
import enterAmount from '@salesforce/label/c.Baton_Handover_Error_Amount';
import badAmount from '@salesforce/label/c.Baton_Handover_Error_Bad_Amount';
import minEntries from '@salesforce/label/c.Baton_Handover_Error_Min_Entries';
import { SECTIONS } from './sections';

// What the seller reads next to a field and in the summary above the form: what to do, in
// their words and language, never just the field's name. Listed in form order, so the
// summary reads top to bottom like the form.

const FORM_ORDER = SECTIONS.flatMap((section) => section.fields);
const TO_FILL_BY_KIND = {
  radio: choose,
  checkboxes: chooseSome,
  currency: enterAmount,
  textarea: fillIn
};

function missingMessage(field, entries) {
  if (entries > 1) {
    return format(field.entriesMessage || minEntries, entries);
  }
  if (field.kind === 'date') {
    return format(enterDate, exampleDate());
  }
  return TO_FILL_BY_KIND[field.kind] || fillIn;
}

function inFormOrder(errors) {
  const position = (name) => {
    const index = FORM_ORDER.findIndex((field) => field.name === name);
    return index < 0 ? FORM_ORDER.length : index;
  };
  return [...errors].sort((a, b) => position(a.field) - position(b.field));
}

/**
 * @param problems the core's validateHandover answer: [{ field, label, minEntries }]; a field
 *   the form does not show keeps its requirement record's label
 * @returns [{ field, label, message }] in form order
 */
export function missingFieldErrors(problems) {
  return inFormOrder(
    problems.map((problem) => {
      const field = FORM_ORDER.find((candidate) => candidate.name === problem.field);
      return {
        field: problem.field,
        label: field ? field.label : problem.label,
        message: missingMessage(field || {}, problem.minEntries)
      };
    })
  );
}

/** The amount every amount hint shows, written as the user's locale writes it. */
const EXAMPLE_AMOUNT = 27696.5;

/**
 * @param inputs [{ field, kind, typed }]: dates and amounts typed in a form the user's locale
 *   cannot read, with what was typed
 * @returns their errors in form order, each saying how to type it in the user's format
 */
export function unreadableErrors(inputs) {
  return inFormOrder(
    inputs.map(({ field: name, kind, typed }) => ({
      field: name,
      label: (FORM_ORDER.find((field) => field.name === name) || { label: name }).label,
      message:
        kind === 'date'
          ? format(badDate, typed, exampleDate())
          : format(badAmount, typed, formatAmount(EXAMPLE_AMOUNT))
    }))
  );
}
