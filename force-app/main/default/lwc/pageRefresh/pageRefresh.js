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
