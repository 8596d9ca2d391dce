// Inlay hints of the language service: the engine's figures at the end of the lines they are
// about, in a few words. "Now" is Wednesday 2026-11-25 12:00 in Moscow; unix and network work
// Mon–Fri 09:00–18:00 on the `msk` calendar.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_HINTS, inlayHints, type HintFamilies } from '../../server/src/service/inlay-hints';
import { TextModel } from '../../server/src/service/text-model';
import { fixture, NOW } from './helpers';

const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Hints of a file added to the fixture workspace, as "line ‹label›". */
function hintsOf(file: string, text: string, families: HintFamilies = ALL_HINTS, now = NOW, extra: Record<string, string> = {}): string[] {
  const ws = fixture({ [file]: text, ...extra });
  const model = new TextModel(file, text);
  const lines = text.split('\n');
  return inlayHints(model, ALL, ws, now, families).map((h) => `${lines[h.position.line]!.trim()} ‹${h.label}›`);
}

const chain = (tasks: string, head = '') => `kind: chain\nid: c\nproject: acme\ntitle: T\n${head}tasks:\n${tasks}`;

test('a flow task with its estimate on one line gets one hint', () => {
  assert.deepEqual(hintsOf('projects/acme/chains/c.yaml', chain('  - { id: tune, title: Tune, department: unix, status: todo, estimate: 12h }\n')), [
    '- { id: tune, title: Tune, department: unix, status: todo, estimate: 12h } ‹11-25 → 11-26 · critical · 2 working days›',
  ]);
});

test('a task in progress is forecast from today; a cancelled one has no dates; slack is in working days', () => {
  const text = chain(`  - { id: a, title: A, department: unix, status: in_progress, estimate: 2d, started: 2026-11-20 }
  - { id: b, title: B, department: unix, status: cancelled }
  - { id: c, title: C, department: network, status: todo, estimate: 1d }
  - { id: d, title: D, department: unix, status: todo, estimate: 1d, depends_on: [a, c] }
`);
  assert.deepEqual(hintsOf('projects/acme/chains/c.yaml', text), [
    '- { id: a, title: A, department: unix, status: in_progress, estimate: 2d, started: 2026-11-20 } ‹11-25 → 11-26 · critical›',
    '- { id: c, title: C, department: network, status: todo, estimate: 1d } ‹11-25 · slack 1d›',
    '- { id: d, title: D, department: unix, status: todo, estimate: 1d, depends_on: [a, c] } ‹11-27 · critical · waits on unix: a›',
  ]);
});

test('the deadline: late, on time, a chain that is done, a cycle', () => {
  const file = 'projects/acme/chains/c.yaml';
  const one = (status: string, deadline: string) => hintsOf(file, chain(`  - { id: a, title: A, department: unix, status: ${status}, estimate: 3d }\n`, `deadline: ${deadline}\n`), { ...ALL_HINTS, tasks: false });
  assert.deepEqual(one('todo', '2026-11-26'), ['deadline: 2026-11-26 ‹forecast 11-27 · late by 1d›']);
  assert.deepEqual(one('todo', '2026-11-27'), ['deadline: 2026-11-27 ‹forecast 11-27 · on time›']);
  const done = chain('  - { id: a, title: A, department: unix, status: done, started: 2026-11-16, finished: 2026-11-18 }\n', 'deadline: 2026-11-17\n');
  assert.deepEqual(hintsOf(file, done), ['deadline: 2026-11-17 ‹finished 11-18 · 1d after it›', '- { id: a, title: A, department: unix, status: done, started: 2026-11-16, finished: 2026-11-18 } ‹done 11-18›']);
  const cycle = chain('  - { id: a, title: A, department: unix, status: todo, depends_on: [b] }\n  - { id: b, title: B, department: unix, status: todo, depends_on: [a] }\n', 'deadline: 2026-12-01\n');
  assert.deepEqual(hintsOf(file, cycle), ['deadline: 2026-12-01 ‹no forecast: dependency cycle›']);
});

test('dates of another year are written in full', () => {
  const text = chain('  - { id: a, title: A, department: unix, status: todo, estimate: 30d }\n', 'deadline: 2026-12-31\n');
  assert.deepEqual(hintsOf('projects/acme/chains/c.yaml', text), ['deadline: 2026-12-31 ‹forecast 2027-01-05 · late by 3d›', '- { id: a, title: A, department: unix, status: todo, estimate: 30d } ‹11-25 → 2027-01-05 · critical›']);
});

test('a family turned off gives no hints; a chain of the same id in another file gives none here', () => {
  const text = chain('  - id: a\n    title: A\n    department: unix\n    status: todo\n    estimate: 4h\n');
  assert.deepEqual(hintsOf('projects/acme/chains/c.yaml', text), ['- id: a ‹11-25 · critical›', 'estimate: 4h ‹1 working day›']);
  assert.deepEqual(hintsOf('projects/acme/chains/c.yaml', text, { ...ALL_HINTS, estimates: false }), ['- id: a ‹11-25 · critical›']);
  assert.deepEqual(hintsOf('projects/acme/chains/c.yaml', text, { ...ALL_HINTS, tasks: false }), ['estimate: 4h ‹1 working day›']);
  const ws = fixture({ 'projects/acme/chains/c.yaml': text });
  assert.deepEqual(inlayHints(new TextModel('projects/acme/chains/copy.yaml', text), ALL, ws, NOW), []);
});

test('an incident: a paused clock over its target, an entry not counted yet, an entry that changes nothing', () => {
  const text = `kind: incident
id: INC-7
project: acme
title: T
priority: P1
opened: 2026-11-24T09:00:00+03:00
timeline:
  - at: 2026-11-24T09:10:00+03:00
    status: acknowledged
  - at: 2026-11-24T09:20:00+03:00
    status: in_progress
  - at: 2026-11-24T15:00:00+03:00
    status: waiting_for_customer
  - at: 2026-11-25T13:00:00+03:00
    status: resolved
`;
  assert.deepEqual(hintsOf('projects/acme/incidents/INC-7.yaml', text), [
    'opened: 2026-11-24T09:00:00+03:00 ‹response met 10m / 30m · resolution paused 6h / 4h, over target›',
    'status: acknowledged ‹stops response›',
    'status: in_progress ‹clocks unchanged›',
    'status: waiting_for_customer ‹pauses resolution›',
    'status: resolved ‹not yet: after now›',
  ]);
});

test('a project document: the next review, or since when it is due', () => {
  const text = `kind: project
id: p
name: P
client: C
tam: anna
docs:
  - { path: a.md, reviewed: 2026-11-01, review_every: 30d }
  - path: b.md
    reviewed: 2025-12-01
  - path: c.md
`;
  assert.deepEqual(hintsOf('projects/p/project.yaml', text), ['- { path: a.md, reviewed: 2026-11-01, review_every: 30d } ‹next review 12-01›', 'reviewed: 2025-12-01 ‹review due since 05-30›']);
});
