import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readJson } from './requestBody';
import { bearerOf } from './requestGuards';
import { loginResultSchema, statusSchema } from '../org/localOrgSignInSchemas';
import type { OrgUser } from './router';
import type { LocalOrg } from './server';

/** `POST /baton/login`: whom to sign in; none means the seller, as `npm start`'s link. */
export const loginRequestSchema = z.object({ user: z.string().min(1).default('seller') });

const MAX_BODY_BYTES = 4096;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify(body));
}

const refusal = (errorCode: string, message: string) => [{ errorCode, message }];

/**
 * The local org's own sign-in service, for `baton org login` and `baton org status`. Only the
 * admin's bearer token (what `baton org start` writes to auth.json and gives the sf alias) is
 * accepted: never a cookie, so no page in a browser can call it.
 */
export function signInRoutes(org: LocalOrg) {
  const admin = (req: IncomingMessage, res: ServerResponse): OrgUser | undefined => {
    const user = org.signIn.userByToken(bearerOf(req));
    if (!user) send(res, 401, refusal('INVALID_SESSION_ID', 'Session expired or invalid'));
    else if (user.persona !== 'admin')
      send(res, 403, refusal('INSUFFICIENT_ACCESS', 'Only the local admin signs users in'));
    else return user;
    return undefined;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', org.instanceUrl).pathname;
    if (path === '/baton/status' && req.method === 'GET') {
      if (admin(req, res)) send(res, 200, status(org));
      return true;
    }
    if (path === '/baton/login' && req.method === 'POST') {
      if (!admin(req, res)) return true;
      let request: z.infer<typeof loginRequestSchema>;
      try {
        request = loginRequestSchema.parse(await readJson(req, MAX_BODY_BYTES));
      } catch {
        send(res, 400, refusal('JSON_PARSER_ERROR', 'Send {"user": "<username or persona>"}'));
        return true;
      }
      const user = org.signIn.findUser(request.user);
      if (!user) {
        const known = ['seller', 'am', 'lead', 'admin', ...org.users.map((u) => u.username)];
        send(
          res,
          404,
          refusal('NOT_FOUND', `No demo user "${request.user}"; use one of: ${known.join(', ')}`)
        );
        return true;
      }
      send(res, 200, {
        username: user.username,
        userId: user.id,
        instanceUrl: org.instanceUrl,
        accessToken: user.token,
        loginUrl: org.instanceUrl + org.signIn.loginPath(user)
      } satisfies z.infer<typeof loginResultSchema>);
      return true;
    }
    return false;
  };
}

function status(org: LocalOrg): z.infer<typeof statusSchema> {
  return {
    ready: org.readiness.ready,
    instanceUrl: org.instanceUrl,
    port: Number(new URL(org.instanceUrl).port),
    dataDir: org.core.dataDir,
    alias: org.readiness.alias,
    users: org.users.map((u) => ({
      username: u.username,
      userId: u.id,
      name: u.name,
      persona: u.persona
    }))
  };
}
