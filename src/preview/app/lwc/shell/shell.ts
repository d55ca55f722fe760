import { LightningElement } from 'lwc';
import {
  LOCATION_EVENT,
  currentPageReference,
  type PageReference
} from '../../../platform/navigation';
import { TOAST_EVENT, type Toast } from '../../../platform/toast';
import { REFRESH_EVENT, runRefreshHandlers } from '../../../platform/refresh';
import { tabVisibility } from '../../../platform/session';
import { refreshAllRecords } from '../../../platform/uiRecordApi';
import { strings } from '../../strings';
import { customTab, tabLabel } from '../../tabs';

interface ShownToast extends Toast {
  key: number;
  themeClass: string;
  icon: string;
}

const TOAST_MS = 6000;

/**
 * The preview's Lightning Experience container: global header, routing between the account
 * list, the Account record page and the app's custom tabs, and the toasts and refreshes components ask for.
 */
export default class Shell extends LightningElement {
  page: PageReference = currentPageReference();
  toasts: ShownToast[] = [];
  private nextToast = 0;

  private readonly onLocation = () => {
    this.page = currentPageReference();
    window.scrollTo(0, 0);
  };

  private readonly onToast = (event: Event) => {
    const toast = (event as CustomEvent<Toast>).detail ?? {};
    const variant = toast.variant ?? 'info';
    const key = ++this.nextToast;
    this.toasts = [
      ...this.toasts,
      {
        ...toast,
        key,
        themeClass: `slds-notify slds-notify_toast slds-theme_${variant}`,
        icon: `utility:${variant}`
      }
    ];
    if (toast.mode !== 'sticky') setTimeout(() => this.dismiss(key), TOAST_MS);
  };

  private readonly onRefresh = () => {
    void refreshAllRecords();
    void runRefreshHandlers();
  };

  connectedCallback(): void {
    window.addEventListener(LOCATION_EVENT, this.onLocation);
    window.addEventListener('popstate', this.onLocation);
    window.addEventListener(TOAST_EVENT, this.onToast);
    window.addEventListener(REFRESH_EVENT, this.onRefresh);
  }

  disconnectedCallback(): void {
    window.removeEventListener(LOCATION_EVENT, this.onLocation);
    window.removeEventListener('popstate', this.onLocation);
    window.removeEventListener(TOAST_EVENT, this.onToast);
    window.removeEventListener(REFRESH_EVENT, this.onRefresh);
  }

  get isRecordPage(): boolean {
    return this.page.type === 'standard__recordPage';
  }

  /** A custom tab of the Baton app (`/lightning/n/<name>`), as its metadata lists them. */
  get appTab(): string | undefined {
    const name = this.page.type === 'standard__navItemPage' ? this.page.attributes?.apiName : '';
    return customTab(name)?.name;
  }

  /** A hidden tab's address opens nothing but the org's no-access page, as in Lightning. */
  get tabAllowed(): boolean {
    return !!this.appTab && tabVisibility(this.appTab) !== 'Hidden';
  }

  /** Names the tab and the permission sets that show it, so the user knows whom to ask. */
  get noAccessText(): string {
    const tab = customTab(this.appTab);
    return tab ? strings().noAccessText(tabLabel(tab), tab.grantedBy) : '';
  }

  get text() {
    return strings();
  }

  get search(): string {
    return this.page.state?.q ?? '';
  }

  get recordId(): string | undefined {
    return this.page.attributes?.recordId;
  }

  dismiss(key: number): void {
    this.toasts = this.toasts.filter((toast) => toast.key !== key);
  }

  handleDismiss(event: Event): void {
    this.dismiss(Number((event.currentTarget as HTMLElement).dataset.key));
  }
}
