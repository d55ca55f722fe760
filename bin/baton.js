#!/usr/bin/env node
// The `baton` CLI. TypeScript runs through tsx, so there is no build step between an edit and a run.
require('tsx/cjs');
require('../src/cli/main.ts');
