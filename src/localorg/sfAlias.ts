import type { LocalOrg } from './server';
import { LOCAL_ORG_ALIAS } from '../org/connection';

/**
 * Registers the running local org in the sf CLI's auth store as `baton-local`, so
 * `sf data query -o baton-local` and `--target-org baton-local` work. Every start does it
 * again: its admin token is new, and the old one is refused. Best effort: a
 * machine without a writable ~/.sfdx still gets a working local org. Off with
 * BATON_NO_SF_ALIAS=1 (tests set it so they never touch the user's auth store).
 */
export async function registerSfAlias(
  org: LocalOrg
): Promise<{ alias: string | null; message?: string }> {
  if (process.env.BATON_NO_SF_ALIAS === '1') return { alias: null };
  try {
    const { AuthInfo, StateAggregator } = await import('@salesforce/core');
    const admin = org.users.find((u) => u.persona === 'admin')!;
    const authInfo = await AuthInfo.create({
      accessTokenOptions: {
        accessToken: admin.token,
        instanceUrl: org.instanceUrl,
        loginUrl: org.instanceUrl
      }
    });
    await authInfo.save();
    const state = await StateAggregator.getInstance();
    await state.aliases.setAndSave(LOCAL_ORG_ALIAS, authInfo.getUsername() ?? admin.username);
    return {
      alias: LOCAL_ORG_ALIAS,
      message: `Registered in the sf CLI as ${LOCAL_ORG_ALIAS} (sf data query -o ${LOCAL_ORG_ALIAS} -q "SELECT Name FROM Account")`
    };
  } catch (error) {
    return {
      alias: null,
      message: `Note: could not register ${LOCAL_ORG_ALIAS} with the sf CLI (${(error as Error).message.split('\n')[0]}); baton commands work without it.`
    };
  }
}
