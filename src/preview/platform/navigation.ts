import { WireAdapter } from './wire';

/** A Lightning page reference (`{ type, attributes, state }`). */
export interface PageReference {
  type: string;
  attributes?: Record<string, string | undefined>;
  state?: Record<string, string>;
}

/** Fired on window whenever the preview's location changes; the shell's router listens. */
export const LOCATION_EVENT = 'baton-locationchange';

/** The preview's URLs follow Lightning Experience's (`/lightning/r/Account/<id>/view`). */
export function urlFor(ref: PageReference): string {
  const query = new URLSearchParams(ref.state ?? {}).toString();
  return pathFor(ref) + (query ? `?${query}` : '');
}

function pathFor(ref: PageReference): string {
  const a = ref.attributes ?? {};
  switch (ref.type) {
    case 'standard__recordPage':
      return `/lightning/r/${a.objectApiName ?? 'Account'}/${a.recordId}/${a.actionName ?? 'view'}`;
    case 'standard__objectPage':
      return `/lightning/o/${a.objectApiName ?? 'Account'}/${a.actionName ?? 'list'}`;
    case 'standard__webPage':
      return a.url ?? '/';
    case 'standard__navItemPage':
      return `/lightning/n/${a.apiName}`;
    default:
      return '/lightning/o/Account/list';
  }
}

export function pageReferenceFor(path: string, search = ''): PageReference {
  const state = Object.fromEntries(new URLSearchParams(search));
  const record = /^\/lightning\/r\/(\w+)\/(\w+)\/(\w+)/.exec(path);
  if (record) {
    const [, objectApiName, recordId, actionName] = record;
    return {
      type: 'standard__recordPage',
      attributes: { objectApiName, recordId, actionName },
      state
    };
  }
  const tab = /^\/lightning\/n\/(\w+)/.exec(path);
  if (tab) return { type: 'standard__navItemPage', attributes: { apiName: tab[1] }, state };
  const object = /^\/lightning\/o\/(\w+)\/(\w+)/.exec(path);
  const [, objectApiName = 'Account', actionName = 'list'] = object ?? [];
  return { type: 'standard__objectPage', attributes: { objectApiName, actionName }, state };
}

/** The page reference of the browser's current location. */
export const currentPageReference = (): PageReference =>
  pageReferenceFor(window.location.pathname, window.location.search);

export function navigate(ref: PageReference, replace = false): void {
  const url = urlFor(ref);
  if (ref.type === 'standard__webPage') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  if (replace) window.history.replaceState({}, '', url);
  else window.history.pushState({}, '', url);
  window.dispatchEvent(new CustomEvent(LOCATION_EVENT));
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// TypeScript requires exactly this signature for a mixin's base class.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/** `NavigationMixin(LightningElement)`: Navigate and GenerateUrl route through the shell. */
export function NavigationMixin<T extends Constructor>(Base: T) {
  return class extends Base {
    [Navigate](ref: PageReference, replace?: boolean): void {
      navigate(ref, replace);
    }

    [GenerateUrl](ref: PageReference): Promise<string> {
      return Promise.resolve(urlFor(ref));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** `@wire(CurrentPageReference)`: the page reference of the current location. */
export class CurrentPageReference extends WireAdapter<unknown> {
  private readonly onChange = () =>
    this.emit(pageReferenceFor(window.location.pathname), undefined);

  connect(): void {
    super.connect();
    window.addEventListener(LOCATION_EVENT, this.onChange);
    window.addEventListener('popstate', this.onChange);
    this.onChange();
  }

  disconnect(): void {
    window.removeEventListener(LOCATION_EVENT, this.onChange);
    window.removeEventListener('popstate', this.onChange);
    super.disconnect();
  }

  async refresh(): Promise<void> {
    this.onChange();
  }
}
