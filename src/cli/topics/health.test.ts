import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../../bin/baton.js');
const dir = mkdtempSync(join(tmpdir(), 'baton-health-'));

/**
 * Runs the real CLI in a child process, as a user or a pipeline would. The generous timeout
 * is for shared CI machines, where three tsx start-ups at once can take tens of seconds.
 */
function baton(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('node', [BIN, ...args], { timeout: 90_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr })
    );
  });
}

function inputFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('baton health score / tier suggest (child process)', () => {
  it('scores the accounts of a file and prints one JSON document', async () => {
    const file = inputFile('ok.json', {
      asOf: '2025-06-30',
      accounts: [
        {
          id: 'A',
          touchTier: 'High',
          licensedSeats: 40,
          activeUsers30d: 12,
          overdueInvoices: 1,
          lastTouchpointAt: '2025-06-01',
          surveys: [{ type: 'NPS', score: 3, date: '2025-06-01' }]
        },
        { id: 'B' }
      ]
    });
    const { code, stdout } = await baton('health', 'score', '--input', file, '--json');
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout);
    expect(results.map((result: { id: string }) => result.id)).toEqual(['A', 'B']);
    expect(results[0]).toMatchObject({
      score: 24, // (20·0 + 15·0 + 5·40 + 10·100) / 50
      coverage: 0.5,
      status: 'Red',
      quadrant: 'atRisk',
      trend: null
    });
    expect(results[0].measures[0]).toMatchObject({
      name: 'License_Utilisation',
      value: 0.3,
      score: 0,
      weight: 20
    });
    expect(results[0].drivers[0]).toMatch(/^Licence utilisation −\d+: 12 of 40 seats active/);
    expect(results[1]).toMatchObject({ score: null, status: 'Insufficient data', coverage: 0 });
  }, 120_000);

  it('exits 1 naming the JSON path of a bad value, with nothing on stdout', async () => {
    const bad = inputFile('bad.json', {
      asOf: '2025-06-30',
      accounts: [
        { id: 'A' },
        { id: 'B', surveys: [{ type: 'CSAT', score: 9, date: '2025-06-01' }] }
      ]
    });
    const notJson = inputFile('broken.json', '{"asOf": ');
    const [invalid, broken, tier] = await Promise.all([
      baton('health', 'score', '--input', bad, '--json'),
      baton('health', 'score', '--input', notJson, '--json'),
      baton('tier', 'suggest', '--mrr', '1000', '--potential', '9', '--json')
    ]);
    expect(invalid).toMatchObject({ code: 1, stdout: '' });
    expect(invalid.stderr).toContain(
      'accounts[1].surveys[0].score: CSAT score must be a whole number 1–5, got 9'
    );
    expect(broken).toMatchObject({ code: 1, stdout: '' });
    expect(broken.stderr).toContain('not JSON');
    expect(tier).toMatchObject({ code: 1, stdout: '' });
    expect(tier.stderr).toContain('--potential');
  }, 120_000);

  it('suggests a tier with arr, suggested and reason', async () => {
    const { code, stdout } = await baton(
      'tier',
      'suggest',
      '--mrr',
      '2000',
      '--potential',
      '4',
      '--json'
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      arr: 24000,
      suggested: 'High',
      reason: 'ARR 24\u202f000 ≥ 20\u202f000 and growth potential 4 ≥ 4'
    });
  }, 120_000);
});
