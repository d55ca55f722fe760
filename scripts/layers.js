// What each folder under src/ may not import (eslint's import/no-restricted-paths zones).
// One table, read by eslint.config.js and by the test that proves the rule is live.
const ALL = [
  'core',
  'metadata',
  'org',
  'services',
  'localorg',
  'preview',
  'devstack',
  'cli',
  'testkit',
  'bench',
  'tooling'
];

/** The layers each folder may import, besides itself. */
const MAY_IMPORT = {
  // Pure domain: rules, scoring, planning, texts.
  core: [],
  // Reads the project's force-app metadata from disk.
  metadata: ['core'],
  // Connections, queries, bulk: talks to any org.
  org: ['core', 'metadata'],
  // Use cases, against any org through org/.
  services: ['core', 'metadata', 'org'],
  // A Baton-agnostic Salesforce emulator: runs whatever metadata and Apex twins it is given.
  localorg: ['core', 'metadata', 'org'],
  // Serves the real components on the emulator, through its host interface only (below).
  preview: ['core', 'metadata', 'localorg'],
  // The composition root: wires the emulator, the preview, the twins, the seed and the timers.
  devstack: ['core', 'metadata', 'org', 'services', 'localorg', 'preview'],
  cli: ['core', 'metadata', 'org', 'services', 'localorg', 'devstack'],
  testkit: ALL,
  bench: ALL,
  tooling: ['core', 'metadata', 'services']
};

/** Modules of a layer that another layer reaches only through one door. */
const ONLY_THROUGH = { preview: { localorg: ['./host.ts'] } };

const LAYER_ZONES = Object.entries(MAY_IMPORT).flatMap(([layer, allowed]) =>
  ALL.filter((other) => other !== layer && !allowed.includes(other))
    .map((other) => ({
      target: `./src/${layer}`,
      from: `./src/${other}`,
      message: `src/${layer} may not import src/${other} (see docs/architecture.md).`
    }))
    .concat(
      Object.entries(ONLY_THROUGH[layer] ?? {}).map(([other, except]) => ({
        target: `./src/${layer}`,
        from: `./src/${other}`,
        except,
        message: `src/${layer} reaches src/${other} only through ${except.join(', ')}.`
      }))
    )
);

module.exports = { ALL, MAY_IMPORT, LAYER_ZONES };
