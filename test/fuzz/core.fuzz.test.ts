// Random and mutated YAML through the parser, the index, every rule, the SLA clocks and the
// schedule: nothing may throw, and no rule may fail with an internal error (the checker turns
// a thrown rule into an "internal error" diagnostic, which is what these tests look for).
// Run counts are bounded so the suite stays within CI's time.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import { MemoryHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { workspaceSchedule } from '../../server/src/core/schedule/workspace-schedule';
import { workspaceSlaReport } from '../../server/src/core/sla/workspace-report';

const SAMPLE = path.join(__dirname, '../../sample-workspace');
const NOW = Date.parse('2026-11-25T12:00:00+03:00');

function sampleFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' })) {
    if (/\.ya?ml$/.test(rel)) out[rel.split(path.sep).join('/')] = fs.readFileSync(path.join(SAMPLE, rel), 'utf8');
  }
  return out;
}
const FILES = sampleFiles();
const NAMES = Object.keys(FILES).sort();

/** Everything a user can get from the core for a workspace; throws if any of it throws. */
function exercise(files: Record<string, string>): void {
  const ws = new Workspace(new MemoryHost(files));
  ws.loadAll();
  for (const [file, list] of check(ws, { now: NOW })) {
    for (const d of list) assert.ok(!d.message.startsWith('internal error'), `${file}: ${d.message}`);
    for (const d of list) assert.ok(d.range.start.line <= d.range.end.line, `${file}: inverted range`);
  }
  workspaceSchedule(ws, NOW);
  for (const by of ['project', 'department', 'priority', 'month'] as const) workspaceSlaReport(ws, NOW, { by });
}

const mutation = fc.record({
  file: fc.constantFrom(...NAMES),
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('- ', ': ', '\n', '  ', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '---\n', 'kind: ', 'id: ', 'P1', '2026-02-30', '24:00', '\t', '\u0000', '|\n', 'depends_on: [x]'),
  ),
});

test('mutated sample files never make the core throw', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const files = { ...FILES };
      for (const m of mutations) {
        const text = files[m.file]!;
        const at = m.at % (text.length + 1);
        files[m.file] = text.slice(0, at) + m.insert + text.slice(at + m.remove);
      }
      exercise(files);
    }),
    { numRuns: 60 },
  );
});

test('random YAML documents with known kinds never make the core throw', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('2026-11-03T09:12:00+03:00', '2026-11-03', '4h', '2d', 'P2', 'network', 'done'));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('id', 'title', 'status', 'at', 'depends_on', 'department', 'x'), tie('node'), { maxKeys: 4 })),
  })).node;
  const doc = fc.record({
    kind: fc.constantFrom('department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal', 'workspace'),
    id: fc.constantFrom('a', 'b', 'network', 'INC-1', 'acme'),
    tasks: fc.array(fc.record({ id: fc.constantFrom('t1', 't2', 't3'), depends_on: fc.array(fc.constantFrom('t1', 't2', 't3', 'c/t1'), { maxLength: 3 }), status: fc.constantFrom('todo', 'done', 'in_progress'), department: fc.constantFrom('network', 'unix', 'nope'), estimate: fc.constantFrom('1d', '4h', 'x') }), { maxLength: 4 }),
    timeline: fc.array(fc.record({ at: fc.constantFrom('2026-11-03T09:12:00+03:00', '2026-11-02T09:12:00Z', 'bad'), status: fc.constantFrom('acknowledged', 'resolved', 'waiting_for_customer', 'closed', 'in_progress') }), { maxLength: 5 }),
    extra: fc.dictionary(fc.constantFrom('priority', 'opened', 'calendar', 'targets', 'working_hours', 'holidays', 'timezone', 'project', 'incident', 'deadline'), value, { maxKeys: 5 }),
  });
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => {
      const text = docs.map((d) => JSON.stringify({ ...d.extra, kind: d.kind, id: d.id, tasks: d.tasks, timeline: d.timeline })).join('\n---\n');
      exercise({ ...FILES, 'projects/fuzz/fuzz.yaml': text });
    }),
    { numRuns: 80 },
  );
});

test('arbitrary text in an entity folder never makes the core throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
      exercise({ 'tam.yaml': FILES['tam.yaml']!, 'org/random.yaml': text });
    }),
    { numRuns: 200 },
  );
});

test('a time zone in tam.yaml that does not exist is reported, and reports fall back to UTC', () => {
  // Found by the mutation test above: "Europe/Moscow" with its first letter deleted.
  const files = { ...FILES, 'tam.yaml': FILES['tam.yaml']!.replace('Europe/Moscow', 'urope/Moscow') };
  exercise(files);
  const ws = new Workspace(new MemoryHost(files));
  ws.loadAll();
  const tamYaml = check(ws, { now: NOW }).get('tam.yaml') ?? [];
  assert.ok(tamYaml.some((d) => d.code === 'schema' && d.message.includes('"urope/Moscow" is not an IANA time zone')));
});
