import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { OrgError } from './errors';

const MB = 1024 * 1024;

/** The largest bodies the org reads; each answers 413 past its cap instead of filling memory. */
export interface RequestLimits {
  /** A JSON request body (REST, composite, Connect, Apex twins). */
  jsonBytes: number;
  /** One Bulk API 2.0 upload (Salesforce's limit is 150 MB). */
  uploadBytes: number;
}

/** Caps from `BATON_ORG_MAX_JSON_MB` (default 20) and `BATON_ORG_MAX_UPLOAD_MB` (default 150). */
export function requestLimits(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  const megabytes = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!(value > 0)) throw new Error(`${name} must be a positive number of megabytes`);
    return Math.floor(value * MB);
  };
  return {
    jsonBytes: megabytes('BATON_ORG_MAX_JSON_MB', 20),
    uploadBytes: megabytes('BATON_ORG_MAX_UPLOAD_MB', 150)
  };
}

/** Deeper JSON than any API body needs; deeper nesting would exhaust the stack downstream. */
const MAX_JSON_DEPTH = 100;

const tooLarge = (what: string, cap: number, setting: string) =>
  new OrgError(
    413,
    'REQUEST_LIMIT_EXCEEDED',
    `The ${what} is larger than this org accepts (${cap} bytes); ${setting} raises the cap`
  );

function checkDeclaredLength(req: IncomingMessage, cap: number, error: () => OrgError) {
  if (Number(req.headers['content-length'] ?? 0) > cap) throw error();
}

/**
 * A request's JSON body: an object or array (an empty body reads as `{}`), at most `cap`
 * bytes and MAX_JSON_DEPTH levels deep, else a Salesforce error and never a stack trace.
 */
export async function readJson(req: IncomingMessage, cap: number): Promise<unknown> {
  const error = () => tooLarge('request body', cap, 'BATON_ORG_MAX_JSON_MB');
  checkDeclaredLength(req, cap, error);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req) {
    length += (chunk as Buffer).length;
    if (length > cap) throw error();
    chunks.push(chunk as Buffer);
  }
  let text: string;
  try {
    // As Salesforce does, bytes that are not UTF-8 refuse the body rather than become U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new OrgError(400, 'JSON_PARSER_ERROR', 'The request body is not valid UTF-8');
  }
  if (!text) return {};
  if (nestingDepth(text) > MAX_JSON_DEPTH)
    throw new OrgError(
      400,
      'JSON_PARSER_ERROR',
      `The request body nests deeper than ${MAX_JSON_DEPTH} levels`
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OrgError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null)
    throw new OrgError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object or array');
  return body;
}

/** The deepest nesting of brackets outside strings, in one pass. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** Passes an upload through, failing it with 413 once it is longer than `cap` bytes. */
export function uploadCap(req: IncomingMessage, cap: number): Transform {
  const error = () => tooLarge('upload', cap, 'BATON_ORG_MAX_UPLOAD_MB');
  checkDeclaredLength(req, cap, error);
  let length = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      length += chunk.length;
      done(length > cap ? error() : null, chunk);
    }
  });
}
