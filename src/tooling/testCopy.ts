import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkProject, type Problem } from './metadataCheck';

/** The repository root, which holds sfdx-project.json and force-app. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * A throwaway copy of the SFDX project (force-app, sfdx-project.json, .forceignore) that a
 * test may break without touching the working tree.
 */
export function copyProject(): { dir: string; edit: EditFn; write: WriteFn; remove: RemoveFn } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-metadata-'));
  for (const entry of ['force-app', 'sfdx-project.json', '.forceignore']) {
    cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  }
  const at = (relative: string) => join(dir, relative);
  return {
    dir,
    edit: (relative, change) => {
      const before = readFileSync(at(relative), 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`test edit changed nothing in ${relative}`);
      writeFileSync(at(relative), after);
    },
    write: (relative, content) => {
      mkdirSync(dirname(at(relative)), { recursive: true });
      writeFileSync(at(relative), content);
    },
    remove: (relative) => rmSync(at(relative), { recursive: true })
  };
}

type EditFn = (relative: string, change: (text: string) => string) => void;
type WriteFn = (relative: string, content: string) => void;
type RemoveFn = (relative: string) => void;

export function removeCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

type ProjectCopy = ReturnType<typeof copyProject>;

/** A problem as "<check> <path below force-app/>: <message>", the same for every copy. */
export function describeProblem(p: Problem): string {
  return `${p.check} ${p.file.replace(/.*\/force-app\//, '')}: ${p.message}`;
}

async function metadataProblemsOf(change: (copy: ProjectCopy) => void): Promise<string[]> {
  const copy = copyProject();
  try {
    change(copy);
    return (await checkProject(copy.dir, { apex: false })).map(describeProblem);
  } finally {
    removeCopy(copy.dir);
  }
}

let baseline: Promise<string[]> | undefined;

/**
 * The metadata problems (Apex skipped) that breaking a copy of the project adds. Problems the
 * working tree already has are subtracted, so each case shows exactly what its own change
 * causes; the working tree itself is judged by the test that checks the real project.
 */
export async function problemsIntroducedBy(
  breakIt: (copy: ProjectCopy) => void
): Promise<string[]> {
  baseline ??= metadataProblemsOf(() => undefined);
  const before = new Set(await baseline);
  return (await metadataProblemsOf(breakIt)).filter((line) => !before.has(line));
}

/** A permission set's XML with the `<objectPermissions>` entry of `object` changed. */
export function editObjectPermission(
  xml: string,
  object: string,
  change: (entry: string) => string
): string {
  return editEntry(xml, 'objectPermissions', `<object>${object}</object>`, change);
}

/** A permission set's XML with the `<fieldPermissions>` entry of `field` changed. */
export function editFieldPermission(
  xml: string,
  field: string,
  change: (entry: string) => string
): string {
  return editEntry(xml, 'fieldPermissions', `<field>${field}</field>`, change);
}

function editEntry(xml: string, tag: string, key: string, change: (e: string) => string): string {
  const entries = xml.match(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'g')) ?? [];
  const entry = entries.find((candidate) => candidate.includes(key));
  if (!entry) throw new Error(`no ${tag} entry with ${key}`);
  return xml.replace(entry, change(entry));
}
