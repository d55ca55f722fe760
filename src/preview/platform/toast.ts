/** Name of the event the shell listens for to show toasts, as the Lightning container does. */
export const TOAST_EVENT = 'lightning__showtoast';

export interface Toast {
  title?: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
  messageData?: unknown[];
}

/** `lightning/platformShowToastEvent`: bubbles out of the component to the shell. */
export class ShowToastEvent extends CustomEvent<Toast> {
  constructor(toast: Toast) {
    super(TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
