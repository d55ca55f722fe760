import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { z } from 'zod';
import { UserInputError } from '../core/errors';

export const API_VERSION = '62.0';
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
 * A jsforce Connection for `--target-org`: none (or `baton-local` while the local org runs)
 * means the local org; anything else is an alias or username from the sf CLI's auth store,
 * resolved through @salesforce/core 8. The services get the same Connection either way.
 */
export async function connectToOrg(targetOrg?: string): Promise<Connection> {
  if (!targetOrg || (targetOrg === LOCAL_ORG_ALIAS && existsSync(localAuthFile()))) {
    const auth = readLocalAuth();
    return new Connection({
      instanceUrl: auth.instanceUrl,
      accessToken: auth.accessToken,
      version: API_VERSION
    });
  }
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
