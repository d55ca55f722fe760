import { LightningElement, api } from 'lwc';

interface Option {
  label: string;
  value: string;
}

/**
 * Preview stand-in for `lightning-combobox`, whose base component needs attachInternals
 * (not available in synthetic shadow). Same public API, rendered as an SLDS select, so
 * deployed components run unchanged.
 */
export default class Combobox extends LightningElement {
  @api label = '';
  @api name?: string;
  @api placeholder = 'Select an Option';
  @api options: Option[] = [];
  @api disabled = false;
  @api readOnly = false;
  @api required = false;
  @api variant = 'standard';
  @api fieldLevelHelp?: string;
  @api messageWhenValueMissing = 'Complete this field.';
  @api dropdownAlignment?: string;
  @api spinnerActive = false;

  private currentValue?: string = undefined;
  private customMessage = '';
  private showError = false;

  @api
  get value(): string | undefined {
    return this.currentValue;
  }
  set value(value: string | undefined) {
    this.currentValue = value ?? undefined;
  }

  @api
  get validity(): { valid: boolean; valueMissing: boolean; customError: boolean } {
    const valueMissing = this.required && !this.currentValue;
    const customError = !!this.customMessage;
    return { valid: !valueMissing && !customError, valueMissing, customError };
  }

  @api checkValidity(): boolean {
    return this.validity.valid;
  }

  @api reportValidity(): boolean {
    this.showError = !this.checkValidity();
    return !this.showError;
  }

  @api showHelpMessageIfInvalid(): void {
    this.reportValidity();
  }

  @api setCustomValidity(message: string): void {
    this.customMessage = message;
  }

  @api focus(): void {
    this.template?.querySelector('select')?.focus();
  }

  @api blur(): void {
    this.template?.querySelector('select')?.blur();
  }

  get items() {
    return (this.options ?? []).map((option) => ({
      ...option,
      selected: option.value === this.currentValue
    }));
  }

  get showPlaceholder(): boolean {
    return !this.currentValue || !this.items.some((item) => item.selected);
  }

  get isDisabled(): boolean {
    return this.disabled || this.readOnly;
  }

  get formElementClass(): string {
    const inline = this.variant === 'label-inline' ? ' slds-form-element_horizontal' : '';
    return `slds-form-element${inline}${this.showError ? ' slds-has-error' : ''}`;
  }

  get labelClass(): string {
    return this.variant === 'label-hidden'
      ? 'slds-form-element__label slds-assistive-text'
      : 'slds-form-element__label';
  }

  get helpMessage(): string {
    if (!this.showError) return '';
    return this.customMessage || this.messageWhenValueMissing;
  }

  get ariaInvalid(): string {
    return this.showError ? 'true' : 'false';
  }

  handleChange(event: Event): void {
    event.stopPropagation();
    this.currentValue = (event.target as HTMLSelectElement).value;
    if (this.showError) this.reportValidity();
    this.dispatchEvent(new CustomEvent('change', { detail: { value: this.currentValue } }));
  }

  handleBlur(): void {
    if (this.required) this.reportValidity();
    this.dispatchEvent(new CustomEvent('blur'));
  }
}
