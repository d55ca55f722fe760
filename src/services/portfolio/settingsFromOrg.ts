import type { Connection } from 'jsforce';
import {
  parsePortfolioSettings,
  PORTFOLIO_MDT_TYPES,
  PORTFOLIO_SCHEMAS,
  type PortfolioSettings
} from '../../core/portfolio/settings';

/**
 * The org's own portfolio settings, as Apex reads them with getAll(): one query per type,
 * asking only for the fields the core's schemas read.
 */
export async function loadPortfolioSettings(conn: Connection): Promise<PortfolioSettings> {
  const entries = await Promise.all(
    PORTFOLIO_MDT_TYPES.map(async (type) => {
      const fields = Object.keys(PORTFOLIO_SCHEMAS[type].shape).join(', ');
      const result = await conn.query<Record<string, unknown>>(
        `SELECT ${fields} FROM ${type} ORDER BY DeveloperName`
      );
      return [type, result.records.map(({ attributes: _attributes, ...row }) => row)] as const;
    })
  );
  return parsePortfolioSettings(Object.fromEntries(entries));
}
