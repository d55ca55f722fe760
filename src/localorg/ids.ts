import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix that turns a 15-character id into 18 characters. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
}

export const ID_PATTERN = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** An 18-character id for a 15- or 18-character one, or undefined when malformed. */
export function to18(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  const id15 = id.slice(0, 15);
  const full = id15 + checksumSuffix(id15);
  return id.length === 18 && id !== full ? undefined : full;
}

/**
 * Ids look like an org's: key prefix, pod characters, then a sequence in base 62. A random
 * pod part per install keeps ids from two local orgs apart.
 */
export function makeId(keyPrefix: string, pod: string, sequence: number): string {
  let body = '';
  let n = sequence;
  for (let i = 0; i < 10; i++) {
    body = BASE62.charAt(n % 62) + body;
    n = Math.floor(n / 62);
  }
  const id15 = keyPrefix + pod + body;
  return id15 + checksumSuffix(id15);
}

export function newPod(): string {
  return BASE62.charAt(randomInt(10)) + BASE62.charAt(10 + randomInt(26));
}

/** Custom object key prefixes: a00, a01, … in order of first sight, kept by the store. */
export function customPrefix(index: number): string {
  return 'a' + BASE62.charAt(Math.floor(index / 62)) + BASE62.charAt(index % 62);
}
