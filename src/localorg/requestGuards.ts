import type { IncomingMessage } from 'node:http';
import { OrgError } from './errors';

/** Methods a browser may send cross-site without asking first, and that change nothing here. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token of an `Authorization: Bearer|OAuth` header (jsforce, sf), if any. */
export function bearerOf(req: IncomingMessage): string | undefined {
  return /^(?:Bearer|OAuth) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** The names this org answers to; a page on any other name reached it by DNS rebinding. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/**
 * Refuses a request whose Host header is not the org's own address: a DNS-rebinding page
 * (evil.example resolving to 127.0.0.1) sends its own name, which no browser lets it forge.
 */
export function checkHost(req: IncomingMessage, port: number): void {
  const host = (req.headers.host ?? '').toLowerCase();
  const allowed = allowedHosts(port);
  if (!allowed.includes(host))
    throw new OrgError(
      421,
      'MISDIRECTED_REQUEST',
      `This local org answers only to ${allowed.join(', ')}; the request named host "${host}"`
    );
}

/**
 * A request that rides on the browser's `sid` cookie (no bearer token) and changes something
 * must come from the org's own pages: SameSite=Lax does not tell one 127.0.0.1 port from
 * another, so a page of any other local server could otherwise post as the signed-in user.
 */
export function checkSameOrigin(req: IncomingMessage): void {
  // Without a cookie a request carries no session a page could borrow (the API answers 401).
  if (SAFE_METHODS.has(req.method ?? 'GET') || bearerOf(req) || !req.headers.cookie) return;
  const origin = req.headers.origin;
  const sameOrigin =
    origin !== undefined
      ? origin.toLowerCase() === `http://${(req.headers.host ?? '').toLowerCase()}`
      : req.headers['sec-fetch-site'] === 'same-origin';
  if (!sameOrigin)
    throw new OrgError(
      403,
      'CROSS_ORIGIN_REQUEST_REFUSED',
      `A cookie session may change data only from this org's own pages (Origin ${origin ?? 'missing'}); API clients send an Authorization: Bearer token`
    );
}

/**
 * A cookie-authenticated body must say what it is (JSON, or CSV for a Bulk upload): a
 * cross-site HTML form can send only text/plain, urlencoded or multipart bodies.
 */
export function checkContentType(req: IncomingMessage, expected: 'application/json' | 'text/csv') {
  if (bearerOf(req) || !hasBody(req)) return;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== expected)
    throw new OrgError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type header specified in HTTP request is not supported: ${type || 'none'} (expected ${expected})`
    );
}

const hasBody = (req: IncomingMessage) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
