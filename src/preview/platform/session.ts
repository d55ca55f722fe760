// The preview session the server writes into the page: who the current persona is and which
// language the shell chose. Platform modules read it when they load, as in a real org,
// where the user and language are fixed for the life of the page.

export interface PreviewSession {
  userId: string;
  userName: string;
  persona: string;
  /** The user's language (LanguageLocaleKey): labels and words. */
  language: string;
  /** The user's locale (LocaleSidKey): dates and numbers; absent, the language's. */
  locale?: string;
  personas?: { key: string; label: string }[];
  /** Custom tabs by name: Visible (in the bar), Available (opens) or Hidden, per permission sets. */
  tabs?: Record<string, 'Visible' | 'Available' | 'Hidden'>;
}

/** How the user meets a custom tab; a session without tabs (tests) shows every tab. */
export const tabVisibility = (tab: string) => session().tabs?.[tab] ?? 'Visible';

declare global {
  interface Window {
    __BATON_SESSION__?: PreviewSession;
  }
}

export function session(): PreviewSession {
  return window.__BATON_SESSION__ ?? { userId: '', userName: '', persona: '', language: 'en' };
}

/** Values for `@salesforce/user/<name>` imports. */
export function currentUser(name: string): string | boolean | undefined {
  if (name === 'Id') return session().userId;
  if (name === 'isGuest') return false;
  return undefined;
}
