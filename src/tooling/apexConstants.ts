import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The `static final` constants of Apex classes as plain values, so a test can compare the
 * constants that mirror the TypeScript core with the core's own. Reads literals only: strings,
 * integers, `new List|Set<…>{…}` and `new Map<…>{ k => v }`, and references to String or
 * Integer constants (`HandoverService.DRAFT`, `HISTORY_DAYS`) of the classes read.
 */
export type ApexValue = string | number | boolean | ApexValue[] | { [key: string]: ApexValue };

/** A constant as the class file declares it. */
export interface ApexConstant {
  className: string;
  name: string;
  /** The declared type, as written (`Map<String, Set<String>>`). */
  type: string;
  value: ApexValue;
}

type Token = { kind: 'string' | 'number' | 'name' | 'punct'; text: string };

/** Apex source without comments, strings kept (a `//` inside a string is text). */
function withoutComments(source: string): string {
  let out = '';
  for (let i = 0; i < source.length;) {
    if (source[i] === "'") {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
      out += ' ';
    } else out += source[i++];
  }
  return out;
}

/** The index just after the string literal that opens at `start`. */
function stringEnd(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < expression.length;) {
    const c = expression[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      const end = stringEnd(expression, i);
      const body = expression.slice(i + 1, end - 1);
      tokens.push({ kind: 'string', text: body.replace(/\\(.)/g, (_, e: string) => e) });
      i = end;
    } else if (expression.startsWith('=>', i)) {
      tokens.push({ kind: 'punct', text: '=>' });
      i += 2;
    } else {
      const word = /^(?:-?\d+(?:\.\d+)?|[A-Za-z_][\w.]*)/.exec(expression.slice(i));
      if (word) {
        tokens.push({ kind: /^-?\d/.test(word[0]) ? 'number' : 'name', text: word[0] });
        i += word[0].length;
      } else {
        tokens.push({ kind: 'punct', text: c });
        i++;
      }
    }
  }
  return tokens;
}

type Resolve = (reference: string) => ApexValue;

/** Parses one initialiser; throws on anything this reader does not take (calls, arithmetic). */
function parseValue(tokens: Token[], resolve: Resolve, where: string): ApexValue {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why} in ${tokens.map((t) => t.text).join(' ')}`);
  };
  const next = () => tokens[at++] ?? fail('unexpected end');
  const value = (): ApexValue => {
    const token = next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'name' && /^(true|false)$/i.test(token.text))
      return token.text.toLowerCase() === 'true';
    if (token.kind === 'name' && token.text.toLowerCase() === 'new') return collection();
    if (token.kind === 'name') return resolve(token.text);
    return fail(`unexpected ${token.text}`);
  };
  const collection = (): ApexValue => {
    const kind = next().text.toLowerCase();
    // Skip the type arguments, nested ones included.
    let depth = 0;
    do {
      const token = next();
      if (token.text === '<') depth++;
      if (token.text === '>') depth--;
    } while (depth > 0);
    if (next().text !== '{') fail('expected {');
    const items: ApexValue[] = [];
    const entries: Record<string, ApexValue> = {};
    while (tokens[at]?.text !== '}') {
      const item = value();
      if (tokens[at]?.text === '=>') {
        at++;
        entries[String(item)] = value();
      } else items.push(item);
      if (tokens[at]?.text === ',') at++;
    }
    at++;
    return kind === 'map' ? entries : items;
  };
  const result = value();
  if (at !== tokens.length) fail('trailing tokens');
  return result;
}

const DECLARATION =
  /\bstatic\s+final\s+([\w.]+(?:\s*<[\w\s.,<>]*>)?)\s+(\w+)\s*=\s*|\bfinal\s+static\s+([\w.]+(?:\s*<[\w\s.,<>]*>)?)\s+(\w+)\s*=\s*/gi;

/** Every class's `static final` constants, by `Class.NAME`. */
export function readApexConstants(classesDir: string): Map<string, ApexConstant> {
  const raw = new Map<string, { className: string; name: string; type: string; init: string }>();
  for (const file of readdirSync(classesDir).filter((name) => name.endsWith('.cls'))) {
    const className = basename(file, '.cls');
    const code = withoutComments(readFileSync(join(classesDir, file), 'utf8'));
    for (const match of code.matchAll(DECLARATION)) {
      const start = match.index + match[0].length;
      let end = start;
      let depth = 0;
      while (end < code.length && !(depth === 0 && code[end] === ';')) {
        if (code[end] === "'") {
          end = stringEnd(code, end);
          continue;
        }
        if ('({'.includes(code[end])) depth++;
        if (')}'.includes(code[end])) depth--;
        end++;
      }
      const name = match[2] ?? match[4];
      raw.set(`${className}.${name}`, {
        className,
        name,
        type: (match[1] ?? match[3]).replace(/\s+/g, ' '),
        init: code.slice(start, end)
      });
    }
  }
  const done = new Map<string, ApexConstant>();
  const evaluate = (key: string, seen: string[]): ApexConstant => {
    const known = done.get(key);
    if (known) return known;
    const declared = raw.get(key);
    if (!declared) throw new Error(`no constant ${key}`);
    if (seen.includes(key)) throw new Error(`constants refer to each other: ${seen.join(' → ')}`);
    const resolve: Resolve = (reference) => {
      const target = reference.includes('.') ? reference : `${declared.className}.${reference}`;
      const found = [...raw.keys()].find((k) => k.toLowerCase() === target.toLowerCase());
      if (!found) throw new Error(`${key}: ${reference} is not a constant this reader knows`);
      return evaluate(found, [...seen, key]).value;
    };
    const constant = {
      className: declared.className,
      name: declared.name,
      type: declared.type,
      value: parseValue(tokenize(declared.init), resolve, key)
    };
    done.set(key, constant);
    return constant;
  };
  const constants = new Map<string, ApexConstant>();
  for (const key of raw.keys()) {
    try {
      constants.set(key, evaluate(key, []));
    } catch {
      // Computed constants (HISTORY_DAYS + 1, a call) are not literals; nothing mirrors them here.
    }
  }
  return constants;
}
