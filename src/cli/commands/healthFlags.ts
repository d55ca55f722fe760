import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isIsoDate, UserInputError } from '../../core';

/** `--as-of`: a calendar day YYYY-MM-DD (2026-02-30 is refused, not rolled into March). */
export function parseAsOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isIsoDate(text)) {
    throw new UserInputError(`--as-of: not a date YYYY-MM-DD: "${text}"`, 'as-of');
  }
  return text;
}

/**
 * `--failures <file>`: checked before anything is read or written, so a run never ends
 * with written rows and a failure report it cannot save.
 */
export function parseFailuresFile(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (path.trim() === '') throw new UserInputError('--failures: give a file path', 'failures');
  const folder = dirname(resolve(path));
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UserInputError(`--failures: cannot write into ${folder}`, 'failures');
  }
  return path;
}

/**
 * `--wave-size <accounts>`: accounts read per wave of a large recompute (default 150 000).
 * A size above the org's account count reads everything in one wave, without the Id-range
 * filters, should an org refuse them on a lookup field.
 */
export function parseWaveSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const size = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(size) || size < 1) {
    throw new UserInputError(
      `--wave-size: a whole number of accounts, 1 or more, not "${text}"`,
      'wave-size'
    );
  }
  return size;
}
