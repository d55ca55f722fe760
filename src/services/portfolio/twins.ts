import { asUserError, type TwinHost } from '../apexTwins';
import { getPortfolio } from './portfolioController';

/** PortfolioController.getPortfolio as a local-org Apex twin, for the preview's portfolio page. */
export function registerPortfolioTwins(org: TwinHost): void {
  org.registerApexTwin('PortfolioController', 'getPortfolio', (ctx, params) =>
    asUserError(() => getPortfolio(ctx.conn, params ?? {}))
  );
}
