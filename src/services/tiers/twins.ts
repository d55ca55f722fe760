import { asUserError, type TwinHost } from '../apexTwins';
import { clearTierOverride, getCadence, setTierOverride } from './tierCadenceController';

/**
 * TierCadenceController's methods as local-org Apex twins: the preview's
 * `@salesforce/apex/TierCadenceController.<method>` calls land here.
 */
export function registerTierCadenceTwins(org: TwinHost): void {
  const methods = { getCadence, setTierOverride, clearTierOverride };
  for (const [method, twin] of Object.entries(methods))
    org.registerApexTwin('TierCadenceController', method, (ctx, params) =>
      asUserError(() => twin(ctx.conn, params ?? {}, ctx.systemConn))
    );
}
