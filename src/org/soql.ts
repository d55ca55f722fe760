/**
 * A SOQL string literal: backslashes and quotes escaped, so user text (an account name, a
 * key) can never end the literal and add to the query.
 */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
