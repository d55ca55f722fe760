import { LightningElement, api } from 'lwc';
import TITLE from '@salesforce/label/c.Baton_Error_Title';
import { reduceErrors } from './reduceErrors';

/**
 * Shared error display for Baton's panels: a short title and the reduced messages. Pass
 * whatever the wire or Apex call gave you as `errors`; this component does the reducing,
 * so callers never format errors themselves. Messages stay visible (not behind a toggle)
 * because Baton's messages name the field the user must fix.
 */
export default class ErrorPanel extends LightningElement {
  /** Wire/Apex error object, Error, string, or an array of these. */
  @api errors;
  /** Sentence shown above the messages; defaults to a generic title. */
  @api friendlyMessage;

  get title() {
    return this.friendlyMessage || TITLE;
  }

  get messages() {
    return reduceErrors(this.errors).map((text, index) => ({ key: `m${index}`, text }));
  }

  get hasMessages() {
    return this.messages.length > 0;
  }
}
