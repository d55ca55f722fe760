import type Database from 'better-sqlite3';

/**
 * SOQL compares text ignoring case in every alphabet (`Ä` = `ä`); SQLite's NOCASE and LIKE fold
 * ASCII only. Text with a non-ASCII character is compared through this function instead, and
 * ASCII text keeps NOCASE, so its indexes still serve `=` and `LIKE 'prefix%'`.
 */
export const CASE_FOLD = 'soql_case_fold';

export function registerCaseFold(db: Database.Database): void {
  db.function(CASE_FOLD, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value
  );
}

export const isAscii = (text: string) => !/[^\x00-\x7f]/.test(text);

/**
 * A SOQL LIKE literal (quoted, as written) as an SQLite LIKE pattern: `\%` and `\_` are a
 * literal percent sign and underscore, `\\` a backslash; `escaped` says the pattern needs
 * `ESCAPE '\'` (without it SQLite may use an index for a prefix).
 */
export function likePattern(raw: string): { pattern: string; escaped: boolean } {
  const text = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  let pattern = '';
  let escaped = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char !== '\\' || at + 1 === text.length) {
      pattern += char;
      continue;
    }
    const next = text[++at];
    if (next === '%' || next === '_' || next === '\\') {
      pattern += `\\${next}`;
      escaped = true;
    } else pattern += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[next] ?? next;
  }
  return { pattern, escaped };
}
