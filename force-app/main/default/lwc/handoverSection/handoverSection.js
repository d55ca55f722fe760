import { LightningElement, api } from 'lwc';

/** A typed date or amount the input could not parse (its own check, not a message we set). */
function unreadable(input) {
  const validity = input.validity;
  if (!validity) return false;
  if (input.dataset.kind === 'date') return validity.badInput;
  return input.dataset.kind === 'currency' && !validity.valid && !validity.customError;
}

/**
 * One titled section of the handover form. It renders its fields from a definition, marks
 * the ones the tier requires, and reports edits upward as `fieldchange` events; it holds no
 * state of its own, so the panel stays the single owner of the draft.
 */
export default class HandoverSection extends LightningElement {
  /** { key, title, fields: [{ name, label, kind, options?, source?, help? }] } */
  @api section;
  /** The draft: Handover__c field values by API name. */
  @api values = {};
  /** API names the current tier requires. */
  @api required = [];
  /** Options for fields with a `source`: { accountManagers: [...], contacts: [...] }. */
  @api choices = {};
  /** Text shown when a `source` has no options, by source name. */
  @api emptyTexts = {};
  /** A note under a field, by API name: where a pre-filled value came from. */
  @api notes = {};

  get headingId() {
    return `handover-section-${this.section.key}`;
  }

  get fields() {
    const required = new Set(this.required || []);
    return this.section.fields.map((field) => {
      const options = field.source ? (this.choices || {})[field.source] || [] : field.options;
      const raw = (this.values || {})[field.name];
      return {
        ...field,
        options,
        required: required.has(field.name),
        value: field.kind === 'checkboxes' ? splitMulti(raw) : (raw ?? ''),
        isTextarea: field.kind === 'textarea',
        isRadio: field.kind === 'radio' && options.length > 0,
        isEmptyChoice: field.kind === 'radio' && options.length === 0,
        emptyText: (this.emptyTexts || {})[field.source],
        note: (this.notes || {})[field.name],
        isCheckboxes: field.kind === 'checkboxes',
        isDate: field.kind === 'date',
        isCurrency: field.kind === 'currency'
      };
    });
  }

  handleChange(event) {
    const name = event.target.dataset.field;
    const kind = event.target.dataset.kind;
    let value = event.detail.value;
    if (kind === 'checkboxes') {
      value = value.join(';');
    } else if (kind === 'currency') {
      value = value === '' || value === null ? null : Number(value);
    } else if (value === '') {
      value = null;
    }
    this.dispatchEvent(new CustomEvent('fieldchange', { detail: { name, value } }));
  }

  /**
   * Puts each message on its field (and clears the others), so the seller reads what to fix
   * where to fix it. @returns true when none of this section's fields has a message.
   */
  @api
  showErrors(messagesByField = {}) {
    let clean = true;
    this.inputs().forEach((input) => {
      const message = messagesByField[input.dataset.field] || '';
      clean = clean && !message;
      if (typeof input.setCustomValidity === 'function') {
        input.setCustomValidity(message);
        input.reportValidity();
      }
    });
    return clean;
  }

  /** Moves focus to a field, for the links in the form's error summary. @returns whether found */
  @api
  focusField(name) {
    const input = this.inputs().find((candidate) => candidate.dataset.field === name);
    if (input) {
      input.focus();
    }
    return !!input;
  }

  /**
   * @returns [{ field, kind }] this section's date and amount fields holding typed text the
   * user's locale cannot read (the input would otherwise hand the save an empty value)
   */
  @api
  unreadableInputs() {
    return this.inputs()
      .filter((input) => unreadable(input))
      .map((input) => ({ field: input.dataset.field, kind: input.dataset.kind }));
  }

  inputs() {
    return [...this.template.querySelectorAll('[data-field]')];
  }
}

function splitMulti(raw) {
  return raw ? String(raw).split(';') : [];
}
