// Where the cache of `tam validate --cache` lives by default, and reading it: the CLI and the
// language server (which only reads it) read it the same way. Anything unreadable counts as no
// cache: the run then checks everything.

import * as fs from 'node:fs';

/** The default cache file, in the workspace root (next to tam.yaml). */
export const CACHE_FILE = '.tamcache';

/** A cache larger than this is not one this tool wrote for a workspace it can check. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** The cache as read, or undefined when there is none, it is too large, or it is not JSON. */
export function readCacheFile(file: string): unknown {
  try {
    if (fs.statSync(file).size > MAX_CACHE_BYTES) return undefined;
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
