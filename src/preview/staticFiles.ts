import { readFileSync, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
};

/**
 * The file a URL path names under `root`, or undefined when it is no file or leads out of the
 * root: by `..`, or by a symlink, since these routes need no session and a link could name
 * any file the developer can read.
 */
export function fileUnder(root: string, urlPath: string): string | undefined {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(join(realRoot, decodeURIComponent(urlPath)));
    return real.startsWith(realRoot + sep) && statSync(real).isFile() ? real : undefined;
  } catch {
    // Not there, or not valid %-encoding: either way nothing is served.
    return undefined;
  }
}

/** Serves a file under root (see fileUnder); false when there is none to serve. */
export function sendFile(
  res: ServerResponse,
  root: string,
  urlPath: string,
  cache: string
): boolean {
  const path = fileUnder(root, urlPath);
  if (!path) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': cache
  });
  res.end(readFileSync(path));
  return true;
}
