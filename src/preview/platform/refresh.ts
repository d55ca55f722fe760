/** Name of the event the shell listens for to refresh the page's data. */
export const REFRESH_EVENT = 'lightning__refreshevent';

/** `lightning/refresh`: asks the container to reload the page's records. */
export class RefreshEvent extends CustomEvent<undefined> {
  constructor() {
    super(REFRESH_EVENT, { bubbles: true, composed: true, cancelable: true });
  }
}

type Handler = () => Promise<boolean> | boolean;
const handlers = new Map<object, Handler>();

export function registerRefreshHandler(element: object, handler: Handler): object {
  handlers.set(element, handler);
  return element;
}

export function unregisterRefreshHandler(id: object): void {
  handlers.delete(id);
}

/** Runs the handlers components registered; the shell calls it on a RefreshEvent. */
export async function runRefreshHandlers(): Promise<void> {
  await Promise.all([...handlers.values()].map((handler) => handler()));
}
