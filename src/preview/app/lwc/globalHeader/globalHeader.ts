import { LightningElement } from 'lwc';
import { LOCATION_EVENT, currentPageReference, navigate } from '../../../platform/navigation';
import { session } from '../../../platform/session';
import {
  markNotificationRead,
  mentionNotifications,
  switchPersona,
  type MentionNotification
} from '../../data';
import { strings } from '../../strings';
import { navTabs, tabOfPage } from '../../tabs';

const POLL_MS = 15000;
const ACCOUNT_PREFIX = '001';
const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'fi', label: 'suomi' }
];

/** Lightning's global header and navigation bar, with the preview's persona and language. */
export default class GlobalHeader extends LightningElement {
  text = strings();
  notifications: MentionNotification[] = [];
  showNotifications = false;
  private timer?: ReturnType<typeof setInterval>;

  connectedCallback(): void {
    window.addEventListener(LOCATION_EVENT, this.onLocation);
    window.addEventListener('popstate', this.onLocation);
    void this.loadNotifications();
    this.timer = setInterval(() => void this.loadNotifications(), POLL_MS);
  }

  disconnectedCallback(): void {
    window.removeEventListener(LOCATION_EVENT, this.onLocation);
    window.removeEventListener('popstate', this.onLocation);
    clearInterval(this.timer);
  }

  async loadNotifications(): Promise<void> {
    try {
      this.notifications = await mentionNotifications();
    } catch {
      // The bell stays empty when the org has no notifications to give.
      this.notifications = [];
    }
  }

  get personas() {
    const current = session().persona;
    const names: Record<string, string> = {
      seller: this.text.personaSeller,
      accountManager: this.text.personaAccountManager,
      lead: this.text.personaLead,
      admin: this.text.personaAdmin
    };
    // Named in the shell's language, as the rest of the header.
    return (session().personas ?? []).map((p) => ({
      ...p,
      label: names[p.key] ?? p.label,
      selected: p.key === current
    }));
  }

  get languages() {
    return LANGUAGES.map((l) => ({ ...l, selected: l.value === session().language }));
  }

  get userName(): string {
    return session().userName;
  }

  get unread(): number {
    return this.notifications.filter((n) => !n.read).length;
  }

  get hasUnread(): boolean {
    return this.unread > 0;
  }

  get hasNotifications(): boolean {
    return this.notifications.length > 0;
  }

  get bellLabel(): string {
    return `${this.text.notifications} (${this.unread})`;
  }

  async handlePersona(event: Event): Promise<void> {
    await switchPersona((event.target as HTMLSelectElement).value);
    window.location.reload();
  }

  handleLanguage(event: Event): void {
    const language = (event.target as HTMLSelectElement).value;
    document.cookie = `baton_lang=${language}; path=/; SameSite=Lax`;
    window.location.reload();
  }

  toggleNotifications(): void {
    this.showNotifications = !this.showNotifications;
  }

  openNotification(event: Event): void {
    event.preventDefault();
    const { recordId, id } = (event.currentTarget as HTMLElement).dataset;
    this.showNotifications = false;
    this.notifications = this.notifications.map((n) => (n.id === id ? { ...n, read: true } : n));
    // Reading is best effort: the bell must still navigate if the org cannot record it.
    if (id) markNotificationRead(id).catch(() => undefined);
    if (recordId?.startsWith(ACCOUNT_PREFIX)) {
      navigate({
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName: 'Account', actionName: 'view' }
      });
    } else if (recordId) {
      // Another record (a won deal, a handover, a post) opens the page the org routes it to,
      // its Account's, as only the org knows which object an id is and where it belongs.
      window.location.assign(`/lightning/r/${recordId}/view`);
    }
  }

  /** Enter in the global search opens the account list filtered by the term. */
  handleSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    const term = (event.target as HTMLInputElement).value ?? '';
    navigate({
      type: 'standard__objectPage',
      attributes: { objectApiName: 'Account', actionName: 'list' },
      state: { q: term }
    });
  }

  private current = tabOfPage(currentPageReference());
  private readonly onLocation = () => {
    this.current = tabOfPage(currentPageReference());
  };

  /** The Baton app's tabs from its metadata, those this user's permission sets make Visible. */
  get tabs() {
    return navTabs().map((tab) => ({
      ...tab,
      className: `slds-context-bar__item${tab.name === this.current ? ' slds-is-active' : ''}`,
      current: tab.name === this.current ? 'page' : null
    }));
  }

  openTab(event: Event): void {
    event.preventDefault();
    const name = (event.currentTarget as HTMLElement).dataset.tab;
    const tab = navTabs().find((t) => t.name === name);
    if (tab) navigate(tab.page);
  }
}
