import { soqlString } from '../../../org/soql';
import { formatExplanation } from './explainFormat';
import type { ScoredAccount } from '../recompute/scorer';

const result: ScoredAccount = {
  score: 64,
  status: 'Yellow',
  coverage: 0.75,
  trend: -8,
  trendDirection: 'down',
  quadrant: 'satisfiedNotSucceeding',
  measures: [
    {
      key: 'nps',
      name: 'NPS',
      label: 'NPS',
      group: 'Experience',
      value: -20,
      score: 40,
      weight: 15,
      pointsLost: 12.5
    },
    {
      key: 'csat',
      name: 'CSAT',
      label: 'CSAT',
      group: 'Experience',
      value: null,
      score: null,
      weight: 10,
      pointsLost: null
    }
  ],
  drivers: ['NPS −13: 3 detractors of 5 responses'],
  driversFi: [],
  measuresUsed: 6,
  measuresApplicable: 9
};

describe('health explain', () => {
  it('escapes a name so it can never end the SOQL string', () => {
    expect(soqlString("O'Brien \\' OR Name != '")).toBe("'O\\'Brien \\\\\\' OR Name != \\''");
  });

  it('prints the score line, quadrant, override, a measure table and the drivers', () => {
    const text = formatExplanation({
      account: { id: '001000000000001AAA', name: 'Kontrakti Oy' },
      asOf: '2026-11-20',
      result,
      override: { status: 'Green', until: '2026-12-20', reason: 'Renewal signed' },
      stored: { score: 64, status: 'Green', scoredAt: '2026-11-20T03:00:00.000Z' }
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Kontrakti Oy (001000000000001AAA), as of 2026-11-20');
    expect(lines[1]).toBe(
      'Score 64 · Yellow · -8 vs 4+ weeks ago · coverage 0.75 (6 of 9 measures)'
    );
    expect(text).toContain('Quadrant: Satisfied but not succeeding (silent churn risk)');
    expect(text).toContain(
      'Override: Green until 2026-12-20: Renewal signed (shown instead of Yellow)'
    );
    expect(lines).toContain('NPS      Experience  -20.00   40.0      15         12.5');
    expect(lines).toContain('CSAT     Experience       –      –      10            –');
    expect(text.endsWith('Top drivers:\n  1. NPS −13: 3 detractors of 5 responses')).toBe(true);
  });
});
