import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What kind of check found a problem; stable names so tests and CI output can rely on them. */
export type CheckName =
  | 'unknown-type'
  | 'conversion'
  | 'dropped-component'
  | 'malformed-xml'
  | 'missing-reference'
  | 'permission'
  | 'picklist'
  | 'apex-parse'
  | 'apex-sharing'
  | 'apex-share-field'
  | 'apex-pmd'
  | 'apex-ls'
  | 'apex-jorje'
  | 'label-length'
  | 'permission-dependency'
  | 'user-mode-access'
  | 'component-apex'
  | 'chatter-limit'
  | 'field-length'
  | 'report';

/** One thing that would fail a deploy or break a Baton rule, with the file to fix. */
export type Problem = { check: CheckName; file: string; message: string };

export function problem(check: CheckName, file: string, message: string): Problem {
  return { check, file, message };
}

/** Every file below `dir`, as absolute paths, sorted so reports are stable. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** One line per problem, for test failure messages and the console. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `[${p.check}] ${p.file}: ${p.message}`).join('\n');
}
