import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { forceAppXml } from '../core/config/forceAppXml';
import { problem, type Problem } from './problem';

/**
 * Every `*-meta.xml` must be well-formed. source-deploy-retrieve "repairs" broken XML
 * silently and prettier does not validate it, so the org would be the first to complain.
 */
export function checkXmlWellFormed(files: string[]): Problem[] {
  return files
    .filter((file) => file.endsWith('-meta.xml'))
    .flatMap((file) => {
      const result = XMLValidator.validate(readFileSync(file, 'utf8'));
      if (result === true) return [];
      const { msg, line, col } = result.err;
      return [problem('malformed-xml', file, `line ${line}, column ${col}: ${msg}`)];
    });
}

const parse = forceAppXml();

/** Parsed XML as plain objects with string leaves; undefined when the file is malformed. */
export function parseXml(file: string): Record<string, unknown> | undefined {
  const text = readFileSync(file, 'utf8');
  if (XMLValidator.validate(text) !== true) return undefined;
  return parse(text) as Record<string, unknown>;
}

/** XML elements that may repeat come back as a single object when they occur once. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Reads a child element as text ('' when absent). */
export function text(node: unknown, key: string): string {
  if (!node || typeof node !== 'object') return '';
  const value = (node as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** Reads a child element as an object (an empty one when absent). */
export function child(node: unknown, key: string): Record<string, unknown> {
  if (!node || typeof node !== 'object') return {};
  const value = (node as Record<string, unknown>)[key];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Reads a repeating child element as an array. */
export function children(node: unknown, key: string): unknown[] {
  if (!node || typeof node !== 'object') return [];
  return asArray((node as Record<string, unknown>)[key]);
}
