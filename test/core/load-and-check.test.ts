// `tam validate` checks a whole workspace in one pass that lets go of each incident once it is
// checked (core/load-and-check.ts). Its results must be a full check's: a differential test on
// the sample workspace after random edits — values swapped for other ids, lines dropped, files
// copied (incidents with the same id, other kinds into incidents folders, incidents out of
// them), made unreadable or multi-document — plus the layouts the order was not made for.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import { loadAndCheck } from '../../server/src/core/load-and-check';
import { MemoryHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { BASE, lines, NOW } from '../helpers/workspace';

const SAMPLE = path.join(__dirname, '../../sample-workspace');

function sampleFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).sort()) {
    if (/\.ya?ml$/.test(rel) && !rel.startsWith('.')) out.set(rel.split(path.sep).join('/'), fs.readFileSync(path.join(SAMPLE, rel), 'utf8'));
  }
  return out;
}

/** A text with a NUL byte stands for a file that cannot be read. */
class Host extends MemoryHost {
  override readFile(file: string) {
    const read = super.readFile(file);
    return 'text' in read && read.text.includes('\u0000') ? { problem: 'file is binary, not YAML text' } : read;
  }
}

function both(files: Map<string, string>, now = NOW): { full: string[]; streamed: string[] } {
  const host = new Host();
  for (const [f, t] of files) host.files.set(f, t);
  const whole = new Workspace(host);
  whole.loadAll();
  const full = lines([...check(whole, { now }).values()].flat()).sort();
  const streamed = lines([...loadAndCheck(new Workspace(host), { now }).values()].flat()).sort();
  return { full, streamed };
}

const FILES = sampleFiles();
const NAMES = [...FILES.keys()];
const INCIDENTS = NAMES.filter((f) => f.includes('/incidents/'));
const OTHERS = NAMES.filter((f) => !f.includes('/incidents/') && f !== 'tam.yaml');
const VALUES = [...new Set([...FILES.values()].flatMap((t) => [...t.matchAll(/^\s*(?:- )?[a-z_]+: ([A-Za-z0-9._:+-]+)\s*$/gm)].map((m) => m[1]!)))].sort();

type Edit =
  | { op: 'swap'; file: number; line: number; value: number }
  | { op: 'drop-line'; file: number; line: number }
  | { op: 'same-id'; file: number }
  | { op: 'into-incidents'; file: number; folder: number }
  | { op: 'out-of-incidents'; file: number }
  | { op: 'two-documents'; file: number; other: number }
  | { op: 'binary'; file: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('swap' as const), file: fc.nat(), line: fc.nat(), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop-line' as const), file: fc.nat(), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('same-id' as const), file: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('into-incidents' as const), file: fc.nat(), folder: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('out-of-incidents' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('two-documents' as const), file: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('binary' as const), file: fc.nat() }) },
);

function apply(files: Map<string, string>, e: Edit): void {
  const names = [...files.keys()].sort();
  const pick = (list: string[], n: number) => list[n % list.length]!;
  switch (e.op) {
    case 'swap': {
      const file = pick(names, e.file);
      const l = files.get(file)!.split('\n');
      const candidates = l.map((x, i) => [x, i] as const).filter(([x]) => /:\s*\S/.test(x));
      if (!candidates.length) return;
      const [x, i] = candidates[e.line % candidates.length]!;
      l[i] = x.replace(/(:\s*).*$/, `$1${VALUES[e.value % VALUES.length]}`);
      files.set(file, l.join('\n'));
      return;
    }
    case 'drop-line': {
      const file = pick(names, e.file);
      const l = files.get(file)!.split('\n');
      l.splice(e.line % l.length, 1);
      files.set(file, l.join('\n'));
      return;
    }
    case 'same-id': {
      // Another file of another incidents folder with the same incident id.
      const file = pick(INCIDENTS, e.file);
      files.set(file.replace(/^projects\/[^/]+\//, 'projects/zz-copy/').replace(/\.yaml$/, '-again.yaml'), files.get(file) ?? '');
      return;
    }
    case 'into-incidents': {
      // A department, a policy, a postmortem… where incidents live: what it defines may change
      // the results of incidents checked before it was read.
      const file = pick(OTHERS, e.file);
      const folder = pick(INCIDENTS, e.folder).replace(/[^/]+$/, '');
      files.set(`${folder}${file.replace(/\//g, '-')}`, files.get(file) ?? '');
      files.delete(file);
      return;
    }
    case 'out-of-incidents': {
      const file = pick(INCIDENTS, e.file);
      if (!files.has(file)) return;
      files.set(file.replace('/incidents/', '/elsewhere/'), files.get(file)!);
      files.delete(file);
      return;
    }
    case 'two-documents': {
      const file = pick(INCIDENTS, e.file);
      if (!files.has(file)) return;
      files.set(file, `${files.get(file)}\n---\n${files.get(pick(OTHERS, e.other)) ?? ''}`);
      return;
    }
    case 'binary':
      files.set(pick(INCIDENTS, e.file), 'kind: incident\u0000');
      return;
  }
}

test('the sample workspace: the same diagnostics as a full check', () => {
  const { full, streamed } = both(FILES);
  assert.ok(full.length > 5);
  assert.deepEqual(streamed, full);
});

test('property: after random edits, the same diagnostics as a full check', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(NOW, NOW + 40 * 86_400_000), (edits, now) => {
      const files = new Map(FILES);
      for (const e of edits) apply(files, e);
      const { full, streamed } = both(files, now);
      assert.deepEqual(streamed, full, edits.map((e) => JSON.stringify(e)).join('\n'));
    }),
    { numRuns: 60, seed: 20261205 },
  );
});

test('an incident checked before a department its file names was read is checked again', () => {
  // The department sits in an incidents folder read after the incident: a full check knows it.
  const files = new Map(Object.entries({
    ...BASE,
    'projects/acme/incidents/INC-1.yaml': 'kind: incident\nid: INC-1\nproject: acme\ntitle: T\npriority: P3\ndepartment: storage\nopened: 2026-11-25T09:00:00+03:00\ntimeline: []\n',
    'projects/acme/incidents/zz-storage.yaml': 'kind: department\nid: storage\nname: Storage\n',
  }));
  const { full, streamed } = both(files);
  assert.deepEqual(streamed, full);
  assert.ok(!full.some((l) => l.includes('unknown department')), full.join('\n'));
});

test('an incident id defined in two files is reported in both, whichever was checked first', () => {
  const incident = 'kind: incident\nid: INC-1\nproject: acme\ntitle: T\npriority: P3\nopened: 2026-11-25T09:00:00+03:00\ntimeline: []\n';
  const files = new Map(Object.entries({ ...BASE, 'projects/acme/incidents/INC-1.yaml': incident, 'projects/other/incidents/INC-1.yaml': incident }));
  const { full, streamed } = both(files);
  assert.deepEqual(streamed, full);
  assert.equal(full.filter((l) => l.includes('duplicate-id')).length, 2, full.join('\n'));
});

test('a postmortem kept beside the incidents costs no second read of the incidents it does not concern', () => {
  // The layout is a convention: a team may keep each postmortem next to its incident. Only the
  // incident it names is checked again; the others are read once (an index that had let go of
  // their references would have to read them all again to know who refers to what).
  const incident = (n: number) => `kind: incident\nid: INC-${n}\nproject: acme\ntitle: T\npriority: P1\nopened: 2026-11-20T09:00:00+03:00\ntimeline:\n  - { at: 2026-11-20T09:05:00+03:00, status: acknowledged }\n  - { at: 2026-11-20T10:00:00+03:00, status: resolved }\n`;
  const files = new Map(Object.entries({ ...BASE }));
  for (let n = 1; n <= 20; n++) files.set(`projects/acme/incidents/INC-${n}.yaml`, incident(n));
  files.set('projects/acme/incidents/pm-inc-7.yaml', 'kind: postmortem\nid: pm-inc-7\nincident: INC-7\nsummary: S\nroot_cause: R\naction_items: []\npublished: 2026-11-21T09:00:00+03:00\n');
  const { full, streamed } = both(files);
  assert.deepEqual(streamed, full);
  assert.ok(streamed.some((l) => l.includes('missing-postmortem') && l.includes('INC-3')), streamed.join('\n'));
  assert.ok(!streamed.some((l) => l.includes('missing-postmortem') && l.includes('INC-7.yaml')), streamed.join('\n'));

  const reads = new Map<string, number>();
  class Counting extends Host {
    override readFile(file: string) {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return super.readFile(file);
    }
  }
  const host = new Counting();
  for (const [f, t] of files) host.files.set(f, t);
  loadAndCheck(new Workspace(host), { now: NOW });
  const readAgain = [...reads].filter(([f, n]) => f.includes('/incidents/INC-') && n > 1).map(([f]) => f);
  assert.deepEqual(readAgain, ['projects/acme/incidents/INC-7.yaml']);
});

test('without quick fixes (what tam validate prints none of), every diagnostic is the same but for its fixes', () => {
  const files = sampleFiles();
  const run = (fixes?: boolean) => {
    const host = new Host();
    for (const [f, t] of files) host.files.set(f, t);
    return [...loadAndCheck(new Workspace(host), { now: NOW, fixes }).values()].flat();
  };
  const withFixes = run();
  const without = run(false);
  assert.ok(withFixes.some((d) => d.fixes?.length), 'the sample workspace has diagnostics with quick fixes');
  assert.ok(without.every((d) => d.fixes === undefined));
  assert.deepEqual(without, withFixes.map(({ fixes: _, ...d }) => d));
});
