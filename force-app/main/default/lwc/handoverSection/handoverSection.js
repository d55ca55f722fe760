import { LightningElement, api } from 'lwc';
import { formatAmount, parseAmount } from 'c/localeFormat';

/** A typed date the input could not parse (its own check, not a message we set). */
function unreadableDate(input) {
  return input.dataset.kind === 'date' && !!input.validity && input.validity.badInput;
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
  /** Amounts as typed, by API name: shown back as typed, and read in the user's locale. */
  typedAmounts = {};

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
        value: this.shownValue(field, raw),
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

  shownValue(field, raw) {
    if (field.kind === 'checkboxes') return splitMulti(raw);
    if (field.kind !== 'currency') return raw ?? '';
    const typed = this.typedAmounts[field.name];
    return typed !== undefined ? typed : formatAmount(raw);
  }

  handleChange(event) {
    const name = event.target.dataset.field;
    const kind = event.target.dataset.kind;
    let value = event.detail.value;
    if (kind === 'checkboxes') {
      value = value.join(';');
    } else if (kind === 'currency') {
      // Read here in the user's locale, not by the input: it would take 27696,5 for 276965.
      this.typedAmounts = { ...this.typedAmounts, [name]: value };
      const amount = parseAmount(value);
      if (amount.error) return;
      value = amount.value;
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
    const dates = this.inputs()
      .filter((input) => unreadableDate(input))
      .map((input) => ({ field: input.dataset.field, kind: 'date' }));
    const amounts = Object.entries(this.typedAmounts)
      .filter(([, typed]) => parseAmount(typed).error)
      .map(([field, typed]) => ({ field, kind: 'currency', typed }));
    return [...dates, ...amounts];
  }

  inputs() {
    return [...this.template.querySelectorAll('[data-field]')];
  }
}

function splitMulti(raw) {
  return raw ? String(raw).split(';') : [];
}
