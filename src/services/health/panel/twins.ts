import { loadModelFromOrg } from '../../../org/orgModel';
import { asUserError, type TwinHost } from '../../apexTwins';
import { clearOverride, getHealth, setOverride } from './healthController';

/**
 * HealthController's methods as local-org Apex twins: the preview's
 * `@salesforce/apex/HealthController.<method>` calls land here.
 */
export function registerHealthTwins(org: TwinHost): void {
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
