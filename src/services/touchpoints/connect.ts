import type { Connection } from 'jsforce';
import { UserInputError } from '../../core/errors';

/** Opens the org a command runs against; tests pass their own. */
export type Connect = (targetOrg?: string) => Promise<Connection>;

/** `--target-org` through the sf CLI auth store (@salesforce/core 8). */
export const connectWithSf: Connect = async (targetOrg) => {
  if (!targetOrg)
    throw new UserInputError(
      'Pass --target-org <alias|username> (an org authorised with sf, or baton-local).',
      'target-org'
    );
  const { Org } = await import('@salesforce/core');
  const org = await Org.create({ aliasOrUsername: targetOrg }).catch((error: Error) => {
    throw new UserInputError(`--target-org: ${error.message}`, 'target-org');
  });
  return org.getConnection() as unknown as Connection;
};
