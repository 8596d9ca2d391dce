// A check that reuses the previous run's results where nothing they depend on has changed
// (`tam validate --cache`, for CI and pre-commit hooks). Per file, the cache keeps a hash of
// the text, the finished diagnostics, whether they depend on the time of the check, and the
// entities and references the file defines. A run then
// - knows each file's content id from git (the blob id of a file git reports unmodified),
//   from its unchanged time and size, or by reading and hashing it; parses only the files
//   whose id changed;
// - stands in the index for each unchanged file with its cached entities and references,
//   whose values are parsed only if a rule asks for them (a policy, a calendar);
// - checks the changed files, what they affect (the same `affectedBy` the language server
//   trusts for edits), and, when "now" is another instant, the files whose results depend on
//   it (running clocks, forecasts, review dates);
// - reuses the cached diagnostics of every other file.
// The result equals a full check: a differential test compares them after random edits.

import { createHash } from 'node:crypto';
import { check, type CheckOptions } from '../check';
import type { Diagnostic } from '../diagnostic';
import type { NowDependence } from '../rules/rule';
import { dayStamp, dayStampIn, dayZones, workspaceZone } from '../schedule/workspace-schedule';
import { entityKey } from '../workspace/entities';
import { readText, type FileStamp } from '../workspace/host';
import { entityCountOf, ROOT_FILE, type DeferredIndex, type Workspace } from '../workspace/workspace';
import { documentKeys, encodeReferences, StubRecord, stubRecord, toCachedEntity, type CachedFile } from './entries';

/** Bump when the shape of the file changes; the build key covers changes of the rules. */
const FORMAT = 3;

declare const __TAM_BUILD__: string | undefined;
/**
 * What identifies the code doing a check: a hash of the sources that esbuild.mjs puts in the
 * bundles ("source" when run from source). A cache written by another build is not reused.
 */
export const THIS_BUILD: string = typeof __TAM_BUILD__ === 'string' ? __TAM_BUILD__ : 'source';

export interface CheckCache {
  format: number;
  /** The build of the tool, tam.yaml and the rule settings: any change invalidates everything. */
  key: string;
  /**
   * The "now" the results were computed at, and that day in each zone whose date results may
   * read (the workspace's and the calendars': dayZones), as dayStamp writes it.
   */
  now: number;
  today: string;
  dayZones: string[];
  /** When that run began reading: a file modified after it (or close to it) is read again. */
  started: number;
  files: Record<string, CachedFile>;
  /** For each key referred to, the files that refer to it (as indexes into the keys of `files`). */
  referrers: Record<string, number[]>;
}

export interface CachedCheckResult {
  results: Map<string, Diagnostic[]>;
  /** The files of the workspace (not the foreign YAML beside them) and how many entities each defines, tasks aside. */
  files: Map<string, number>;
  /** The cache to store for the next run. */
  cache: CheckCache;
  /** How many files were checked and how many results were reused. */
  checked: number;
  reused: number;
  /** Whether `cache` differs from what was read: false when nothing changed. */
  changed: boolean;
  /** Whether `ws` holds the whole index afterwards (false when every result was reused). */
  indexed: boolean;
}

export interface CacheOptions {
  /** Identifies the code doing the check: a cache written by another build is ignored. */
  build: string;
  /** The previous run's cache, as read (anything else counts as none). */
  previous: unknown;
  /** Content ids known without reading the files (git's blob ids of unmodified files). */
  knownIds?: ReadonlyMap<string, string>;
  /** Build the whole index even when every result can be reused (for `--changed`). */
  needIndex?: boolean;
}

/** What one file is at this run: its content id, and its text when it had to be read. */
interface Seen {
  id: string;
  text?: string;
  stamp?: FileStamp;
}

/** What a run knows after reading the files and the cache, before checking anything. */
interface Prepared {
  files: string[];
  cache?: CheckCache;
  key: string;
  today: string;
  started: number;
  seen: Map<string, Seen>;
  changed: string[];
  deleted: string[];
  oldPaths: string[];
  /** Files whose cached results do not hold; undefined when every result holds and no index was built. */
  toCheck?: Set<string>;
}

/** Loads the workspace from its host and checks it, reusing the previous results where they still hold. */
export function checkWithCache(ws: Workspace, options: CheckOptions, cacheOptions: CacheOptions): CachedCheckResult {
  const prepared = prepare(ws, options, cacheOptions);
  if (!prepared.toCheck) return reuseAll(ws, prepared.cache!, prepared.files, prepared.seen, prepared.started);
  const { files, cache, key, started, seen, changed, deleted, oldPaths, toCheck } = prepared;
  const nowDependent = new Map<string, NowDependence>();
  const results = check(ws, { ...options, nowDependent }, toCheck);
  for (const p of ws.problemsOfListing) results.set(p.file, [{ file: p.file, range: zero(), severity: 'error', code: 'yaml-syntax', message: p.problem }]);

  // 5. The rest is reused; everything goes into the next cache.
  let reused = 0;
  const next: CheckCache = { format: FORMAT, key, now: options.now, today: dayStamp(ws, options.now), dayZones: dayZones(ws), started, files: {}, referrers: {} };
  const counts = new Map<string, number>();
  const index = new Map<string, number>();
  const refer = (key: string, i: number) => (next.referrers[key] ??= []).push(i);
  for (const file of files) {
    const current = seen.get(file);
    const record = ws.file(file);
    if (record) counts.set(file, entityCountOf(record));
    if (!current) continue; // unreadable: read again next time
    const entry: CachedFile = { hash: current.id };
    if (current.stamp) {
      entry.mtime = current.stamp.mtimeMs;
      entry.size = current.stamp.size;
    }
    if (!record) {
      if (ws.isForeign(file)) {
        // Every entry takes a place: referrers point at entries by their place in `files`.
        index.set(file, index.size);
        next.files[file] = { ...entry, foreign: 1 };
      }
      continue;
    }
    let diagnostics = results.get(file);
    let depends = nowDependent.get(file);
    if (!diagnostics) {
      const old = cache!.files[file]!;
      diagnostics = old.diagnostics ?? [];
      depends = old.now;
      results.set(file, diagnostics);
      reused++;
    }
    const i = index.size;
    index.set(file, i);
    if (record instanceof StubRecord) {
      // Unchanged: what it defines and refers to is carried over as it was (its referrers below).
      const old = cache!.files[file]!;
      entry.entities = old.entities;
      entry.refs = old.refs;
    } else {
      entry.entities = record.entities.map(toCachedEntity);
    }
    if (!(record instanceof StubRecord) && record.refs.length) {
      const docKeys = documentKeys(record.entities);
      entry.refs = encodeReferences(record.refs, docKeys);
      for (const key of new Set(record.refs.map((r) => entityKey(r.kind, r.id)))) refer(key, i);
    }
    if (diagnostics.length) entry.diagnostics = diagnostics;
    if (depends) entry.now = depends;
    next.files[file] = entry;
  }
  // What the files that stayed stubs referred to, they still do (at their new index).
  const moved = oldPaths.map((file) => (ws.file(file) instanceof StubRecord ? index.get(file)! : -1));
  for (const [key, olds] of Object.entries(cache?.referrers ?? {})) {
    for (const old of olds) if (moved[old]! >= 0) refer(key, moved[old]!);
  }
  // Worth writing when files changed, a new day moved the forecasts, or files had to be read
  // for want of a trusted time. Results that change with the instant are checked again on every
  // run anyway: a new "now" alone is no reason to write 10 MB.
  const restamped = [...seen].some(([file, s]) => s.stamp && s.stamp.mtimeMs !== cache?.files[file]?.mtime);
  const dirty = !cache || changed.length > 0 || deleted.length > 0 || cache.today !== next.today || restamped;
  return { results, files: counts, cache: next, checked: toCheck.size, reused, changed: dirty, indexed: true };
}

/**
 * Reads what each file is now and the cache, builds the index (stand-ins for unchanged files)
 * unless every result holds and `needIndex` is false, and says which files must be checked.
 */
function prepare(ws: Workspace, options: CheckOptions, cacheOptions: CacheOptions): Prepared {
  const { build, previous, knownIds, needIndex } = cacheOptions;
  const started = Date.now();
  const others = ws.startLoading();
  const root = ws.file(ROOT_FILE);
  const rootText = root?.text ?? root?.readProblem ?? '';
  // tam.yaml is read already (its `ignore:` decides what else is); it is cached like the rest.
  const files = root ? [ROOT_FILE, ...others] : others;
  const key = contentId(`${build}\n${JSON.stringify(options.rules ?? {})}\n${rootText}`);
  // A result that does not depend on the time holds from when it was computed on (a breach
  // stays a breach); at an earlier "now" (`--now` in the past) nothing can be reused.
  const cache = isUsable(previous, key) && previous.now <= options.now ? previous : undefined;

  // 1. What each file is now, read only when neither git nor its time and size vouch for it.
  const seen = new Map<string, Seen>();
  const unreadable = new Map<string, string>();
  const changed: string[] = [];
  for (const file of files) {
    const entry = cache?.files[file];
    const known = knownIds?.get(file);
    if (file === ROOT_FILE) {
      if (root?.text !== undefined) seen.set(file, { id: contentId(root.text) });
    } else if (known !== undefined) {
      seen.set(file, { id: known });
    } else {
      const stamp = ws.host.stat?.(file);
      if (entry && stamp && isUntouched(entry, stamp, cache!.started)) {
        seen.set(file, { id: entry.hash, stamp });
      } else {
        const read = ws.host.readFile(file);
        if ('text' in read) seen.set(file, { id: contentId(read.text), text: read.text, stamp });
        else unreadable.set(file, read.problem);
      }
    }
    // An unreadable file is read (and reported) again every time.
    if (unreadable.has(file) || (file === ROOT_FILE && root?.text === undefined) || entry?.hash !== seen.get(file)?.id) changed.push(file);
  }
  const listed = new Set(files);
  const deleted = Object.keys(cache?.files ?? {}).filter((f) => !listed.has(f) && f !== ROOT_FILE);

  // 2. Nothing changed and the time does not matter: every result is the cached one.
  // The day in the zones the cached results read it in: a new calendar zone comes with a
  // changed file, whose dependants are checked anyway.
  const today = dayStampIn(cache?.dayZones ?? [workspaceZone(ws)], options.now);
  /** Whether a result that depends on the time holds at this run's "now". */
  const stillHolds = (dependence: NowDependence | undefined): boolean =>
    dependence === undefined || cache!.now === options.now || (dependence === 'day' && cache!.today === today);
  const nowMoved = !!cache && Object.values(cache.files).some((e) => !stillHolds(e.now));
  const state = { files, cache, key, today, started, seen, changed, deleted, oldPaths: Object.keys(cache?.files ?? {}) };
  if (cache && !needIndex && changed.length === 0 && deleted.length === 0 && !nowMoved) return state;

  // 3. The index: unchanged files stand in with their cached entities and references, the
  //    references indexed only where a question about a key needs them.
  const oldPaths = state.oldPaths;
  const deferred: DeferredIndex = {
    referrersOf: (key) => (cache?.referrers[key] ?? []).map((i) => oldPaths[i]!),
    keys: () => Object.keys(cache?.referrers ?? {}),
  };
  const touched = new Set<string>();
  const remember = (entry: CachedFile | undefined) => {
    for (const [kind, id] of entry?.entities ?? []) touched.add(entityKey(kind, id));
  };
  for (const file of files) {
    const entry = cache?.files[file];
    const current = seen.get(file);
    if (file === ROOT_FILE) continue; // read in full already
    if (!current) {
      ws.setProblem(file, unreadable.get(file)!);
      remember(entry);
    } else if (entry && entry.hash === current.id) {
      if (entry.foreign) ws.setForeign(file);
      else ws.setDeferredRecord(stubRecord(file, current.text !== undefined ? () => current.text : () => readText(ws.host, file), entry), deferred);
    } else {
      const text = current.text ?? readText(ws.host, file);
      if (text === undefined) ws.refresh(file);
      else for (const k of ws.setText(file, text)) touched.add(k);
      remember(entry);
    }
  }
  // A deleted file's entities may have been referred to: their users are affected.
  for (const file of deleted) remember(cache!.files[file]);

  // 4. What to check: the changed files, what they affect, and what depends on the time.
  const toCheck = new Set<string>();
  if (!cache) {
    for (const record of ws.files()) toCheck.add(record.file);
  } else {
    for (const file of ws.affectedBy(changed.filter((f) => ws.file(f)), touched)) toCheck.add(file);
    toCheck.add(ROOT_FILE);
    for (const [file, entry] of Object.entries(cache.files)) if (!stillHolds(entry.now) && ws.file(file)) toCheck.add(file);
  }
  return { ...state, toCheck };
}

/**
 * For the language server: loads the workspace from its host with the cache's stand-ins for
 * unchanged files, and says which files must be checked; the cached diagnostics of the others
 * hold as they are. It never writes a cache.
 */
export function loadFromCache(
  ws: Workspace,
  options: CheckOptions,
  cacheOptions: Omit<CacheOptions, 'needIndex'>,
): { toCheck: Set<string>; cached: Map<string, Diagnostic[]>; dependence: Map<string, NowDependence> } {
  const { files, cache, toCheck } = prepare(ws, options, { ...cacheOptions, needIndex: true });
  const cached = new Map<string, Diagnostic[]>();
  /** How the cached results depend on the time, as `check` reports it in `nowDependent`. */
  const dependence = new Map<string, NowDependence>();
  for (const file of files) {
    if (toCheck!.has(file) || !ws.file(file)) continue;
    const entry = cache!.files[file];
    cached.set(file, entry?.diagnostics ?? []);
    if (entry?.now) dependence.set(file, entry.now);
  }
  return { toCheck: toCheck!, cached, dependence };
}

/** Every file as it was: the cached results, without building the index. */
function reuseAll(ws: Workspace, cache: CheckCache, files: readonly string[], seen: Map<string, Seen>, started: number): CachedCheckResult {
  const results = new Map<string, Diagnostic[]>();
  const counts = new Map<string, number>();
  let restamped = false;
  for (const file of files) {
    const entry = cache.files[file]!;
    if (entry.foreign) continue;
    results.set(file, entry.diagnostics ?? []);
    counts.set(file, (entry.entities ?? []).filter(([kind]) => kind !== 'task').length);
    // The time and size of a file read this time are worth keeping; nothing else moved.
    const stamp = seen.get(file)?.stamp;
    if (stamp && entry.mtime !== stamp.mtimeMs) {
      entry.mtime = stamp.mtimeMs;
      entry.size = stamp.size;
      restamped = true;
    }
  }
  for (const p of ws.problemsOfListing) results.set(p.file, [{ file: p.file, range: zero(), severity: 'error', code: 'yaml-syntax', message: p.problem }]);
  // An entry trusted by an earlier start is trusted by this later one too.
  if (restamped) cache.started = started;
  return { results, files: counts, cache, checked: 0, reused: results.size, changed: restamped, indexed: false };
}

/** Git's blob id of a text: the id `git ls-files --stage` gives an unmodified file. */
export function contentId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Whether a file is as it was read, by its size and modification time, as git's index and
 * ESLint's cache trust them. Only for a file last modified well before the run that read it
 * began: a change within the same tick of a coarse clock would keep its time.
 */
function isUntouched(entry: CachedFile, stamp: FileStamp, started: number): boolean {
  return entry.mtime === stamp.mtimeMs && entry.size === stamp.size && stamp.mtimeMs < started - 2000;
}


function isUsable(value: unknown, key: string): value is CheckCache {
  const c = value as CheckCache | undefined;
  return !!c && typeof c === 'object' && c.format === FORMAT && c.key === key && typeof c.now === 'number' && typeof c.today === 'string' && Array.isArray(c.dayZones) && c.dayZones.every((z: unknown) => typeof z === 'string') && typeof c.started === 'number' && !!c.files && typeof c.files === 'object' && !!c.referrers && typeof c.referrers === 'object';
}

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
