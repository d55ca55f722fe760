import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  type EngineLogEvent
} from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { z } from 'zod';
import { problem, type Problem } from './problem';

/**
 * PMD rules every Baton Apex file must pass: the whole Security category (CRUD/FLS, sharing,
 * SOQL injection, XSS, hard-coded credentials…). The three named ones are listed explicitly
 * so that a change in PMD's tagging cannot silently drop them.
 */
export const PMD_RULE_SELECTORS = [
  'pmd:Security',
  'pmd:ApexCRUDViolation',
  'pmd:ApexSharingViolations',
  'pmd:ApexSOQLInjection'
];

export function isApexFile(file: string): boolean {
  return file.endsWith('.cls') || file.endsWith('.trigger');
}

/** Parse (prettier-plugin-apex), sharing keyword, then PMD once over all files. */
export async function checkApex(files: string[]): Promise<Problem[]> {
  const apexFiles = files.filter(isApexFile);
  if (apexFiles.length === 0) return [];
  return [
    ...parseProblems(apexFiles),
    ...apexFiles.flatMap(sharingProblems),
    ...(await runPmd(apexFiles))
  ];
}

/**
 * Prettier 3 loads its plugins with a dynamic import(), which jest's module sandbox refuses,
 * so the parse runs in one plain Node child process for all files at once.
 */
const PARSE_SCRIPT = `
const [prettierPath, pluginPath, ...files] = process.argv.slice(1);
const prettier = require(prettierPath);
const fs = require('fs');
Promise.all(files.map((file) => prettier
  .format(fs.readFileSync(file, 'utf8'), { parser: 'apex', plugins: [pluginPath] })
  .then(() => null, (error) => ({ file, message: String(error.message).split('\\n')[0] }))))
  .then((results) => process.stdout.write(JSON.stringify(results.filter(Boolean))));
`;

const ParseFailures = z.array(z.object({ file: z.string(), message: z.string() }));

function parseProblems(files: string[]): Problem[] {
  const args = [require.resolve('prettier'), require.resolve('prettier-plugin-apex'), ...files];
  const child = spawnSync(process.execPath, ['-e', PARSE_SCRIPT, ...args], { encoding: 'utf8' });
  if (child.status !== 0) {
    return [problem('apex-parse', files[0], `prettier could not run: ${child.stderr.trim()}`)];
  }
  return ParseFailures.parse(JSON.parse(child.stdout)).map(({ file, message }) =>
    problem('apex-parse', file, `does not parse: ${message}`)
  );
}

/**
 * Apex runs `with sharing`. PMD only flags a class with no keyword at all, so an
 * explicit `without sharing` needs its own check.
 */
function sharingProblems(file: string): Problem[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return /\bwithout\s+sharing\b/i.test(code)
    ? [problem('apex-sharing', file, 'declares "without sharing"; Baton Apex runs with sharing')]
    : [];
}

async function runPmd(files: string[]): Promise<Problem[]> {
  const analyzer = new CodeAnalyzer(
    CodeAnalyzerConfig.fromObject({ engines: { cpd: { disable_engine: true } } })
  );
  const engineErrors: EngineLogEvent[] = [];
  // PMD reports Apex it cannot parse only as an error-level log event, never as a violation.
  analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, (event) => {
    if (event.logLevel === LogLevel.Error) engineErrors.push(event);
  });
  await analyzer.addEnginePlugin(createEnginePlugin());
  const workspace = await analyzer.createWorkspace(files);
  const rules = await analyzer.selectRules(PMD_RULE_SELECTORS, { workspace });
  const results = await analyzer.run(rules, { workspace });
  const violations = results.getViolations().map((violation) => {
    const location = violation.getPrimaryLocation();
    return problem(
      'apex-pmd',
      location.getFile() ?? files[0],
      `line ${location.getStartLine()}: ${violation.getRule().getName()}: ${violation.getMessage().trim()}`
    );
  });
  const errors = engineErrors.map((event) => {
    const file = files.find((candidate) => event.message.includes(candidate));
    return problem(
      file ? 'apex-parse' : 'apex-pmd',
      file ?? files[0],
      `PMD: ${event.message.trim()}`
    );
  });
  return [...violations, ...errors];
}
