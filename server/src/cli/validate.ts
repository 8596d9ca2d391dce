// `tam validate [DIR] [--format text|json|sarif|junit|github|gitlab] [--now TS]` (spec §7): exit 0
// without errors, 1 with errors, 2 when it could not run.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWithCache, THIS_BUILD, type CachedCheckResult, type CheckCache } from '../core/cache/check-cache';
import { CACHE_FILE, readCacheFile } from '../core/cache/file';
import { check } from '../core/check';
import { loadAndCheck } from '../core/load-and-check';
import { memoryPace } from '../runtime/memory';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic';
import { diagnosticsGithub } from '../core/render/diagnostics-github';
import { diagnosticsGitlab } from '../core/render/diagnostics-gitlab';
import { diagnosticsJson, summarize } from '../core/render/diagnostics-json';
import { diagnosticsJunit } from '../core/render/diagnostics-junit';
import { diagnosticsSarif } from '../core/render/diagnostics-sarif';
import { renderDiagnosticsText } from '../core/render/diagnostics-text';
import { RULES } from '../core/rules';
import { plainText } from '../core/text/shown';
import { diffFiles, GitError, readTreeAtRef, unmodifiedBlobIds } from '../core/git/git';
import { readText } from '../core/workspace/host';
import { buildRecord, entityCountOf, type Workspace } from '../core/workspace/workspace';
import { nowOption, oneOf, parse, UsageError } from './args';
import { inScope, openWorkspace } from './open';
import { ruleDocUrl } from '../core/rules/docs';
import { outJson, VERSION, type CommandIO } from './io';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const;

export const validateUsage = `tam validate [DIR] [--format text|json|sarif|junit|github|gitlab] [--now TS] [--changed [--base REF]] [--cache [--cache-location FILE]]

Checks every entity of the workspace in DIR (default: the current folder): schema, references,
dependency cycles, timelines, SLA breaches, postmortems, stale docs, deadlines.
--changed reports only the files changed since REF (default HEAD; untracked files included)
and the files those changes affect, while references still resolve across the workspace:
the check for a pre-commit hook.
--cache keeps the results in FILE (default: .tamcache in the workspace root) and, on the next
run, checks only the files whose content changed, what they affect, and the results that
depend on the time; the output is the same as without it.
Exit code: 0 no errors, 1 errors found, 2 could not run.`;

export async function runValidate(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: 'string', short: 'f' },
      now: { type: 'string' },
      changed: { type: 'boolean' },
      base: { type: 'string' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
    },
    1,
  );
  const format = oneOf('format', values.format, FORMATS, 'text');
  const now = nowOption(values.now);
  if (values.base !== undefined && !values.changed) throw new UsageError('--base goes with --changed');
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location goes with --cache');
  // A whole check reads and checks in one pass (load-and-check.ts); --cache and --changed need
  // the whole index first.
  const streaming = !values.cache && !values.changed;
  const { ws, root, scope } = await openWorkspace(positionals[0], { load: !values.cache && !streaming });
  let results: Map<string, Diagnostic[]> | undefined;
  /** Each file of the workspace with the number of entities it defines. */
  let files: Map<string, number> | undefined;
  if (values.cache) {
    const file = path.resolve(io.cwd, values['cache-location'] ?? path.join(root, CACHE_FILE));
    // git runs on the other core while the cache is read.
    const pending = unmodifiedBlobIds(root);
    let previous = readCacheFile(file);
    const git = await pending;
    // A cache committed to the repository could say "no problems" for files it never checked,
    // e.g. in a pull request: it is neither read nor overwritten.
    const committed = git?.tracked.has(path.relative(root, file).split(path.sep).join('/'));
    if (committed) {
      io.err(`tam: ${plainText(path.relative(io.cwd, file) || file)} is committed to git, so it is not used as a cache: remove it from git and add it to .gitignore\n`);
      previous = undefined;
    }
    const options = { build: THIS_BUILD, knownIds: git?.ids, needIndex: values.changed };
    let run: CachedCheckResult;
    try {
      run = checkWithCache(ws, { now }, { ...options, previous });
    } catch {
      // A cache of the right shape but wrong content (edited by hand): check everything.
      run = checkWithCache(ws, { now }, { ...options, previous: undefined });
    }
    if (!committed && (run.changed || !fs.existsSync(file))) writeCache(file, run.cache, io);
    results = run.results;
    files = run.files;
  }
  const only = values.changed ? filesToCheck(ws, root, values.base ?? 'HEAD') : undefined;
  const wanted = (file: string): boolean => inScope(scope, file) && (!only || only.has(file));
  // No format prints quick fixes: the streaming check leaves them out (the cache keeps them for the editor).
  results ??= streaming ? loadAndCheck(ws, { now, fixes: false }, memoryPace()) : check(ws, { now }, only);
  files ??= new Map([...ws.files()].map((r) => [r.file, entityCountOf(r)]));

  const diagnostics: Diagnostic[] = [];
  for (const [file, list] of results) if (list.length && wanted(file)) for (const d of list) diagnostics.push(d);
  diagnostics.sort(compareDiagnostics);
  const checkedFiles = [...files.keys()].filter(wanted);
  const entities = checkedFiles.reduce((n, f) => n + files.get(f)!, 0);
  const summary = summarize(diagnostics, checkedFiles.length, entities);
  const fromCwd = (file: string): string => toPosix(path.relative(io.cwd, path.join(root, file))) || '.';
  const fromDir = (file: string): string => (scope ? toPosix(path.relative(scope, file)) : file);

  switch (format) {
    case 'json':
      // Paths are relative to DIR: the same as the workspace's own when DIR is its root.
      outJson(io, diagnosticsJson(scope ? diagnostics.map((d) => withFile(d, fromDir)) : diagnostics, summary));
      break;
    case 'sarif':
      outJson(io, diagnosticsSarif(diagnostics, { version: VERSION, rules: RULES, uriOf: fromCwd, helpUri: ruleDocUrl }));
      break;
    case 'junit':
      io.out(diagnosticsJunit(diagnostics, checkedFiles.sort(), fromCwd));
      break;
    case 'github':
      io.out(diagnosticsGithub(diagnostics, fromCwd));
      break;
    case 'gitlab':
      outJson(io, diagnosticsGitlab(diagnostics, fromCwd));
      break;
    default:
      io.out(renderDiagnosticsText(diagnostics, summary, (f) => ws.textOf(f) ?? readText(ws.host, f), { color: io.color }, fromCwd));
  }
  return summary.errors > 0 ? 1 : 0;
}

/**
 * The files a change since `base` can affect: the changed files themselves, and every file
 * whose diagnostics depend on what they define or defined (a deleted department breaks the
 * chains that name it).
 */
function filesToCheck(ws: Workspace, root: string, base: string): Set<string> {
  let changes;
  try {
    changes = diffFiles(root, base);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(`--changed: ${e.message}`);
    throw e;
  }
  const present = changes.filter((c) => c.status !== 'deleted').map((c) => c.path);
  const keys = new Set<string>();
  for (const file of present) for (const e of ws.file(file)?.entities ?? []) keys.add(e.key);
  // What a changed or deleted file defined before counts too: a renamed id breaks its users.
  const before = changes.filter((c) => c.status !== 'added' && c.status !== 'untracked').map((c) => c.oldPath ?? c.path);
  if (before.length) {
    const atBase = readTreeAtRef(root, base);
    for (const file of before) {
      const text = atBase.get(file);
      for (const e of (text !== undefined ? buildRecord(file, text)?.entities : undefined) ?? []) keys.add(e.key);
    }
  }
  return ws.affectedBy(present.filter((f) => ws.file(f)), keys);
}

/** Written beside and renamed over, so that a run stopped halfway leaves the old cache whole. */
function writeCache(file: string, cache: CheckCache, io: CommandIO): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(cache));
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    io.err(`tam: could not write the cache ${plainText(file)}: ${plainText((e as NodeJS.ErrnoException).code ?? (e as Error).message)}\n`);
  }
}

function withFile(d: Diagnostic, map: (f: string) => string): Diagnostic {
  return { ...d, file: map(d.file), related: d.related?.map((r) => ({ ...r, file: map(r.file) })) };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
