import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';

/**
 * Reloads a record page panel when the page refreshes (a RefreshEvent: a handover accepted,
 * another panel's save): its Apex data, and its record, which Apex writes change without
 * Lightning Data Service knowing.
 * @param component the panel; its recordId is the record to reload
 * @param reload loads the panel's Apex data again; returns a promise
 * @returns stops listening; call it from disconnectedCallback
 */
export function reloadOnPageRefresh(component, reload) {
  const id = registerRefreshHandler(component, async () => {
    await Promise.all([reload(), notifyRecordUpdateAvailable([{ recordId: component.recordId }])]);
    return true;
  });
  return () => unregisterRefreshHandler(id);
}

/**
 * A record page panel that loads its Apex data when it connects and again when the page
 * refreshes. The panel defines load(), usually through loadInto.
 * @param Base the element class, such as LightningElement
 */
export const RefreshingPanel = (Base) =>
  class extends Base {
    connectedCallback() {
      this.stopReloading = reloadOnPageRefresh(this, () => this.load());
      this.load();
    }

    disconnectedCallback() {
      this.stopReloading();
    }
  };

/**
 * Sets the panel's property to what the Apex call returns and clears its error, or keeps the
 * error for the panel's error display.
 * @param component the panel
 * @param property where the answer goes
 * @param call the Apex call; returns a promise
 */
export async function loadInto(component, property, call) {
  try {
    component[property] = await call();
    component.error = undefined;
  } catch (error) {
    component.error = error;
  }
}

/**
 * Saves a change through Apex, sets the panel's property to the answer and refreshes every
 * other view of the record. A failure stays in actionError beside the form, so the user keeps
 * what they typed; `saving` is true meanwhile.
 * @param component the panel
 * @param property where the answer goes
 * @param call the Apex call; returns a promise
 * @returns whether the change was saved
 */
export async function saveInto(component, property, call) {
  component.saving = true;
  component.actionError = undefined;
  try {
    component[property] = await call();
    await notifyRecordUpdateAvailable([{ recordId: component.recordId }]);
    return true;
  } catch (error) {
    component.actionError = error;
    return false;
  } finally {
    component.saving = false;
  }
}
