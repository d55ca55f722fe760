import type { Connection } from 'jsforce';
import { ZodError } from 'zod';
import { UserInputError } from '../../core/errors';
import { clearTierOverride, getCadence, setTierOverride } from './tierCadenceController';

/** The local org's Apex twin registry, as it calls a twin: as the calling user's connection. */
export interface TierTwinHost {
  registerApexTwin(
    className: string,
    method: string,
    handler: (ctx: { conn: Connection; userId: string }, params: unknown) => Promise<unknown>
  ): void;
}

/** A bad parameter becomes a message naming it, as AuraHandledException does in the org. */
async function asUserError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const field = issue.path.join('.');
      throw new UserInputError(`${field || 'params'}: ${issue.message}`, field);
    }
    throw error;
  }
}

/**
 * TierCadenceController's methods as local-org Apex twins: the preview's
 * `@salesforce/apex/TierCadenceController.<method>` calls land here.
 */
export function registerTierCadenceTwins(org: TierTwinHost): void {
  const methods = { getCadence, setTierOverride, clearTierOverride };
  for (const [method, twin] of Object.entries(methods))
    org.registerApexTwin('TierCadenceController', method, (ctx, params) =>
      asUserError(() => twin(ctx.conn, params ?? {}))
    );
}
