import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { z } from 'zod';
import { UserInputError } from '../core/errors';
import { API_VERSION } from '../metadata/apiVersion';

export const LOCAL_ORG_ALIAS = 'baton-local';

/** What `baton org start` writes (mode 600) so the CLI can reach the running local org. */
export const localAuthSchema = z.object({
  instanceUrl: z.string().url(),
  accessToken: z.string().min(1),
  username: z.string(),
  userId: z.string()
});
export type LocalAuth = z.infer<typeof localAuthSchema>;

export const localAuthFile = (dataDir = join(process.cwd(), '.localorg')) =>
  join(dataDir, 'auth.json');

export function readLocalAuth(dataDir?: string): LocalAuth {
  const file = localAuthFile(dataDir);
  if (!existsSync(file)) {
    throw new UserInputError(
      'No local org is running here. Start it with `npm start` (or `baton org start`), or pass --target-org <alias>.',
      'target-org'
    );
  }
  return localAuthSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * A jsforce Connection for `--target-org`: none means the local org of this folder
 * (`./.localorg/auth.json`); `baton-local` means whatever org the sf CLI alias names (each
 * `baton org start` re-registers it with its new token), so it reaches the running local org
 * from any folder, and this folder's auth file only when no such alias is registered; anything
 * else is an alias or username from the sf CLI's auth store, resolved through @salesforce/core 8.
 */
export async function connectToOrg(targetOrg?: string): Promise<Connection> {
  if (!targetOrg) return localConnection(readLocalAuth());
  if (targetOrg === LOCAL_ORG_ALIAS && !(await sfAliasExists(targetOrg))) {
    if (existsSync(localAuthFile())) return localConnection(readLocalAuth());
    throw new UserInputError(
      `No org is registered as ${LOCAL_ORG_ALIAS}: start one with \`baton org start\` (or npm start).`,
      'target-org'
    );
  }
  return connectThroughSf(targetOrg);
}

const localConnection = (auth: LocalAuth) =>
  new Connection({
    instanceUrl: auth.instanceUrl,
    accessToken: auth.accessToken,
    version: API_VERSION
  });

async function sfAliasExists(alias: string): Promise<boolean> {
  const { StateAggregator } = await import('@salesforce/core');
  StateAggregator.clearInstance();
  const state = await StateAggregator.getInstance();
  return !!state.aliases.getUsername(alias);
}

/** An alias or username from the sf CLI's auth store, resolved through @salesforce/core 8. */
export async function connectThroughSf(targetOrg: string): Promise<Connection> {
  // Loaded lazily: @salesforce/core is heavy, and local-org runs never need it.
  const { Org } = await import('@salesforce/core');
  try {
    const org = await Org.create({ aliasOrUsername: targetOrg });
    const conn = org.getConnection(API_VERSION);
    return new Connection({
      instanceUrl: conn.instanceUrl,
      accessToken: conn.accessToken ?? undefined,
      version: API_VERSION
    });
  } catch (error) {
    throw new UserInputError(
      `Cannot connect to org "${targetOrg}": ${(error as Error).message}`,
      'target-org'
    );
  }
}
