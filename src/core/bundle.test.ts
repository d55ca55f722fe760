import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadProjectModel, PROJECT_MODEL_DIR } from '../metadata/projectModel';
import { recordsFromXml } from './config/loadXml';
import { scoreAccounts } from './health/score';
import { validateHandover } from './handover';
import { suggestTier } from './tier';

const ROOT = resolve(__dirname, '../..');
const BUNDLE = join(ROOT, 'force-app/main/default/lwc/batonCore/batonCore.js');

/** The project's records in the org's row shape: what a component receives from Apex. */
const records = recordsFromXml(
  readdirSync(PROJECT_MODEL_DIR)
    .filter((name) => name.endsWith('.md-meta.xml'))
    .sort()
    .map((name) => ({ name, xml: readFileSync(join(PROJECT_MODEL_DIR, name), 'utf8') }))
);

const AS_OF = '2025-06-30';
const accounts = [
  {
    id: 'a',
    touchTier: 'High' as const,
    contractStart: '2025-01-10',
    licensedSeats: 10,
    activeUsers30d: 4,
    surveys: [
      { type: 'NPS' as const, score: 3, date: '2025-05-01' },
      { type: 'NPS' as const, score: 10, date: '2025-05-02' }
    ],
    overdueInvoices: 1,
    previousScores: [{ date: '2025-06-02', score: 80 }]
  },
  { id: 'b' }
];

/** Runs the committed bundle as an ES module in a plain Node process, as a browser would load it. */
function runBundle(script: string, input: unknown): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'baton-core-bundle-'));
  try {
    const module = join(dir, 'batonCore.mjs');
    copyFileSync(BUNDLE, module);
    const code = `import * as core from ${JSON.stringify(pathToFileURL(module).href)};
      let text = ''; for await (const chunk of process.stdin) text += chunk;
      const input = JSON.parse(text);
      process.stdout.write(JSON.stringify((${script})(core, input)));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      input: JSON.stringify(input),
      encoding: 'utf8'
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('c/batonCore bundle', () => {
  it('is up to date with src/core (npm run build:core rebuilds it)', () => {
    const output = execFileSync(process.execPath, ['scripts/build-core-bundle.js', '--check'], {
      cwd: ROOT,
      encoding: 'utf8'
    });
    expect(output).toMatch(/is up to date/);
  });

  it('stays under the 128 KB a Lightning component file may have in older orgs', () => {
    expect(readFileSync(BUNDLE).length).toBeLessThan(131_072);
  });

  it('gives the same answers as the TypeScript core, from records in the org row shape', () => {
    const fromBundle = runBundle(
      `(core, { records, accounts, asOf }) => {
        const model = core.parseModelRecords(records);
        return {
          tier: core.suggestTier({ mrr: 2000, growthPotential: 4 }, model),
          health: core.scoreAccounts(accounts, model, asOf),
          handover: core.validateHandover({ Fit__c: 'Good' }, 'Low', model),
          nps: core.nps([10, 9, 0]).nps,
          parsed: core.accountSignalsSchema.safeParse({ id: 'x', licensedSeats: -1 }).error.issues[0].path
        };
      }`,
      { records, accounts, asOf: AS_OF }
    );
    const model = loadProjectModel();
    expect(fromBundle).toEqual({
      tier: suggestTier({ mrr: 2000, growthPotential: 4 }, model),
      health: JSON.parse(JSON.stringify(scoreAccounts(accounts, model, AS_OF))),
      handover: validateHandover({ Fit__c: 'Good' }, 'Low', model),
      nps: 33,
      parsed: ['licensedSeats']
    });
  });
});
