import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { recoverBulkJobs, registerBulkRoutes } from './bulk/routes';
import { registerChatterRoutes } from './chatter/routes';
import { bayeuxRoutes } from './changeEvents/bayeux';
import { registerChatterUserRoutes } from './chatter/users';
import { registerCompositeRoutes } from './composite';
import { OrgError } from './errors';
import { answerNotOffered } from './notOffered';
import { ensureOrganization } from './organization';
import {
  API_VERSION,
  checkVersion,
  identityDocument,
  identityUrl,
  limitInfoHeader,
  limits,
  organizationIdFor,
  versionList,
  versionResource
} from './orgResources';
import { OrgCore } from './orgCore';
import { readJson, requestLimits, type RequestLimits } from './requestBody';
import { bearerOf, checkContentType, checkHost, checkSameOrigin } from './requestGuards';
import { registerReplicationRoutes } from './replication';
import { registerRestRoutes } from './rest';
import { Router, type ApiContext, type OrgUser } from './router';
import { SignIn } from './signIn';
import { signInRoutes } from './signInRoutes';
import { registerUiApiRoutes } from './uiapi/routes';
import { ensureUsers } from './users';

export { API_VERSION };

export type MountHandler = (
  req: IncomingMessage,
  res: ServerResponse
) => boolean | void | Promise<boolean | void>;
/**
 * `conn` is the calling user's: everything Apex does in user mode goes through it, so the org
 * holds it to that user's permissions. `systemConn` (the admin's) is only for what the Apex
 * does `as system`, e.g. HealthController writing Health_Status__c after an override.
 */
export type ApexTwin = (
  ctx: {
    conn: Connection;
    userId: string;
    systemConn: Connection;
    hasCustomPermission(name: string): boolean;
  },
  params: unknown
) => Promise<unknown>;

export interface LocalOrgOptions {
  dataDir: string;
  port?: number;
  projectDir?: string;
  /** Body and upload caps; default requestLimits() (environment variables). */
  bodyCaps?: RequestLimits;
}

/** Extra route families (Bulk API, …) plug in here before the server starts. */
export const routePlugins: ((router: Router) => void)[] = [
  // Before the REST routes: `/sobjects/{type}/updated` is not a record id.
  registerReplicationRoutes,
  registerRestRoutes,
  registerCompositeRoutes,
  registerChatterRoutes,
  registerChatterUserRoutes,
  registerUiApiRoutes,
  registerBulkRoutes
];

/**
 * The running local org: the REST API subset Baton, jsforce and `sf` use, on 127.0.0.1
 * only, behind per-user session tokens, plus mounted non-API routes (the preview).
 */
export class LocalOrg {
  readonly users: OrgUser[];
  readonly instanceUrl: string;
  /** This run's tokens and login codes, and who may act as whom. */
  readonly signIn: SignIn;
  /** Set by `baton org start` once it has finished; `baton org status` reports it. */
  readonly readiness = { ready: false, alias: null as string | null };
  private readonly mounts: { prefix: string; handler: MountHandler }[] = [];
  private readonly twins = new Map<string, ApexTwin>();
  private requests = 0;
  private readonly closing: (() => Promise<void>)[] = [];
  private readonly port: number;

  constructor(
    readonly core: OrgCore,
    private readonly server: Server,
    private readonly router: Router,
    readonly bodyCaps: RequestLimits = requestLimits()
  ) {
    this.users = ensureUsers(core);
    ensureOrganization(core, this.organizationId(), this.users);
    this.signIn = new SignIn(this.users);
    this.mount('/baton/', signInRoutes(this));
    const { port } = server.address() as AddressInfo;
    this.port = port;
    this.instanceUrl = `http://127.0.0.1:${port}`;
    this.requests = Number(core.store.meta('apiRequests') ?? '0');
  }

  get url(): string {
    return this.instanceUrl;
  }

  get accessToken(): string {
    return this.users.find((u) => u.persona === 'admin')!.token;
  }

  /** Personas in the shape the preview's switcher uses; the first user of each persona. */
  personas() {
    const labels = {
      seller: 'Seller',
      accountManager: 'Account manager',
      lead: 'CS lead',
      admin: 'Admin'
    };
    return (['seller', 'accountManager', 'lead', 'admin'] as const).map((key) => {
      const user = this.users.find((u) => u.persona === key)!;
      return { key, label: labels[key], userId: user.id, name: user.name, token: user.token };
    });
  }

  apiRequestCount(): number {
    return this.requests;
  }

  mount(prefix: string, handler: MountHandler): void {
    this.mounts.push({ prefix, handler });
    this.mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  registerApexTwin(className: string, method: string, twin: ApexTwin): void {
    this.twins.set(`${className}.${method}`.toLowerCase(), twin);
  }

  /** `class.method` of every registered twin, lower case (Apex names are case-insensitive). */
  registeredApexTwins(): string[] {
    return [...this.twins.keys()].sort();
  }

  connectionFor(user: OrgUser): Connection {
    return new Connection({
      instanceUrl: this.instanceUrl,
      accessToken: user.token,
      version: API_VERSION
    });
  }

  userByToken(token: string | undefined): OrgUser | undefined {
    return this.signIn.userByToken(token);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // `sf org login access-token` keeps the instance URL's trailing slash, so its requests
    // start `//services/`: one slash, as an org reads them (and never a URL's host part).
    const url = new URL((req.url ?? '/').replace(/^\/+/, '/'), this.instanceUrl);
    try {
      checkHost(req, this.port);
      // Before the session checks: Bulk 1.0 and SOAP carry their session elsewhere, and the
      // answer changes nothing.
      if (answerNotOffered(url.pathname, req, res)) return;
      checkSameOrigin(req);
      if (url.pathname.startsWith('/services/')) return await this.handleApi(req, res, url);
      if (url.pathname.startsWith('/id/')) return this.handleIdentity(req, res, url);
      for (const mount of this.mounts) {
        if (
          mount.prefix === '/' ||
          url.pathname === mount.prefix ||
          url.pathname.startsWith(mount.prefix)
        ) {
          const handled = await mount.handler(req, res);
          if (handled || res.writableEnded) return;
        }
      }
      send(res, 404, [
        { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
      ]);
    } catch (error) {
      if (error instanceof OrgError) {
        // A body refused unread is not drained: the connection closes after the answer.
        if (error.status === 413) res.setHeader('Connection', 'close');
        return send(res, error.status, error.toBody());
      }
      // Never echo internals or tokens: an error id to find the server log line by.
      const errorId = randomUUID();
      process.stderr.write(`local org: ${errorId} ${(error as Error).stack ?? error}\n`);
      if (!res.headersSent)
        send(res, 500, [
          {
            errorCode: 'UNKNOWN_EXCEPTION',
            message: `An unexpected error occurred. The local org's log names it ${errorId}.`
          }
        ]);
      else res.end();
    }
  }

  private authenticate(req: IncomingMessage): OrgUser {
    const bearer = bearerOf(req);
    const cookie = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const user = this.userByToken(bearer ?? (cookie ? decodeCookie(cookie) : undefined));
    if (!user) throw new OrgError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    return user;
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const user = this.authenticate(req);
    this.countRequest();
    res.setHeader('Sforce-Limit-Info', limitInfoHeader(this.requests));
    const path = url.pathname;
    if (path === '/services/oauth2/userinfo') return send(res, 200, this.userInfo(user));
    if (path === '/services/data' || path === '/services/data/') {
      return send(res, 200, versionList());
    }
    const twin = /^\/services\/apexrest-local\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(path);
    if (twin && req.method === 'POST')
      return send(res, 200, await this.runTwin(twin[1], twin[2], user, await this.readJson(req)));
    const versioned = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/.exec(path);
    if (!versioned) throw new OrgError(404, 'NOT_FOUND', 'The requested resource does not exist');
    checkVersion(versioned[1]);
    const apiPath = versioned[2] ?? '/';
    if (apiPath === '/limits') return send(res, 200, limits(this.requests));
    if (apiPath === '/' || apiPath === '')
      return send(
        res,
        200,
        versionResource(versioned[1], identityUrl(this.instanceUrl, this.organizationId(), user.id))
      );
    const match = this.router.match(req.method ?? 'GET', apiPath);
    if (!match) throw new OrgError(404, 'NOT_FOUND', 'The requested resource does not exist');
    let cached: Promise<unknown> | undefined;
    const ctx: ApiContext = {
      method: req.method ?? 'GET',
      path: apiPath,
      params: match.params,
      query: url.searchParams,
      req,
      res,
      body: () => (cached ??= this.readJson(req)),
      user: { ...user, access: this.core.access.forUser(user) },
      org: this.core,
      caps: this.bodyCaps
    };
    const result = await match.handler(ctx);
    if (result === 'handled') return;
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    send(res, result.status, result.body);
  }

  /** The identity service: only the signed-in user's own document, as an org answers it. */
  private handleIdentity(req: IncomingMessage, res: ServerResponse, url: URL) {
    const user = this.authenticate(req);
    const [orgId, userId] = url.pathname.split('/').slice(2);
    if (orgId !== this.organizationId() || userId?.slice(0, 15) !== user.id.slice(0, 15))
      throw new OrgError(403, 'Forbidden', 'You may only read your own identity');
    send(res, 200, identityDocument(this.instanceUrl, orgId, user));
  }

  private readJson(req: IncomingMessage): Promise<unknown> {
    checkContentType(req, 'application/json');
    return readJson(req, this.bodyCaps.jsonBytes);
  }

  private async runTwin(className: string, method: string, user: OrgUser, params: unknown) {
    const twin = this.twins.get(`${className}.${method}`.toLowerCase());
    if (!twin)
      throw new OrgError(404, 'NOT_FOUND', `No Apex twin is registered for ${className}.${method}`);
    try {
      const admin = this.users.find((u) => u.persona === 'admin')!;
      const ctx = {
        conn: this.connectionFor(user),
        userId: user.id,
        systemConn: this.connectionFor(admin),
        hasCustomPermission: (name: string) => {
          const access = this.core.access.forUser(user);
          return !access || access.hasCustomPermission(name);
        }
      };
      return (await twin(ctx, params)) ?? null;
    } catch (error) {
      if (error instanceof OrgError) throw error;
      const e = error as Error & {
        code?: string;
        errorCode?: string;
        field?: string;
        fields?: string[];
      };
      // An Apex AuraHandledException reaches the component as { body: { message } }.
      throw new OrgError(
        400,
        e.code ?? e.errorCode ?? e.name ?? 'APEX_ERROR',
        e.message,
        e.fields ?? (e.field ? [e.field] : [])
      );
    }
  }

  private countRequest() {
    this.requests++;
    if (this.requests % 100 === 0) this.core.store.setMeta('apiRequests', String(this.requests));
  }

  private userInfo(user: OrgUser) {
    return {
      sub: user.id,
      user_id: user.id,
      organization_id: this.organizationId(),
      preferred_username: user.username,
      name: user.name,
      email: user.username,
      nickname: user.name.split(' ')[0],
      active: true,
      language: 'en_US',
      locale: 'en_US',
      zoneinfo: 'GMT'
    };
  }

  organizationId(): string {
    return organizationIdFor(this.users[0].id);
  }

  /** Runs before the org stops listening, so its own clients (a change event subscriber) end cleanly. */
  beforeClose(hook: () => Promise<void>): void {
    this.closing.push(hook);
  }

  async close(): Promise<void> {
    for (const hook of this.closing.splice(0)) await hook();
    this.core.store.setMeta('apiRequests', String(this.requests));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.core.close();
  }
}

/** A cookie value that is not valid %-encoding is no session, not a server error. */
function decodeCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify(body));
}

/** Starts a local org on 127.0.0.1 (never another interface). Port 0 picks a free port. */
export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
  const core = new OrgCore(options.dataDir, options.projectDir ?? process.cwd());
  recoverBulkJobs(core);
  const router = new Router();
  for (const plugin of routePlugins) plugin(router);
  const holder: { org?: LocalOrg } = {};
  const server = createServer((req, res) => void holder.org!.handle(req, res));
  // Clients (jsforce, fetch) keep sockets alive between calls; a server that closes them
  // first makes a long computation's next request fail with 'socket hang up'.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  holder.org = new LocalOrg(core, server, router, options.bodyCaps);
  holder.org.mount('/cometd/', bayeuxRoutes(holder.org, core.records.changeLog!));
  return holder.org;
}
