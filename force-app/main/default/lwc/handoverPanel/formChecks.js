import { unreadableErrors } from './fieldErrors';
import { missingFields } from './rules';

// The form's checks before a save or submit, run over the panel's c-handover-section
// children, which own the inputs: what is wrong, and putting each message on its field.

const sectionsIn = (template) => [...template.querySelectorAll('c-handover-section')];

function unreadableInputs(template) {
  return sectionsIn(template).flatMap((section) => section.unreadableInputs());
}

/** A draft may be incomplete, but a date or amount that could not be read would silently vanish. */
export function saveErrors(template) {
  return unreadableErrors(unreadableInputs(template));
}

/** @returns [{ field, label, message }] unreadable dates and amounts, then what the tier requires */
export function submitErrors(template, draft, tier, model) {
  return [...saveErrors(template), ...missingFields(draft, tier, model)];
}

/** Puts each message on its field (clearing the rest); @returns one error per field */
export function showOnFields(template, errors) {
  const byField = Object.fromEntries(errors.map((item) => [item.field, item.message]));
  sectionsIn(template).forEach((section) => section.showErrors(byField));
  return errors.filter(
    (item, index) => errors.findIndex((other) => other.field === item.field) === index
  );
}

export function focusField(template, name) {
  sectionsIn(template).forEach((section) => section.focusField(name));
}
