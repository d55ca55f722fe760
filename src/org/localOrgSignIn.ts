import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { BatonError, UserInputError } from '../core/errors';
import { loginResultSchema, statusSchema } from './localOrgSignInSchemas';
import { LOCAL_ORG_ALIAS, localAuthFile, readLocalAuth } from './connection';

export type LocalOrgStatus = z.infer<typeof statusSchema>;
export type LocalOrgLogin = z.infer<typeof loginResultSchema>;

const NOT_RUNNING = 'LOCAL_ORG_NOT_RUNNING';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface AdminCredentials {
  instanceUrl: string;
  accessToken: string;
}

/**
 * The local admin's token: the data dir's auth.json (what `baton org start` writes), else the
 * `baton-local` sf alias (which every start re-registers), else the `--target-org` named, as
 * long as it is a local org: the sign-in service exists only there.
 */
async function adminCredentials(dataDir: string, targetOrg?: string): Promise<AdminCredentials> {
  const alias = targetOrg ?? LOCAL_ORG_ALIAS;
  if (alias === LOCAL_ORG_ALIAS && existsSync(localAuthFile(dataDir)))
    return readLocalAuth(dataDir);
  const { instanceUrl, accessToken } = await sfAuthOf(alias);
  if (!LOCAL_HOSTS.has(new URL(instanceUrl).hostname))
    throw new BatonError(
      'NOT_LOCAL_ORG',
      `${alias} is ${instanceUrl}, not the local org: baton org login signs in to the local org only (for a Salesforce org, use sf org open --target-org ${alias}).`,
      'target-org'
    );
  return { instanceUrl, accessToken };
}

/** An sf alias's stored credentials, read without connecting: a remote org is never contacted. */
async function sfAuthOf(alias: string): Promise<AdminCredentials> {
  const { AuthInfo, StateAggregator } = await import('@salesforce/core');
  try {
    const username = (await StateAggregator.getInstance()).aliases.resolveUsername(alias);
    const fields = (await AuthInfo.create({ username })).getFields(true);
    return {
      instanceUrl: (fields.instanceUrl ?? '').replace(/\/+$/, ''),
      accessToken: fields.accessToken ?? ''
    };
  } catch (error) {
    throw new UserInputError(
      `Cannot find org "${alias}" in the sf CLI's auth store: ${(error as Error).message}`,
      'target-org'
    );
  }
}

async function call(
  auth: AdminCredentials,
  path: string,
  init: RequestInit = {}
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(auth.instanceUrl + path, {
      ...init,
      headers: {
        Authorization: `Bearer ${auth.accessToken}`,
        'Content-Type': 'application/json'
      }
    });
  } catch {
    throw new BatonError(
      NOT_RUNNING,
      `No local org answers at ${auth.instanceUrl}. Start it with \`npm start\` (or \`baton org start\`).`,
      'target-org'
    );
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.status === 401)
    throw new BatonError(
      NOT_RUNNING,
      `The org at ${auth.instanceUrl} refused the local admin's token: it is not the org that wrote it (tokens change at every start), or it is still starting.`,
      'target-org'
    );
  if (!response.ok) {
    const message = (body as { message?: string }[] | undefined)?.[0]?.message;
    throw new UserInputError(message ?? `The local org answered ${response.status}`, 'user');
  }
  return body;
}

/** `baton org login`: a link (and a token) that signs in `user` until the org stops. */
export async function localOrgLogin(options: {
  dataDir?: string;
  targetOrg?: string;
  user?: string;
}): Promise<LocalOrgLogin> {
  const auth = await adminCredentials(resolve(options.dataDir ?? '.localorg'), options.targetOrg);
  const body = await call(auth, '/baton/login', {
    method: 'POST',
    body: JSON.stringify({ user: options.user ?? 'seller' })
  });
  return loginResultSchema.parse(body);
}

/** `baton org status`: whether the local org of `dataDir` runs, and is ready. */
export async function localOrgStatus(dataDir = '.localorg'): Promise<LocalOrgStatus> {
  const dir = resolve(dataDir);
  if (!existsSync(localAuthFile(dir)))
    throw new BatonError(
      NOT_RUNNING,
      `No local org is running for ${dir}. Start it with \`npm start\` (or \`baton org start --data-dir ${dataDir}\`).`,
      'data-dir'
    );
  return statusSchema.parse(await call(readLocalAuth(dir), '/baton/status'));
}
