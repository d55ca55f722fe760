import { OrgError } from '../errors';
import type { OrgCore } from '../orgCore';
import type { ObjectDef } from '../schema/types';
import { compileQuery, parseSoql, type CompiledQuery } from '../soql/compile';
import { shapeRow, type QueryRecord } from '../soql/execute';
import { q } from '../store';
import {
  refreshSearchIndex,
  searchableObjects,
  searchTable,
  type SearchGroup
} from './searchIndex';

/** SOSL returns at most 2000 records in all, as Salesforce does. */
const MAX_RESULTS = 2000;

/** One object of RETURNING: its name and the SOQL clauses after it (`Id, Name WHERE … LIMIT 5`). */
export interface ReturningSpec {
  object: string;
  fields: string;
  clauses: string;
}

export interface SearchRequest {
  /** The search term as written between FIND's braces. */
  term: string;
  scope: 'all' | SearchGroup;
  returning: ReturningSpec[];
  limit?: number;
}

/** Salesforce answers SOSL it cannot read with MALFORMED_SEARCH. */
export const badSearch = (message: string) => new OrgError(400, 'MALFORMED_SEARCH', message);

/** Parses `FIND {term} [IN … FIELDS] [RETURNING Object(fields …), …] [LIMIT n]`. */
export function parseSosl(sosl: string): SearchRequest {
  const find = /^\s*FIND\s*(\{((?:\\.|[^\\}])*)\}|'((?:\\.|[^\\'])*)')/i.exec(sosl);
  if (!find) throw badSearch('a search starts with FIND {term}');
  const term = (find[2] ?? find[3]).replace(/\\(.)/g, '$1');
  let rest = sosl.slice(find[0].length);
  let scope: SearchRequest['scope'] = 'all';
  const scopeMatch = /^\s*IN\s+(ALL|NAME|EMAIL|PHONE|SIDEBAR)\s+FIELDS/i.exec(rest);
  if (scopeMatch) {
    const group = scopeMatch[1].toLowerCase();
    scope = group === 'sidebar' ? 'all' : (group as SearchRequest['scope']);
    rest = rest.slice(scopeMatch[0].length);
  }
  const returning: ReturningSpec[] = [];
  const returningMatch = /^\s*RETURNING\s+/i.exec(rest);
  if (returningMatch) {
    rest = rest.slice(returningMatch[0].length);
    for (;;) {
      const spec = readSpec(rest);
      returning.push(spec.spec);
      rest = spec.rest;
      const comma = /^\s*,\s*/.exec(rest);
      if (!comma) break;
      rest = rest.slice(comma[0].length);
    }
  }
  let limit: number | undefined;
  const limitMatch = /^\s*LIMIT\s+(\d+)/i.exec(rest);
  if (limitMatch) {
    limit = Number(limitMatch[1]);
    rest = rest.slice(limitMatch[0].length);
  }
  if (rest.trim()) throw badSearch(`unexpected text: ${rest.trim().slice(0, 40)}`);
  return { term, scope, returning, limit };
}

function readSpec(text: string): { spec: ReturningSpec; rest: string } {
  const name = /^\s*([A-Za-z][\w]*)/.exec(text);
  if (!name) throw badSearch('RETURNING needs an object name');
  let rest = text.slice(name[0].length);
  if (!/^\s*\(/.test(rest)) return { spec: { object: name[1], fields: 'Id', clauses: '' }, rest };
  const open = rest.indexOf('(');
  const close = closingParen(rest, open);
  const inside = rest.slice(open + 1, close);
  rest = rest.slice(close + 1);
  const clause = /\s(WHERE|ORDER\s+BY|LIMIT|OFFSET)\s/i.exec(` ${inside} `);
  const split = clause ? clause.index : inside.length;
  return {
    spec: { object: name[1], fields: inside.slice(0, split).trim(), clauses: inside.slice(split) },
    rest
  };
}

/** The index of the parenthesis that closes the one at `open`, skipping quoted text. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw badSearch('unbalanced parentheses in RETURNING');
}

/**
 * A SOSL search term as an FTS5 query: words and "phrases" (each word a phrase, so punctuation
 * splits it as the index did), a trailing * or ? as a prefix match, AND, OR, AND NOT and
 * parentheses kept. Words side by side must all match, as in SOSL.
 */
export function ftsQuery(term: string): string {
  const tokens = term.match(/"[^"]*"|\(|\)|[^\s()"]+/g) ?? [];
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const upper = token.toUpperCase();
    if (upper === 'AND' && tokens[i + 1]?.toUpperCase() === 'NOT') {
      parts.push('NOT');
      i++;
    } else if (['AND', 'OR', '(', ')'].includes(upper)) parts.push(upper);
    else {
      const prefix = /[*?]$/.test(token);
      const words = token.replace(/^"|"$/g, '').replace(/[*?]/g, ' ');
      if (!/[\p{L}\p{N}]/u.test(words)) continue;
      parts.push(`"${words.replace(/"/g, '""').trim()}"${prefix ? '*' : ''}`);
    }
  }
  if (!parts.some((p) => p.startsWith('"')))
    throw badSearch('search term must have at least one letter or digit');
  return parts.join(' ');
}

/** Runs a search: each RETURNING object's matches, in that order, at most `limit` in all. */
export function runSearch(org: OrgCore, request: SearchRequest): { searchRecords: QueryRecord[] } {
  const match = ftsQuery(request.term);
  const ftsMatch = request.scope === 'all' ? match : `{${request.scope}} : (${match})`;
  const specs = request.returning.length
    ? request.returning
    : searchableObjects(org.schema).map((o) => ({ object: o.name, fields: 'Id', clauses: '' }));
  const searchable = new Set(searchableObjects(org.schema));
  const limit = Math.min(request.limit ?? MAX_RESULTS, MAX_RESULTS);
  const records: QueryRecord[] = [];
  for (const spec of specs) {
    if (records.length >= limit) break;
    if (!/^\w+$/.test(spec.object)) throw badSearch(`not an object name: ${spec.object}`);
    const object = org.schema.get(spec.object);
    const query = parseSoql(`SELECT ${spec.fields} FROM ${spec.object} ${spec.clauses}`);
    if (object && !searchable.has(object))
      throw badSearch(`${object.name} is not searchable in the local org`);
    if (object) refreshSearchIndex(org.store, object);
    const compiled = compileQuery(query, org.schema, { rankedRows: matching(object, ftsMatch) });
    if (compiled.aggregate || compiled.children.length)
      throw badSearch('RETURNING takes fields, not aggregates or subqueries');
    for (const row of matchingRows(org, compiled).slice(0, limit - records.length))
      records.push(shapeRow(compiled, row));
  }
  return { searchRecords: records };
}

/** Runs a compiled search; a term FTS5 cannot read (unbalanced parentheses, a dangling OR) is the caller's error. */
function matchingRows(org: OrgCore, compiled: CompiledQuery): Record<string, unknown>[] {
  try {
    return org.db.prepare(compiled.sql).all(...compiled.params) as Record<string, unknown>[];
  } catch (error) {
    // Checked by message: SqliteError comes from the native module, another realm under jest.
    const message = String((error as { message?: unknown })?.message ?? '');
    if (message.startsWith('fts5:'))
      throw badSearch(`The search term cannot be read: ${message.slice(6)}`);
    throw error;
  }
}

/** The object's rows that match, ranked by FTS5's bm25 (lower is better). */
function matching(object: ObjectDef | undefined, ftsMatch: string) {
  if (!object) return undefined;
  const index = q(searchTable(object));
  return {
    sql: `SELECT rowid AS row, rank FROM ${index} WHERE ${index} MATCH ?`,
    params: [ftsMatch]
  };
}
