// The server's warm start: when `tam validate --cache` left its cache in a root, the index is
// loaded from it, and the files that are as they were keep their cached diagnostics instead of
// being checked again (see core/cache). The server reads the cache, never writes it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadFromCache, THIS_BUILD } from '../../core/cache/check-cache';
import { CACHE_FILE, readCacheFile } from '../../core/cache/file';
import type { Diagnostic } from '../../core/diagnostic';
import { unmodifiedBlobIds } from '../../core/git/git';
import type { NowDependence } from '../../core/rules/rule';
import type { Workspace } from '../../core/workspace/workspace';
import type { Settings } from '../settings';

export interface WarmStart {
  /** The diagnostics of the files that are as they were when the cache was written. */
  cached: Map<string, Diagnostic[]>;
  /** How each cached file's results depend on the time alone. */
  dependence: Map<string, NowDependence>;
}

/** Whether `tam validate --cache` left its cache in the root. */
export function hasCacheFile(root: string): boolean {
  return fs.existsSync(path.join(root, CACHE_FILE));
}

/**
 * Loads the index `ws` from the cache in the root, if there is a usable one: made by this
 * build, with the same rule settings and tam.yaml, not committed to git. Files git reports
 * unmodified are known by their blob ids, unless open in the editor (`open`). Undefined when
 * the cache cannot be used: the caller reads every file instead.
 */
export async function warmStart(
  root: string,
  ws: Workspace,
  open: ReadonlyMap<string, unknown>,
  settings: () => Settings,
  log: (level: 'warn' | 'info', message: string) => void,
): Promise<WarmStart | undefined> {
  try {
    const git = await unmodifiedBlobIds(root);
    if (git?.tracked.has(CACHE_FILE)) return undefined;
    const previous = readCacheFile(path.join(root, CACHE_FILE));
    if (previous === undefined) return undefined;
    const knownIds = git?.ids;
    for (const f of open.keys()) knownIds?.delete(f);
    const s = settings();
    const { cached, dependence } = loadFromCache(ws, { now: s.now ?? Date.now(), rules: s.rules }, { build: THIS_BUILD, previous, knownIds });
    log('info', `read ${CACHE_FILE}: ${cached.size} files as they were`);
    return { cached, dependence };
  } catch (e) {
    log('warn', `${CACHE_FILE} not used: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
