import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * An approximate reading of Apex for the access checks: method bodies and the project methods
 * each one calls, found by pattern rather than by a compiler. Keys are "class.method" in lower
 * case, as Apex names are case-insensitive; overloads share one key.
 */
export type ApexMethod = {
  key: string;
  /** "Class.method" as the class file spells it. */
  name: string;
  file: string;
  body: string;
  calls: string[];
};

const NOT_METHODS = new Set(['if', 'for', 'while', 'catch', 'switch', 'when', 'return', 'new']);

export function readApexMethods(classFiles: string[]): Map<string, ApexMethod> {
  const sources = classFiles.map((file) => ({ file, ...clean(readFileSync(file, 'utf8')) }));
  const classNames = new Set(sources.map(({ file }) => basename(file, '.cls').toLowerCase()));
  const methods = new Map<string, ApexMethod>();
  const named = new Map<string, string[]>();
  const parsed = sources.map(({ file, code, masked }) => {
    const className = basename(file, '.cls').toLowerCase();
    const variables = variableTypes(masked, classNames);
    const found: { method: ApexMethod; masked: string }[] = [];
    for (const match of masked.matchAll(/(\w+)\s*\([^()]*\)\s*\{/g)) {
      const name = match[1].toLowerCase();
      const before = masked.slice(Math.max(0, match.index - 40), match.index);
      if (NOT_METHODS.has(name) || !/[\w>\]]\s+$/.test(before)) continue;
      const open = match.index + match[0].length - 1;
      const close = closing(masked, open, '{', '}');
      const key = `${className}.${name}`;
      const display = `${basename(file, '.cls')}.${match[1]}`;
      const method = methods.get(key) ?? { key, name: display, file, body: '', calls: [] };
      method.body += code.slice(open, close + 1);
      methods.set(key, method);
      named.set(name, [...(named.get(name) ?? []), key]);
      found.push({ method, masked: masked.slice(open, close + 1) });
    }
    return { className, variables, found };
  });
  for (const { className, variables, found } of parsed) {
    for (const { method, masked } of found) {
      for (const call of masked.matchAll(
        /(?:\bnew\s+(\w+)\s*\([^()]*\)\s*\.\s*|\b(\w+)\s*\.\s*)?\b(\w+)\s*\(/g
      )) {
        // `new X().m(`: the constructor runs, then m on X.
        const created = call[1]?.toLowerCase();
        if (created && classNames.has(created)) method.calls.push(`${created}.${created}`);
        const [qualifier, name] = [(call[1] ?? call[2])?.toLowerCase(), call[3].toLowerCase()];
        const owner = !qualifier || qualifier === 'this' ? className : qualifier;
        const target = classNames.has(name)
          ? [`${name}.${name}`]
          : classNames.has(owner)
            ? [`${owner}.${name}`]
            : variables.has(owner)
              ? [`${variables.get(owner)}.${name}`]
              : /^[a-z]/.test(call[2] ?? '')
                ? (named.get(name) ?? [])
                : [];
        method.calls.push(...target);
      }
    }
  }
  return methods;
}

/** Every method reachable from the entry points through project calls. */
export function reachableFrom(entries: string[], methods: Map<string, ApexMethod>): ApexMethod[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => entry.toLowerCase());
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key) || !methods.has(key)) continue;
    seen.add(key);
    queue.push(...methods.get(key)!.calls);
  }
  return [...seen].map((key) => methods.get(key)!);
}

/** Declared variables (fields, locals, parameters) whose type is a project class. */
function variableTypes(masked: string, classNames: Set<string>): Map<string, string> {
  const types = new Map<string, string>();
  for (const [, type, name] of masked.matchAll(/\b([A-Za-z]\w*)\s+(\w+)\s*[=;,):]/g)) {
    if (classNames.has(type.toLowerCase())) types.set(name.toLowerCase(), type.toLowerCase());
  }
  return types;
}

/** The source without comments, and a copy of it whose string literals are blanked out. */
function clean(source: string): { code: string; masked: string } {
  let code = '';
  let masked = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('//', i)) {
      i = source.indexOf('\n', i) - 1;
      if (i < 0) break;
    } else if (source.startsWith('/*', i)) {
      i = source.indexOf('*/', i + 2) + 1;
    } else if (source[i] === "'") {
      let end = i + 1;
      while (end < source.length && source[end] !== "'") end += source[end] === '\\' ? 2 : 1;
      code += source.slice(i, end + 1);
      masked += `'${' '.repeat(end - i - 1)}'`;
      i = end;
    } else {
      code += source[i];
      masked += source[i];
    }
  }
  return { code, masked };
}

/** The index of the bracket closing the one at `open` (strings must be masked). */
export function closing(masked: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === left) depth++;
    else if (masked[i] === right && --depth === 0) return i;
  }
  return masked.length - 1;
}

/** `masked` as clean() makes it, for callers that scan a body they took from `code`. */
export function maskStrings(code: string): string {
  return clean(code).masked;
}
