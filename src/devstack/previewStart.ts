import type { LocalOrg } from '../localorg/server';
import { registerAllTwins } from './twins';
import { attachPreview } from '../preview/start';

export interface OrgStartContext {
  /** True when this start seeded a fresh data folder. */
  seeded: boolean;
  log(line: string): void;
  /** Recomputes health for every account, as the timer does. */
  recomputeHealth: () => Promise<string>;
}

/**
 * The preview's part of `baton org start` (`npm start`): the Apex twins behind the Baton
 * components, health computed after the first seed, the preview build served on the org's
 * server, and a one-time login URL printed for the newcomer.
 */
export async function onOrgStarted(org: LocalOrg, context: OrgStartContext): Promise<string> {
  // Idempotent: the twins behind Baton's components must be there whoever started the org.
  registerAllTwins(org);
  if (context.seeded) context.log(`Health: ${await context.recomputeHealth()}`);
  const preview = await attachPreview(org);
  context.log(
    preview.build.built
      ? `Preview built in ${(preview.build.ms / 1000).toFixed(1)} s.`
      : 'Preview build up to date.'
  );
  const url = preview.loginUrl('seller');
  context.log(
    `Baton is ready (${process.uptime().toFixed(1)} s after start). Open, as the seller:\n  ${url}\n` +
      '(the link works until the org stops; `baton org login --user am|lead|admin` prints the others)'
  );
  return url;
}
