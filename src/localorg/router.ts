import type { IncomingMessage, ServerResponse } from 'node:http';
import { OrgError } from './errors';
import type { OrgCore } from './orgCore';
import type { UserAccess } from './permissions';
import type { RequestLimits } from './requestBody';

/** A user of the local org, as authenticated by a session token. */
export interface OrgUser {
  id: string;
  username: string;
  name: string;
  persona: 'seller' | 'accountManager' | 'lead' | 'admin';
  token: string;
}

export interface ApiContext {
  method: string;
  /** The path after `/services/data/vXX.X`, e.g. `/sobjects/Account/001…`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  req: IncomingMessage;
  res: ServerResponse;
  body(): Promise<unknown>;
  /** The caller, with the permissions its writes and describes are held to (none: admin). */
  user: OrgUser & { access?: UserAccess };
  org: OrgCore;
  /** The org's body and upload caps. */
  caps: RequestLimits;
}

/** `handled` means the handler wrote (streamed) the response itself. */
export type ApiResult =
  { status: number; body?: unknown; headers?: Record<string, string> } | 'handled';
export type ApiHandler = (ctx: ApiContext) => Promise<ApiResult> | ApiResult;

interface Route {
  method: string;
  parts: string[];
  handler: ApiHandler;
}

/** Routes for the REST API under /services/data/vXX.X, matched by method and path pattern. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: ApiHandler): void {
    this.routes.push({
      method: method.toUpperCase(),
      parts: pattern.split('/').filter(Boolean),
      handler
    });
  }

  match(
    method: string,
    path: string
  ): { handler: ApiHandler; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.parts.every((p, i) => {
        if (p.startsWith(':')) return ((params[p.slice(1)] = decodePathPart(parts[i])), true);
        return p.toLowerCase() === parts[i].toLowerCase();
      });
      if (ok) return { handler: route.handler, params };
    }
    return undefined;
  }
}

/** A %-encoded path segment; text that is not valid %-encoding is the client's error. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new OrgError(400, 'MALFORMED_URL', `The URL is not valid %-encoding: ${part}`);
  }
}
