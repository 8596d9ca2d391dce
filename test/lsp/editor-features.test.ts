// The built server over stdio, for what the editor shows and does from the engine's figures:
// inlay hints (a task's forecast, a chain's finish, an estimate in hours, an incident's clocks
// and what each entry did, a document's next review), code lenses that run commands, document
// links, a TAM's routine edits at the cursor, and the hover on a date. The client here declares
// what the TAM extension declares (its commands, edits that create files, view refreshes); one
// test starts a plain client, as Neovim or Helix would be.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, CreateFile, DocumentLink, Hover, InlayHint, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { tam } from '../helpers/cli';
import { LspClient, NOW, tempCopy } from './client';

const CHAIN = 'projects/acme/chains/landscape.yaml';
const INC1 = 'projects/acme/incidents/INC-1.yaml';
const INC3 = 'projects/acme/incidents/INC-3.yaml';
const PROJECT = 'projects/acme/project.yaml';
const HOURS = 'projects/acme/chains/hours.yaml';

/** Files added to the fixture: a running incident, a chain estimated in hours, documents to review, a named holiday. */
function seed(dir: string): void {
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
  write(
    INC3,
    `kind: incident
id: INC-3
project: acme
title: Checkout slow since the morning
priority: P2
opened: 2026-11-25T10:00:00+03:00
timeline:
  - { at: 2026-11-25T10:20:00+03:00, status: acknowledged, by: oleg }
  - { at: 2026-11-25T11:00:00+03:00, status: waiting_for_customer, by: oleg }
  - { at: 2026-11-25T11:30:00+03:00, status: in_progress, by: oleg }
`,
  );
  write(
    HOURS,
    `kind: chain
id: hours
project: acme
title: A task estimated in hours
tasks:
  - id: tune
    title: Tune the kernel
    department: unix
    status: todo
    estimate: 12h
`,
  );
  fs.mkdirSync(path.join(dir, 'projects/acme/docs'), { recursive: true });
  write('projects/acme/docs/runbook.md', '# Runbook\n');
  write(
    PROJECT,
    `${fs.readFileSync(path.join(dir, PROJECT), 'utf8')}description: Landing page; the contract is at https://wiki.acme.example/contracts/landing (section 4).
docs:
  - path: docs/runbook.md
    reviewed: 2026-10-01
    review_every: 90d
  - path: docs/network.md
    reviewed: 2026-03-01
  - path: https://wiki.acme.example/acme/escalation
  - path: ../../../../etc/passwd
`,
  );
  write('projects/acme/proposals/cdn.yaml', `${fs.readFileSync(path.join(dir, 'projects/acme/proposals/cdn.yaml'), 'utf8')}status: proposed\nevidence:\n  - "Load test: https://grafana.acme.example/d/abc?from=now-7d."\n`);
  const calendars = path.join(dir, 'org/calendars.yaml');
  write('org/calendars.yaml', fs.readFileSync(calendars, 'utf8').replace('holidays: [2026-11-04]', 'holidays: [{ date: 2026-11-04, name: Unity Day }]'));
}

let dir: string;
let client: LspClient;

before(async () => {
  dir = tempCopy();
  seed(dir);
  client = await LspClient.start(dir, { now: NOW, me: 'anna' }, [], {
    workspace: { applyEdit: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
    experimental: { tamCommands: ['tam.openChainGraph', 'tam.showSlaSummary'] },
  });
  await client.ready();
});

after(async () => {
  await client?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const doc = (file: string) => ({ uri: client.uri(file) });
const everything = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

/** Inlay hints of a file as "line text ‹label›", as an editor shows them. */
async function hints(file: string, range = everything, c = client): Promise<string[]> {
  const list = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: c.uri(file) }, range });
  const lines = (c.text(file) ?? fs.readFileSync(path.join(c.root, file), 'utf8')).split('\n');
  return list.map((h) => {
    assert.equal(h.position.character, lines[h.position.line]!.length, 'a hint sits at the end of its line');
    assert.equal(h.paddingLeft, true);
    return `${lines[h.position.line]!.trim()} ‹${h.label as string}›`;
  });
}

test('inlay hints of a chain: each task, the deadline and an estimate in hours, as tam plan forecasts them', async () => {
  assert.deepEqual(await hints(CHAIN), [
    'deadline: 2026-11-27 ‹forecast 12-01 · late by 2d›',
    '- id: vlan ‹done 11-16›',
    '- id: vm ‹11-25 → 11-27 · critical›',
    '- id: os ‹11-30 → 12-01 · critical · waits on unix: vm›',
  ]);
  assert.deepEqual(await hints(HOURS), ['- id: tune ‹11-25 → 11-26 · critical›', 'estimate: 12h ‹2 working days›']);

  // One truth: the dates of every hint are those of `tam plan --format json` on the same files.
  const plan = JSON.parse((await tam(['plan', dir, '--chain', 'landscape', '--now', NOW, '--format', 'json'])).out);
  const list = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: doc(CHAIN), range: everything });
  for (const t of plan.chains[0].tasks) {
    const short = (d: string) => d.slice(5);
    const expected = t.status === 'done' ? `done ${short(t.finish)}` : `${t.start === t.finish ? short(t.start) : `${short(t.start)} → ${short(t.finish)}`} · ${t.critical ? 'critical' : `slack ${t.slack}d`}`;
    assert.ok(list.some((h) => (h.label as string).startsWith(expected)), `no hint "${expected}" for ${t.id}`);
  }
});

test('inlay hints only for the lines asked for', async () => {
  const line = fs.readFileSync(path.join(dir, CHAIN), 'utf8').split('\n').findIndex((l) => l.startsWith('deadline:'));
  assert.deepEqual(await hints(CHAIN, { start: { line, character: 0 }, end: { line, character: 10 } }), ['deadline: 2026-11-27 ‹forecast 12-01 · late by 2d›']);
});

test("inlay hints of an incident: its clocks after opened, with when they fall due, and what each entry did", async () => {
  assert.deepEqual(await hints(INC1), [
    'opened: 2026-11-16T10:00:00+03:00 ‹response met 10m / 30m · resolution breached 5h 10m / 4h›',
    'status: acknowledged ‹stops response›',
    'status: resolved ‹stops resolution›',
  ]);
  // 10:00–11:00 and 11:30–12:00 count: 1h 30m of 8h; the 6h 30m left run to 18:00 and on
  // Thursday from 09:00: due 09:30 tomorrow, on the workspace's clock.
  assert.deepEqual(await hints(INC3), [
    'opened: 2026-11-25T10:00:00+03:00 ‹response met 20m / 1h · resolution running 1h 30m / 8h, due 11-26 09:30›',
    '- { at: 2026-11-25T10:20:00+03:00, status: acknowledged, by: oleg } ‹stops response›',
    '- { at: 2026-11-25T11:00:00+03:00, status: waiting_for_customer, by: oleg } ‹pauses resolution›',
    '- { at: 2026-11-25T11:30:00+03:00, status: in_progress, by: oleg } ‹resumes resolution›',
  ]);
  const sla = JSON.parse((await tam(['sla', dir, '--now', NOW, '--format', 'json'])).out);
  const inc3 = sla.incidents.find((i: { id: string }) => i.id === 'INC-3');
  assert.deepEqual([inc3.response.state, inc3.response.elapsedMinutes, inc3.resolution.state, inc3.resolution.elapsedMinutes], ['met', 20, 'running', 90]);
});

test("inlay hints of a project: each document's next review", async () => {
  assert.deepEqual(await hints(PROJECT), ['reviewed: 2026-10-01 ‹next review 12-30›', 'reviewed: 2026-03-01 ‹review due since 08-28›']);
});

test('a change in another chain moves the hints, and the server asks the editor to fetch them again', async () => {
  const approvals = 'projects/acme/chains/approvals.yaml';
  client.open(approvals);
  const refreshes = () => client.requests.filter((r) => r.method === 'workspace/inlayHint/refresh').length;
  const lensRefreshes = () => client.requests.filter((r) => r.method === 'workspace/codeLens/refresh').length;
  const version = client.edit(approvals, 'status: done, started: 2026-11-10, finished: 2026-11-10', 'status: todo, estimate: 3d');
  // An edited file is published again, with its version. A refresh still pending from an
  // earlier test or from the open reaches the client before that; only one asked after it
  // says that the index holds the edit.
  const published = () => client.diagnostics.get(client.uri(approvals))?.version === version;
  await client.waitFor(published, 20_000, `the diagnostics of version ${version}`);
  const before = refreshes();
  const lensesBefore = lensRefreshes();
  // Both are asked for at once, but each reaches the client in its own turn of the event loop.
  await client.waitFor(() => refreshes() > before, 20_000, 'workspace/inlayHint/refresh');
  await client.waitFor(() => lensRefreshes() > lensesBefore, 20_000, 'workspace/codeLens/refresh');
  assert.deepEqual((await hints(CHAIN)).slice(2, 3), ['- id: vm ‹11-30 → 12-02 · critical · waits on network: approvals/sign›']);
  client.edit(approvals, 'status: todo, estimate: 3d', 'status: done, started: 2026-11-10, finished: 2026-11-10');
  client.close(approvals);
  await client.waitFor(() => refreshes() > before + 1, 20_000, 'the second refresh');
});

test('tam.inlayHints.* turns each family off', async () => {
  const changed = (inlayHints: Record<string, boolean>) => client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { now: NOW, me: 'anna', inlayHints } } });
  /** The hints of a file once their number is `count` (settings reach the analysis thread in a moment). */
  const settled = async (file: string, count: number) => {
    let list = await hints(file);
    for (let i = 0; i < 100 && list.length !== count; i++) {
      await new Promise((r) => setTimeout(r, 50));
      list = await hints(file);
    }
    return list;
  };
  await changed({ tasks: false, timeline: false });
  assert.deepEqual(await settled(CHAIN, 1), ['deadline: 2026-11-27 ‹forecast 12-01 · late by 2d›']);
  assert.deepEqual(await hints(INC1), ['opened: 2026-11-16T10:00:00+03:00 ‹response met 10m / 30m · resolution breached 5h 10m / 4h›']);
  await changed({});
  assert.equal((await settled(CHAIN, 4)).length, 4);
});

test('code lenses run commands: the graph and the SLA Summary in the extension, Create postmortem on the server', async () => {
  const lenses = async (file: string) => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc(file) })).map((l) => [l.command?.title, l.command?.command, ...(l.command?.arguments ?? [])]);
  assert.deepEqual(await lenses(CHAIN), [
    ['forecast 2026-12-01 · late by 2 days · critical path: 2 tasks', 'tam.openChainGraph', { uri: client.uri(CHAIN), chainId: 'landscape', format: 'flowchart' }],
    ['Show graph', 'tam.openChainGraph', { uri: client.uri(CHAIN), chainId: 'landscape', format: 'flowchart' }],
    ['Gantt', 'tam.openChainGraph', { uri: client.uri(CHAIN), chainId: 'landscape', format: 'gantt' }],
  ]);
  const summary = { project: 'acme', folderUri: client.uri(INC1) };
  assert.deepEqual(await lenses(INC1), [
    ['response: met, 10m of 30m', 'tam.showSlaSummary', summary],
    ['resolution: breached, 5h 10m of 4h', 'tam.showSlaSummary', summary],
    ['SLA Summary', 'tam.showSlaSummary', summary],
    ['Create postmortem', 'tam.createPostmortem', { uri: client.uri(INC1), incident: 'INC-1' }],
  ]);
  assert.deepEqual(await lenses(PROJECT), [
    ['no open SLA breaches', 'tam.showSlaSummary', { project: 'acme', folderUri: client.uri(PROJECT) }],
    ['late: landscape by 2 working days', 'tam.openChainGraph', { uri: client.uri(CHAIN), chainId: 'landscape', format: 'gantt' }],
  ]);

  // The server runs its own command: it asks the editor to create the file and name it in the incident.
  assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider, { commands: ['tam.createPostmortem'] });
  const applied = client.requests.length;
  assert.equal(await client.request('workspace/executeCommand', { command: 'tam.createPostmortem', arguments: [{ uri: client.uri(INC1), incident: 'INC-1' }] }), null);
  const request = client.requests.slice(applied).find((r) => r.method === 'workspace/applyEdit')!.params as { label: string; edit: WorkspaceEdit };
  assert.equal(request.label, 'Create postmortem projects/acme/postmortems/pm-inc-1.yaml');
  const changes = request.edit.documentChanges!;
  assert.deepEqual(changes[0] as CreateFile, { kind: 'create', uri: client.uri('projects/acme/postmortems/pm-inc-1.yaml'), options: { ignoreIfExists: true } });
  assert.match((changes[1] as TextDocumentEdit).edits[0]!.newText, /^kind: postmortem\nid: pm-inc-1\nincident: INC-1\n/);
  const incidentEdit = changes[2] as TextDocumentEdit;
  assert.equal(incidentEdit.textDocument.uri, client.uri(INC1));
  assert.deepEqual(incidentEdit.edits, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, newText: '\npostmortem: pm-inc-1' }]);
  // A command that cannot be carried out says why.
  await assert.rejects(client.request('workspace/executeCommand', { command: 'tam.createPostmortem', arguments: [{ uri: client.uri(INC1), incident: 'INC-404' }] }), /No incident "INC-404"/);
});

test('document links: document paths open their file, web addresses their page, a path out of the workspace nothing', async () => {
  const links = async (file: string) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    return (await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: doc(file) })).map((l) => [
      text[l.range.start.line]!.slice(l.range.start.character, l.range.end.character),
      l.target,
      l.tooltip,
    ]);
  };
  assert.deepEqual(await links(PROJECT), [
    ['https://wiki.acme.example/contracts/landing', 'https://wiki.acme.example/contracts/landing', 'Open in the browser'],
    ['docs/runbook.md', client.uri('projects/acme/docs/runbook.md'), 'Open projects/acme/docs/runbook.md'],
    ['docs/network.md', client.uri('projects/acme/docs/network.md'), 'Open projects/acme/docs/network.md (it does not exist yet)'],
    ['https://wiki.acme.example/acme/escalation', 'https://wiki.acme.example/acme/escalation', 'Open in the browser'],
  ]);
  assert.deepEqual(await links('projects/acme/proposals/cdn.yaml'), [['https://grafana.acme.example/d/abc?from=now-7d', 'https://grafana.acme.example/d/abc?from=now-7d', 'Open in the browser']]);
});

/** Applies a code action's edit to the open text of a file. */
function apply(file: string, edit: WorkspaceEdit): string {
  let text = client.text(file)!;
  const edits = (edit.documentChanges as TextDocumentEdit[]).filter((c) => c.textDocument.uri === client.uri(file)).flatMap((c) => c.edits);
  const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

test('routine edits at the cursor: start a task today, add a timeline entry now signed with tam.me', async () => {
  client.open(CHAIN);
  const at = client.positionOf(CHAIN, 'id: vm', 4);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(CHAIN), range: { start: at, end: at }, context: { diagnostics: [] } });
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Start today', 'refactor.rewrite'], ['Mark done today', 'refactor.rewrite'], ['Block', 'refactor.rewrite']]);
  const started = apply(CHAIN, actions[0]!.edit!);
  assert.equal(started, client.text(CHAIN)!.replace('    status: todo\n    estimate: 3d\n    depends_on: [vlan, approvals/sign]\n', '    status: in_progress\n    estimate: 3d\n    depends_on: [vlan, approvals/sign]\n    started: 2026-11-25\n'));
  assert.equal((actions[0]!.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, client.version(CHAIN), 'the open document is edited at its version');

  client.open(INC3);
  const entry = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(INC3), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [], only: ['refactor'] } });
  const resolved = entry.find((a) => a.title === 'Add timeline entry now: resolved')!;
  assert.equal(apply(INC3, resolved.edit!), `${client.text(INC3)}  - { at: 2026-11-25T12:00:00+03:00, status: resolved, by: anna }\n`);
  assert.deepEqual(await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(INC3), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } }), []);
});

test('hover on a date: its weekday and whether it is a working day where it is written, naming the holiday', async () => {
  const hover = async (file: string, needle: string, shift: number) => ((await client.request<Hover>('textDocument/hover', { textDocument: doc(file), position: client.positionOf(file, needle, shift) })).contents as { value: string }).value.split('\n\n')[0];
  assert.equal(await hover(CHAIN, 'started: 2026-11-16', 12), '**Monday** 2026-11-16 — a working day in calendar `msk` of department `network`');
  assert.equal(await hover(INC3, 'opened: 2026-11-25T10', 12), '**Wednesday** 2026-11-25 10:00 in Europe/Moscow — a working day in calendar `msk` of SLA policy `standard`, within working hours');
  assert.equal(await hover('org/calendars.yaml', 'date: 2026-11-04', 8), '**Wednesday** 2026-11-04 — a holiday in this calendar: Unity Day');
  assert.equal(await hover('projects/acme/proposals/cdn.yaml', 'proposed_on: 2026-11-20', 15), '**Friday** 2026-11-20');
});

test('in an editor without the extension: lenses inform, and no command is advertised that it cannot run', async () => {
  const plainDir = tempCopy();
  const plain = await LspClient.start(plainDir, { now: NOW });
  try {
    await plain.ready();
    assert.equal(plain.initializeResult?.capabilities.executeCommandProvider, undefined);
    assert.equal(plain.initializeResult?.capabilities.inlayHintProvider?.resolveProvider, false);
    const lenses = await plain.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: plain.uri(INC1) } });
    assert.deepEqual(lenses.map((l) => [l.command?.title, l.command?.command]), [
      ['response: met, 10m of 30m', ''],
      ['resolution: breached, 5h 10m of 4h', ''],
    ]);
    assert.deepEqual(await hints(CHAIN, everything, plain), [
      'deadline: 2026-11-27 ‹forecast 12-01 · late by 2d›',
      '- id: vlan ‹done 11-16›',
      '- id: vm ‹11-25 → 11-27 · critical›',
      '- id: os ‹11-30 → 12-01 · critical · waits on unix: vm›',
    ]);
  } finally {
    await plain.stop();
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
});
