import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { readJson, type OrgUser, type SignIn, type TabVisibility } from '../localorg/host';
import { readAppTabs } from '../metadata/appTabs';
import { sendFile } from './staticFiles';

/** A user the preview can act as; the token is the local org session id of that user. */
export interface PreviewPersona {
  key: string;
  label: string;
  userId: string;
  name: string;
  token: string;
}

export interface PreviewServerOptions {
  projectDir: string;
  /** Folder of the current build (main.js and chunks). */
  buildDir: () => string;
  buildHash: () => string;
  personas: () => PreviewPersona[];
  /** The org's sign-in: whose session a cookie is, login codes, who may act as whom. */
  signIn: SignIn;
  /** The Account a record's page belongs to (recordPages.ts); absent: every record is an Account. */
  accountOfRecord?: (objectApiName: string | undefined, recordId: string) => string | null;
  /** The user's own LanguageLocaleKey and LocaleSidKey; absent: English for everyone. */
  userLocale?: (user: OrgUser) => { language?: string | null; locale?: string | null };
  /** How `user` meets a custom tab, from their permission sets; absent: every tab is visible. */
  tabVisibility?: (user: OrgUser, tab: string) => TabVisibility;
}

/** The Baton app's custom tabs in force-app, read again when the build (and so its tabs) changes. */
function customTabs(options: PreviewServerOptions): string[] {
  const hash = `${options.projectDir}\0${options.buildHash()}`;
  if (tabsRead?.hash !== hash)
    tabsRead = {
      hash,
      names: readAppTabs(options.projectDir).flatMap((tab) =>
        tab.kind === 'custom' ? [tab.name] : []
      )
    };
  return tabsRead.names;
}
let tabsRead: { hash: string; names: string[] } | undefined;

// Lightning also opens `/lightning/r/<id>/view`, without the object's name.
const RECORD_PAGE = /^\/lightning\/r\/(?:(\w+)\/)?(\w+)\/view$/;
const ACCOUNT_PREFIX = '001';

const LANGUAGES = ['en', 'fi'];

/** The preview's language for a LanguageLocaleKey or LocaleSidKey ('fi', 'fi_FI', 'en_US'): English unless Finnish. */
const previewLanguage = (key: string | null | undefined) =>
  key?.split('_')[0].toLowerCase() === 'fi' ? 'fi' : 'en';

/**
 * The user's language and locale, as an org takes them from the User record; the header's
 * language switch (the baton_lang cookie) overrides both, to show a demo as a Finnish user sees it.
 */
function languageAndLocale(
  options: PreviewServerOptions,
  user: OrgUser,
  req: IncomingMessage
): { language: string; locale: string } {
  const chosen = cookies(req).baton_lang;
  if (LANGUAGES.includes(chosen)) return { language: chosen, locale: chosen };
  const own = options.userLocale?.(user) ?? {};
  // A user row from before the org kept LocaleSidKey has none: its language's formats, then.
  return {
    language: previewLanguage(own.language),
    locale: previewLanguage(own.locale ?? own.language)
  };
}
const SLDS_ASSETS = 'node_modules/@salesforce-ux/design-system/assets';

export function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter(([name]) => name)
      .map(([name, ...value]) => [name, decodeCookie(value.join('='))])
  );
}

/** A value that is not valid %-encoding reads as no value (no session), not as a crash. */
function decodeCookie(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

function page(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {}
) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers
  });
  res.end(html);
}

const sessionCookie = (token: string) =>
  `sid=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax`;

/**
 * The personas the switcher offers `user`: only those the sign-in lets it act as, with `user`
 * in their own persona's place, so a user who is not its first demo user (Juha, the second
 * account manager) sees himself selected rather than a blank switch.
 */
function switchTargets(options: PreviewServerOptions, user: OrgUser): PreviewPersona[] {
  return options
    .personas()
    .map((p) =>
      p.key === user.persona ? { ...p, userId: user.id, name: user.name, token: user.token } : p
    )
    .filter((p) => options.signIn.mayActAs(user, { id: p.userId, persona: p.key }));
}

function appHtml(
  options: PreviewServerOptions,
  user: OrgUser,
  { language, locale }: { language: string; locale: string }
): string {
  const session = {
    userId: user.id,
    userName: user.name,
    persona: user.persona,
    language,
    locale,
    personas: switchTargets(options, user).map(({ key, label }) => ({ key, label })),
    tabs: Object.fromEntries(
      customTabs(options).map((tab) => [tab, options.tabVisibility?.(user, tab) ?? 'Visible'])
    )
  };
  // Escape '<' so no value can close the script element.
  const json = JSON.stringify(session).replace(/</g, '\\u003c');
  const build = `/preview/build/${options.buildHash()}`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baton</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<script>window.__BATON_SESSION__ = ${json};</script>
<script type="module" src="${build}/main.js"></script>
</head>
<body><div id="root"></div></body>
</html>`;
}

const LOGGED_OUT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baton</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css"></head>
<body class="slds-p-around_xx-large"><div class="slds-box slds-theme_default">
<h1 class="slds-text-heading_medium">Baton local preview</h1>
<p class="slds-m-top_small">No session. Open the login link that <code>npm start</code> printed,
or make one: <code>baton org login --user seller|am|lead|admin</code>.</p>
</div></body></html>`;

const personaBody = z.object({ persona: z.string() });

/** A persona switch names one persona: a few bytes, never a large body held in memory. */
const PERSONA_BODY_BYTES = 4096;

function refuse(res: ServerResponse, errorCode: string, message: string) {
  res.writeHead(403, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify([{ errorCode, message }]));
}

/**
 * The preview's routes on the local org server: the shell page (`/`, `/lightning/...`), the
 * build, SLDS assets, static resources, the login link and the persona switch. Returns false
 * for requests that are not the preview's.
 */
export function previewHandler(options: PreviewServerOptions) {
  const signedIn = (req: IncomingMessage) => options.signIn.userByToken(cookies(req).sid);
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path.startsWith('/preview/build/')) {
      const rest = path.slice('/preview/build/'.length).split('/').slice(1).join('/');
      return sendFile(res, options.buildDir(), rest, 'public, max-age=31536000, immutable');
    }
    if (path.startsWith('/assets/')) {
      return sendFile(
        res,
        join(options.projectDir, SLDS_ASSETS),
        path.slice('/assets/'.length),
        'public, max-age=3600'
      );
    }
    if (path.startsWith('/preview/resource/')) {
      const name = path.slice('/preview/resource/'.length);
      return sendFile(
        res,
        join(options.projectDir, 'force-app/main/default/staticresources'),
        name,
        'no-cache'
      );
    }
    if (path === '/preview/persona' && req.method === 'POST') {
      const user = signedIn(req);
      if (!user)
        return (refuse(res, 'INVALID_SESSION_ID', 'Sign in with a login link first.'), true);
      const wanted = personaBody.safeParse(
        await readJson(req, PERSONA_BODY_BYTES).catch(() => undefined)
      );
      const target = switchTargets(options, user).find((p) => p.key === wanted.data?.persona);
      // Switching is a sign-in: never to a token stronger than the session's own.
      if (!target)
        return (
          refuse(
            res,
            'INSUFFICIENT_ACCESS',
            'You may not act as that persona: open its own login link (baton org login --user …).'
          ),
          true
        );
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Set-Cookie': sessionCookie(target.token)
      });
      res.end(JSON.stringify({ persona: target.key }));
      return true;
    }
    if (req.method !== 'GET' || (path !== '/' && !path.startsWith('/lightning/'))) return false;
    const code = url.searchParams.get('login');
    if (code) {
      // A login link works until the org restarts, in any number of browsers.
      const user = options.signIn.redeem(code);
      url.searchParams.delete('login');
      const target = path === '/' ? '/lightning/o/Account/list' : path;
      if (!user) return (page(res, 401, LOGGED_OUT), true);
      page(res, 302, '', {
        Location: target + (url.search || ''),
        'Set-Cookie': sessionCookie(user.token)
      });
      return true;
    }
    const user = signedIn(req);
    if (!user) return (page(res, 401, LOGGED_OUT), true);
    if (path === '/') return (page(res, 302, '', { Location: '/lightning/o/Account/list' }), true);
    const record = RECORD_PAGE.exec(path);
    if (record && options.accountOfRecord && !record[2].startsWith(ACCOUNT_PREFIX)) {
      // Links in posts and the bell name a handover, a post or a won deal: each opens its
      // Account's page, the preview's one record page, whatever object name the link gives.
      const accountId = options.accountOfRecord(record[1], record[2]);
      if (accountId)
        return (page(res, 302, '', { Location: `/lightning/r/Account/${accountId}/view` }), true);
    }
    page(res, 200, appHtml(options, user, languageAndLocale(options, user, req)));
    return true;
  };
}
