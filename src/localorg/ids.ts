import { randomInt } from 'node:crypto';
import { checksumSuffix } from '../core/ids';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
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
