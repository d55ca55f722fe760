import type { Connection } from 'jsforce';
import { ZodError } from 'zod';
import { UserInputError } from '../../core/errors';
import { loadModelFromOrg } from '../../org/orgModel';
import { clearOverride, getHealth, setOverride } from './healthController';

/**
 * The local org's Apex twin registry, as it calls a twin: as the calling user's connection, plus
 * the system connection for what the Apex does `as system`.
 */
export interface HealthTwinHost {
  registerApexTwin(
    className: string,
    method: string,
    handler: (
      ctx: { conn: Connection; userId: string; systemConn: Connection },
      params: unknown
    ) => Promise<unknown>
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
 * HealthController's methods as local-org Apex twins: the preview's
 * `@salesforce/apex/HealthController.<method>` calls land here.
 */
export function registerHealthTwins(org: HealthTwinHost): void {
  org.registerApexTwin('HealthController', 'getHealth', (ctx, params) =>
    asUserError(() => getHealth(ctx.conn, params ?? {}))
  );
  org.registerApexTwin('HealthController', 'setOverride', (ctx, params) =>
    // The override's default length is the org's Override band record; read as the system,
    // as Apex's Health_Band__mdt.getInstance() reads it whatever the user's access.
    asUserError(async () =>
      setOverride(ctx.conn, params ?? {}, await loadModelFromOrg(ctx.systemConn), ctx.systemConn)
    )
  );
  org.registerApexTwin('HealthController', 'clearOverride', (ctx, params) =>
    asUserError(() => clearOverride(ctx.conn, params ?? {}, ctx.systemConn))
  );
}
