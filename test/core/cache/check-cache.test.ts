// `tam validate --cache` must print what a full check prints. A differential test: random
// sequences of edits to the sample workspace (values swapped for other ids, lines deleted,
// files deleted, copied, touched and made unreadable) with "now" moving by an hour, past
// midnight, by a day or a month, or back; files vouched for by git, by their time and size,
// or read; after each step the cached run equals a fresh check of the same files. Plus the
// cases a cache is known to get wrong when built carelessly.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../../../server/src/core/check';
import { checkWithCache, contentId, type CheckCache } from '../../../server/src/core/cache/check-cache';
import { MemoryHost, type FileStamp } from '../../../server/src/core/workspace/host';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { lines } from '../../helpers/workspace';

const SAMPLE = path.join(__dirname, '../../../sample-workspace');
const NOW = Date.parse('2026-11-25T12:00:00+03:00');
const HOUR = 3_600_000;

function sampleFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).sort()) {
    if (/\.ya?ml$/.test(rel) && !rel.startsWith('.')) out.set(rel.split(path.sep).join('/'), fs.readFileSync(path.join(SAMPLE, rel), 'utf8'));
  }
  return out;
}

/** Files in memory with a modification time per file, as the file system gives one. */
class StampedHost extends MemoryHost {
  readonly stamps = new Map<string, FileStamp>();
  useStamps = true;

  write(file: string, text: string, mtimeMs: number): void {
    this.files.set(file, text);
    this.stamps.set(file, { mtimeMs, size: Buffer.byteLength(text) });
  }

  remove(file: string): void {
    this.files.delete(file);
    this.stamps.delete(file);
  }

  stat(file: string): FileStamp | undefined {
    return this.useStamps ? this.stamps.get(file) : undefined;
  }

  /** A text with a NUL byte stands for a file that cannot be read. */
  override readFile(file: string) {
    const read = super.readFile(file);
    return 'text' in read && read.text.includes('\u0000') ? { problem: 'file is binary, not YAML text' } : read;
  }
}

function fresh(files: Map<string, string>, now: number): string[] {
  return lines([...check(loaded(files), { now }).values()].flat()).sort();
}

function loaded(files: Map<string, string>): Workspace {
  const host = new StampedHost();
  for (const [file, text] of files) host.files.set(file, text);
  const ws = new Workspace(host);
  ws.loadAll();
  return ws;
}

/** The files of the workspace with the entities each defines, as `tam validate` counts them. */
function counts(ws: Workspace): [string, number][] {
  return [...ws.files()].map((r): [string, number] => [r.file, r.entities.filter((e) => e.kind !== 'task').length]).sort();
}

function cached(host: StampedHost, now: number, previous: unknown, knownIds?: Map<string, string>) {
  const run = checkWithCache(new Workspace(host), { now }, { build: 'test', previous, knownIds });
  // As written to disk and read back.
  return { ...run, cache: JSON.parse(JSON.stringify(run.cache)) as CheckCache, out: lines([...run.results.values()].flat()).sort() };
}

const FILES = sampleFiles();
// YAML that is not part of the workspace sits among the files and in the cache too.
FILES.set('ci/compose.yaml', 'services:\n  web:\n    image: nginx\n');
FILES.set('notes.yml', '- a list, not an entity\n');
/** Values that make edits meaningful: every id, status, priority and date of the sample. */
const VALUES = [...new Set([...FILES.values()].flatMap((t) => [...t.matchAll(/^\s*(?:- )?[a-z_]+: ([A-Za-z0-9._:+-]+)\s*$/gm)].map((m) => m[1]!)))].sort();

type Step =
  | { op: 'swap'; file: number; line: number; value: number }
  | { op: 'drop-line'; file: number; line: number }
  | { op: 'delete'; file: number }
  | { op: 'copy'; file: number; id: number }
  | { op: 'touch'; file: number }
  | { op: 'binary'; file: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('swap' as const), file: fc.nat(), line: fc.nat(), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop-line' as const), file: fc.nat(), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copy' as const), file: fc.nat(), id: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('touch' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('binary' as const), file: fc.nat() }) },
);

function apply(host: StampedHost, s: Step, clock: () => number): string {
  const names = [...host.files.keys()].sort();
  const file = names[s.file % names.length]!;
  const text = host.files.get(file)!;
  const textLines = text.split('\n');
  switch (s.op) {
    case 'swap': {
      const candidates = textLines.map((l, i) => [l, i] as const).filter(([l]) => /:\s*\S/.test(l));
      if (!candidates.length) return 'nothing';
      const [l, i] = candidates[s.line % candidates.length]!;
      textLines[i] = l.replace(/(:\s*).*$/, `$1${VALUES[s.value % VALUES.length]}`);
      host.write(file, textLines.join('\n'), clock());
      return `swap ${file}:${i + 1}`;
    }
    case 'drop-line': {
      const i = s.line % textLines.length;
      textLines.splice(i, 1);
      host.write(file, textLines.join('\n'), clock());
      return `drop ${file}:${i + 1}`;
    }
    case 'delete':
      if (file === 'tam.yaml') return 'nothing';
      host.remove(file);
      return `delete ${file}`;
    case 'copy': {
      const copy = file.replace(/(\.ya?ml)$/, `-copy${s.id % 3}$1`);
      host.write(copy, text.replace(/^id: (\S+)/m, (_, id) => `id: ${s.id % 2 ? id : `${id}-${s.id % 3}`}`), clock());
      return `copy ${file} → ${copy}`;
    }
    case 'touch':
      // Same content, a new time: read again, found unchanged.
      host.write(file, text, clock());
      return `touch ${file}`;
    case 'binary':
      host.write(file, `${text}\u0000`, clock());
      return `binary ${file}`;
  }
}

test('after any edits and any "now", a cached check equals a fresh one', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.array(step, { minLength: 0, maxLength: 3 }), fc.constantFrom(0, 0, HOUR, 13 * HOUR, 24 * HOUR, 40 * 24 * HOUR, -48 * HOUR), fc.constantFrom('git', 'stamps', 'read')), { minLength: 3, maxLength: 7 }),
      (steps) => {
        const host = new StampedHost();
        let tick = Date.now() - 3_600_000;
        const clock = () => (tick += 1000);
        for (const [file, text] of FILES) host.write(file, text, clock());
        let now = NOW;
        let cache: unknown = cached(host, now, undefined).cache;
        const log: string[] = [];
        for (const [edits, shift, trust] of steps) {
          for (const e of edits) log.push(apply(host, e, clock));
          now += shift;
          host.useStamps = trust === 'stamps';
          const knownIds = trust === 'git' ? new Map([...host.files].map(([f, t]) => [f, contentId(t)])) : undefined;
          const run = cached(host, now, cache, knownIds);
          assert.deepEqual(run.out, fresh(host.files, now), `after ${log.join('; ')} at now ${new Date(now).toISOString()} (${trust})`);
          assert.deepEqual([...run.files].sort(), counts(loaded(host.files)));
          if (run.changed) cache = run.cache;
        }
      },
    ),
    { numRuns: 40, seed: 20261125 },
  );
});

test('an unchanged workspace at the same "now" reuses every result without building the index', () => {
  const host = new StampedHost();
  for (const [file, text] of FILES) host.write(file, text, Date.now() - 60_000);
  const first = cached(host, NOW, undefined);
  assert.equal(first.indexed, true);
  assert.equal(first.reused, 0);
  const second = cached(host, NOW, first.cache);
  assert.equal(second.indexed, false);
  assert.equal(second.checked, 0);
  assert.equal(second.changed, false, 'nothing to write');
  assert.deepEqual(second.out, first.out);
  assert.deepEqual(second.out, fresh(host.files, NOW));
});

test('an hour later only the results that depend on the instant are checked again; a day later the forecasts too', () => {
  const host = new StampedHost();
  for (const [file, text] of FILES) host.write(file, text, Date.now() - 60_000);
  const first = cached(host, NOW, undefined);
  const dependence = Object.entries(first.cache.files).filter(([, e]) => e.now);
  const instant = dependence.filter(([, e]) => e.now === 'instant').map(([f]) => f);
  const day = dependence.filter(([, e]) => e.now === 'day').map(([f]) => f);
  assert.ok(instant.some((f) => f.includes('/incidents/')), 'an open incident depends on the instant');
  assert.ok(day.some((f) => f.endsWith('project.yaml')), 'review dates depend on the day in the workspace zone');
  assert.ok(day.some((f) => f.includes('/chains/')), 'a forecast depends on the day');
  assert.ok(!dependence.some(([f]) => f.startsWith('org/')), 'the organisation does not depend on the time');

  const hour = cached(host, NOW + HOUR, first.cache);
  assert.equal(hour.checked, instant.length + 1, 'the instant ones and tam.yaml');
  assert.equal(hour.changed, false, 'a new instant alone is no reason to write the cache');
  assert.deepEqual(hour.out, fresh(host.files, NOW + HOUR));

  const nextDay = cached(host, NOW + 24 * HOUR, first.cache);
  assert.equal(nextDay.checked, instant.length + day.length + 1);
  assert.equal(nextDay.changed, true);
  assert.deepEqual(nextDay.out, fresh(host.files, NOW + 24 * HOUR));
});

test('a cache from another build, another tam.yaml or in another shape is not used', () => {
  const host = new StampedHost();
  for (const [file, text] of FILES) host.write(file, text, Date.now() - 60_000);
  const first = cached(host, NOW, undefined).cache;
  const all = first.files ? Object.keys(first.files).filter((f) => !first.files[f]!.foreign).length : 0;
  const other = checkWithCache(new Workspace(host), { now: NOW }, { build: 'another build', previous: first });
  assert.equal(other.checked, all);
  for (const junk of [null, 42, 'text', [], { format: 2 }, { ...first, files: null }, { ...first, referrers: 'x' }]) {
    const run = checkWithCache(new Workspace(host), { now: NOW }, { build: 'test', previous: junk });
    assert.equal(run.checked, all, JSON.stringify(junk)?.slice(0, 40));
  }
  host.write('tam.yaml', FILES.get('tam.yaml')! + '\n# a comment\n', Date.now());
  assert.equal(cached(host, NOW, first).checked, all);
});

test('a file whose time and size match but that changed within the same tick of the clock is read again', () => {
  const host = new StampedHost();
  const recent = Date.now();
  for (const [file, text] of FILES) host.write(file, text, recent);
  const first = cached(host, NOW, undefined);
  // Same size, same time (a coarse clock), other content: "P1" → "P2" in an incident.
  const file = [...host.files.keys()].find((f) => f.includes('/incidents/') && host.files.get(f)!.includes('priority: P1'))!;
  host.write(file, host.files.get(file)!.replace('priority: P1', 'priority: P2'), recent);
  const second = cached(host, NOW, first.cache);
  assert.deepEqual(second.out, fresh(host.files, NOW));
  assert.ok(second.checked > 1);
});
