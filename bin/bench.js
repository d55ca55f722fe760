#!/usr/bin/env node
// `npm run bench` (node --expose-gc bin/bench.js [filter]): runs the registered benchmarks
// through tsx, prints a table and writes bench-results/latest.json. Not part of `npm test`.
require('tsx/cjs');
require('../src/bench/index.ts')
  .main(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  });
