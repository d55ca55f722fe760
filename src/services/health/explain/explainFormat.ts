import type { ScoredAccount, QuadrantKey } from '../recompute/scorer';

const QUADRANT_TEXT: Record<QuadrantKey, string> = {
  healthy: 'Healthy',
  satisfiedNotSucceeding: 'Satisfied but not succeeding (silent churn risk)',
  succeedingUnhappy: 'Succeeding but unhappy',
  atRisk: 'At risk'
};

export interface Explanation {
  account: { id: string; name: string };
  asOf: string;
  result: ScoredAccount;
  override: { status: string; until: string | null; reason: string | null } | null;
  /** What the last recompute stored, to show whether it is stale. */
  stored: { score: number | null; status: string | null; scoredAt: string | null };
}

const fixed = (value: number | null, digits: number) =>
  value === null ? '–' : value.toFixed(digits);

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, k) =>
    Math.max(title.length, ...rows.map((row) => row[k].length))
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)];
}

/** `baton health explain` as a readable table: the score, why, and what to look at first. */
export function formatExplanation(explanation: Explanation): string {
  const { account, asOf, result, override, stored } = explanation;
  const trend =
    result.trend === null
      ? 'no trend yet'
      : `${result.trend > 0 ? '+' : ''}${result.trend} vs 4+ weeks ago`;
  const lines = [
    `${account.name} (${account.id}), as of ${asOf}`,
    `Score ${result.score ?? '–'} · ${result.status} · ${trend} · coverage ${fixed(result.coverage, 2)} (${result.measuresUsed} of ${result.measuresApplicable} measures)`,
    `Quadrant: ${result.quadrant ? QUADRANT_TEXT[result.quadrant] : '– (needs both experience and outcome data)'}`
  ];
  if (override) {
    lines.push(
      `Override: ${override.status} until ${override.until ?? 'cleared'}: ${override.reason ?? ''} (shown instead of ${result.status})`
    );
  }
  if (stored.scoredAt) {
    lines.push(`Stored: ${stored.score ?? '–'} ${stored.status ?? ''} at ${stored.scoredAt}`);
  } else {
    lines.push('Stored: never recomputed (run `baton health recompute`)');
  }
  lines.push('');
  lines.push(
    ...table(
      ['Measure', 'Group', 'Value', 'Score', 'Weight', 'Points lost'],
      result.measures.map((measure) => [
        measure.label,
        measure.group,
        fixed(measure.value, 2),
        fixed(measure.score, 1),
        String(measure.weight),
        fixed(measure.pointsLost, 1)
      ])
    )
  );
  lines.push('', 'Top drivers:');
  lines.push(
    ...(result.drivers.length
      ? result.drivers.map((driver, k) => `  ${k + 1}. ${driver}`)
      : ['  none: nothing lowers the score'])
  );
  return lines.join('\n');
}
