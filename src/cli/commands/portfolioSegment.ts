import type { Command } from 'commander';
import { connectToOrg } from '../../org/connection';
import type { Connect } from '../../services/touchpoints/connect';
import {
  segmentAccounts,
  segmentHeadline,
  type SegmentSummary
} from '../../services/portfolio/segment';
import { loadPortfolioSettings } from '../../services/portfolio/settingsFromOrg';
import { failureLine, listedLines, registerDryRunCommand } from '../orgOption';

const LISTED = 20;

export function formatSegment(summary: SegmentSummary): string {
  return [
    segmentHeadline(summary),
    ...listedLines(
      summary.unscored,
      LISTED,
      (entry) =>
        `  not scored: ${entry.name ?? entry.accountId} (${entry.accountId}) lacks ${entry.missing.join(', ')}`
    ),
    ...summary.failures.slice(0, LISTED).map(failureLine)
  ].join('\n');
}

/** `baton portfolio segment`, in the `portfolio` topic (src/cli/topics/portfolio.ts). */
export function registerPortfolioSegment(topic: Command, connect: Connect = connectToOrg): void {
  registerDryRunCommand(
    topic,
    {
      name: 'segment',
      description:
        'score every account’s current value and write its value × potential segment (A–D) and strategy',
      connect,
      format: formatSegment
    },
    async (conn, options) => segmentAccounts(conn, await loadPortfolioSettings(conn), options)
  );
}
