// One truth: every surface counts open incidents, open breaches and late chains through the
// core's one definition of each (core/sla/incident-state.ts, isLateChain). A workspace with each
// edge case — a clock paused over its target, a reopened incident, one closed without being
// resolved, a breach of the past, a late chain now all done — is read by the status bar, the
// tree, `tam sla`, `tam docs`, `tam plan` and the editor's lenses and hints, and each must say
// what a TAM counts by hand.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parseTimestamp } from '../../server/src/core/time/timestamp';
import { FileSystemHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { fileOf, status, tree, type TamHost } from '../../server/src/lsp/tam-requests';
import { codeLenses } from '../../server/src/service/code-lenses';
import { inlayHints } from '../../server/src/service/inlay-hints';
import { TextModel } from '../../server/src/service/text-model';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';

// Wednesday 25 November 2026, noon in Moscow. The base workspace's policy "standard" runs on
// Mon–Fri 09:00–18:00 Moscow: P1 30m / 4h, P2 1h / 8h, P3 4h / 24h.
const NOW = '2026-11-25T12:00:00+03:00';

const incident = (id: string, priority: string, opened: string, timeline: string[]) =>
  `kind: incident\nid: ${id}\nproject: acme\ntitle: ${id}\npriority: ${priority}\nopened: ${opened}\ntimeline:\n${timeline.map((e) => `  - ${e}\n`).join('')}`;

const FILES: Record<string, string> = {
  // Resolution ran Tue 10:00–15:00 (5h of a 4h target), then waits for the customer: paused over
  // its target. Open, an open breach.
  'projects/acme/incidents/INC-PAUSED.yaml': incident('INC-PAUSED', 'P1', '2026-11-24T10:00:00+03:00', [
    '{ at: 2026-11-24T10:10:00+03:00, status: acknowledged }',
    '{ at: 2026-11-24T15:00:00+03:00, status: waiting_for_customer }',
  ]),
  // Resolved Monday, reopened Tuesday: open again, 2h + 12h of a 24h target. Open, no breach.
  'projects/acme/incidents/INC-REOPENED.yaml': incident('INC-REOPENED', 'P3', '2026-11-23T10:00:00+03:00', [
    '{ at: 2026-11-23T10:30:00+03:00, status: acknowledged }',
    '{ at: 2026-11-23T12:00:00+03:00, status: resolved }',
    '{ at: 2026-11-24T09:00:00+03:00, status: in_progress }',
  ]),
  // Closed on Friday without ever being resolved: its resolution clock runs (29h of 8h). Open,
  // an open breach.
  'projects/acme/incidents/INC-CLOSED.yaml': incident('INC-CLOSED', 'P2', '2026-11-20T10:00:00+03:00', [
    '{ at: 2026-11-20T10:20:00+03:00, status: acknowledged }',
    '{ at: 2026-11-20T12:00:00+03:00, status: closed }',
  ]),
  // Resolved and closed in time. Not open.
  'projects/acme/incidents/INC-DONE.yaml': incident('INC-DONE', 'P2', '2026-11-20T10:00:00+03:00', [
    '{ at: 2026-11-20T10:10:00+03:00, status: acknowledged }',
    '{ at: 2026-11-20T11:00:00+03:00, status: resolved }',
    '{ at: 2026-11-20T12:00:00+03:00, status: closed }',
  ]),
  // Acknowledged after 1h of a 30m target, resolved: a breach of the past. Not open, no open breach.
  'projects/acme/incidents/INC-PAST.yaml': incident('INC-PAST', 'P1', '2026-11-19T10:00:00+03:00', [
    '{ at: 2026-11-19T11:00:00+03:00, status: acknowledged }',
    '{ at: 2026-11-19T11:30:00+03:00, status: resolved }',
  ]),
  // Finished two days after its deadline: late by the spec, but done — history, not a late chain.
  'projects/acme/chains/late-done.yaml': `kind: chain
id: late-done
project: acme
title: Finished late
deadline: 2026-11-10
tasks:
  - { id: a, title: A, department: network, status: done, started: 2026-11-09, finished: 2026-11-12 }
`,
  // Five days of work from today against a deadline tomorrow: a late chain.
  'projects/acme/chains/late-open.yaml': `kind: chain
id: late-open
project: acme
title: Late
deadline: 2026-11-26
tasks:
  - { id: a, title: A, department: network, status: todo, estimate: 5d }
`,
  'projects/acme/chains/on-time.yaml': `kind: chain
id: on-time
project: acme
title: On time
deadline: 2027-01-29
tasks:
  - { id: a, title: A, department: network, status: todo, estimate: 2d }
`,
};

const OPEN = ['INC-CLOSED', 'INC-PAUSED', 'INC-REOPENED'];
const OPEN_BREACHES = ['INC-CLOSED resolution', 'INC-PAUSED resolution'];
const LATE = ['late-open'];

const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));
const root = tempWorkspace(FILES);
dirs.push(root);

function host(): TamHost {
  const ws = new Workspace(new FileSystemHost(root));
  ws.loadAll();
  const ref = { ws, root };
  return { workspaceFor: (uri) => (fileOf(root, uri) !== undefined ? ref : undefined), workspaces: () => [ref], now: () => parseTimestamp(NOW)! };
}

test('the status bar counts what a TAM counts by hand', () => {
  const { soonestDue, ...counts } = status(host(), {});
  assert.deepEqual(counts, { openBreaches: OPEN_BREACHES.length, openIncidents: OPEN.length, lateChains: LATE.length, workspaces: 1 });
  // The only running clock under its target: INC-REOPENED has used 2h + 9h + 3h of its 24h, so
  // its 10h left are Wednesday 12:00–18:00 and Thursday 09:00–13:00.
  assert.deepEqual([soonestDue?.incident, soonestDue?.clock, soonestDue?.leftMinutes, soonestDue?.dueAt], ['INC-REOPENED', 'resolution', 600, '2026-11-26T10:00:00.000Z']);
});

test('the tree marks the same incidents open, the same breaches open, the same chains late', () => {
  const [ws] = tree(host(), {}).workspaces;
  assert.deepEqual(ws!.incidents.filter((i) => i.open).map((i) => i.id).sort(), OPEN);
  assert.deepEqual(ws!.incidents.filter((i) => i.openBreach).map((i) => i.id).sort(), ['INC-CLOSED', 'INC-PAUSED']);
  assert.equal(ws!.openBreaches, OPEN_BREACHES.length);
  assert.deepEqual(ws!.projects.flatMap((p) => p.chains).filter((c) => c.late).map((c) => c.id), LATE);
  // Open incidents first, then the newest; ids in code-point order everywhere.
  assert.deepEqual(ws!.incidents.map((i) => i.id), ['INC-PAUSED', 'INC-REOPENED', 'INC-CLOSED', 'INC-DONE', 'INC-PAST']);
});

test('tam sla: the same open incidents and open breaches, and the breach of the past among the breaches', async () => {
  const r = await tam(['sla', root, '--format', 'json', '--now', NOW]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.totals.open, OPEN.length);
  assert.deepEqual(json.incidents.filter((i: { open: boolean }) => i.open).map((i: { id: string }) => i.id).sort(), OPEN);
  const breaches = json.breaches.map((b: { id: string; clock: string; open: boolean }) => `${b.id} ${b.clock}${b.open ? ' open' : ''}`).sort();
  assert.deepEqual(breaches, ['INC-CLOSED resolution open', 'INC-PAST response', 'INC-PAUSED resolution open']);
  const table = await tam(['sla', root, '--now', NOW]);
  assert.match(table.out, /INC-CLOSED .*resolution \(open\)/);
  assert.doesNotMatch(table.out, /INC-PAST .*\(open\)/);
});

test('tam docs: the same open incidents and late chains on the index and the project page', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-one-truth-'));
  dirs.push(out);
  const r = await tam(['docs', root, '--out', out, '--now', NOW]);
  assert.equal(r.code, 0, r.err);
  const index = fs.readFileSync(path.join(out, 'index.md'), 'utf8');
  const row = index.split('\n').find((l) => l.includes('ACME'))!;
  const cells = row.split('|').map((c) => c.trim());
  assert.equal(cells[4], String(OPEN.length), row);
  assert.equal(cells[5], `3 (${LATE.length} late)`, row);
  const page = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f !== 'index.md' && f.endsWith('.md')) ?? 'projects/acme.md'), 'utf8');
  assert.match(page, new RegExp(`### Open incidents \\(${OPEN.length}\\)`));
  assert.match(page, /Finished 2026-11-12; deadline 2026-11-10: finished 2 working days after it\./);
});

test('tam plan: late and done as the spec and the core say; the late chains are the same', async () => {
  const r = await tam(['plan', root, '--format', 'json', '--now', NOW]);
  assert.equal(r.code, 0, r.err);
  const chains: { id: string; late: boolean; done: boolean }[] = JSON.parse(r.out).chains;
  assert.deepEqual(chains.filter((c) => c.late && !c.done).map((c) => c.id), LATE);
  assert.deepEqual(chains.find((c) => c.id === 'late-done'), { ...chains.find((c) => c.id === 'late-done'), late: true, done: true });
  const text = await tam(['plan', root, '--now', NOW]);
  assert.match(text.out, /finished 2026-11-12, deadline 2026-11-10: finished 2 working days after it/);
});

test("the editor: a project's lenses count the same open breaches and late chains; deadline hints call late only the late chain", () => {
  const ws = host().workspaces()[0]!.ws;
  const now = parseTimestamp(NOW)!;
  const modelOf = (file: string) => new TextModel(file, ws.textOf(file)!);
  const lenses = codeLenses(modelOf('projects/acme/project.yaml'), ws, now).map((l) => l.title);
  assert.deepEqual(lenses, [`${OPEN_BREACHES.length} open SLA breaches`, ...LATE.map((id) => `late: ${id} by 3 working days`)]);
  const deadline = (file: string) => inlayHints(modelOf(file), { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, ws, now).find((h) => h.position.line === 4)!.label;
  assert.equal(deadline('projects/acme/chains/late-open.yaml'), 'forecast 12-01 · late by 3d');
  assert.equal(deadline('projects/acme/chains/late-done.yaml'), 'finished 11-12 · 2d after it');
  assert.equal(deadline('projects/acme/chains/on-time.yaml'), 'forecast 11-26 · on time');
});
