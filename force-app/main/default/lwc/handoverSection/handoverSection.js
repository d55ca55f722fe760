import { LightningElement, api } from 'lwc';
import {
  currencySign,
  exampleDate,
  formatAmount,
  formatDate,
  parseAmount,
  parseDate
} from 'c/localeFormat';

// Dates and amounts are text inputs read by Baton in the user's locale (localeFormat's
// parseDate, parseAmount), never by the input: an unreadable one is kept as typed and refused by
// name, and never reaches the draft, so a save cannot write an empty date over a stored one.
const READERS = { currency: parseAmount, date: parseDate };
const SHOWN = { currency: formatAmount, date: formatDate };

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
  /** Dates and amounts as typed, by API name: { kind, text }, shown back as typed. */
  typed = {};
  /** Fields showing a message of ours, so the next check clears only those. */
  flagged = new Set();

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
        label: field.kind === 'currency' ? `${field.label} (${currencySign()})` : field.label,
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
        isCurrency: field.kind === 'currency',
        placeholder: field.kind === 'date' ? exampleDate() : null
      };
    });
  }

  shownValue(field, raw) {
    if (field.kind === 'checkboxes') return splitMulti(raw);
    if (!READERS[field.kind]) return raw ?? '';
    const typed = this.typed[field.name];
    return typed !== undefined ? typed.text : SHOWN[field.kind](raw);
  }

  handleChange(event) {
    const name = event.target.dataset.field;
    const kind = event.target.dataset.kind;
    let value = event.detail.value;
    if (kind === 'checkboxes') {
      value = value.join(';');
    } else if (READERS[kind]) {
      // Read here in the user's locale, not by the input: it took 27696,5 for 276965 and
      // handed an unreadable date on as empty.
      this.typed = { ...this.typed, [name]: { kind, text: value } };
      const read = READERS[kind](value);
      if (read.error) return;
      value = read.value;
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
      const name = input.dataset.field;
      const message = messagesByField[name] || '';
      clean = clean && !message;
      // Only fields with a message, or losing one: reporting the others would flag every empty
      // required field on a draft's save, which may be incomplete.
      if (typeof input.setCustomValidity === 'function' && (message || this.flagged.has(name))) {
        input.setCustomValidity(message);
        input.reportValidity();
      }
    });
    this.flagged = new Set(Object.keys(messagesByField).filter((name) => messagesByField[name]));
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
   * @returns [{ field, kind, typed }] this section's date and amount fields holding typed text
   * the user's locale cannot read (the draft still holds the value from before)
   */
  @api
  unreadableInputs() {
    return Object.entries(this.typed)
      .filter(([, { kind, text }]) => READERS[kind](text).error)
      .map(([field, { kind, text }]) => ({ field, kind, typed: text }));
  }

  inputs() {
    return [...this.template.querySelectorAll('[data-field]')];
  }
}

function splitMulti(raw) {
  return raw ? String(raw).split(';') : [];
}
