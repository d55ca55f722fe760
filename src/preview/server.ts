import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
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
  /** One-time login codes (from the URL `npm start` prints) → session token. */
  loginCodes: Map<string, string>;
}

const LANGUAGES = ['en', 'fi'];
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

function appHtml(options: PreviewServerOptions, persona: PreviewPersona, language: string): string {
  const session = {
    userId: persona.userId,
    userName: persona.name,
    persona: persona.key,
    language,
    personas: options.personas().map(({ key, label }) => ({ key, label }))
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
<p class="slds-m-top_small">No session. Open the login URL that <code>npm start</code> printed.</p>
</div></body></html>`;

const personaBody = z.object({ persona: z.string() });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/**
 * The preview's routes on the local org server: the shell page (`/`, `/lightning/...`), the
 * build, SLDS assets, static resources, the one-time login and the persona switch. Returns
 * false for requests that are not the preview's.
 */
export function previewHandler(options: PreviewServerOptions) {
  const personaFor = (req: IncomingMessage) => {
    const token = cookies(req).sid;
    return token ? options.personas().find((p) => p.token === token) : undefined;
  };
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
      const wanted = personaBody.parse(await readBody(req)).persona;
      const target = options.personas().find((p) => p.key === wanted);
      if (!personaFor(req) || !target) {
        res.writeHead(403, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify([
            { errorCode: 'INVALID_SESSION_ID', message: 'Log in with the URL npm start printed.' }
          ])
        );
        return true;
      }
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
      const token = options.loginCodes.get(code);
      options.loginCodes.delete(code);
      url.searchParams.delete('login');
      const target = path === '/' ? '/lightning/o/Account/list' : path;
      if (!token) return (page(res, 401, LOGGED_OUT), true);
      page(res, 302, '', {
        Location: target + (url.search || ''),
        'Set-Cookie': sessionCookie(token)
      });
      return true;
    }
    const persona = personaFor(req);
    if (!persona) return (page(res, 401, LOGGED_OUT), true);
    if (path === '/') return (page(res, 302, '', { Location: '/lightning/o/Account/list' }), true);
    const language = LANGUAGES.includes(cookies(req).baton_lang) ? cookies(req).baton_lang : 'en';
    page(res, 200, appHtml(options, persona, language));
    return true;
  };
}
