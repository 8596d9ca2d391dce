// The built server over stdio: completion, hover, navigation, rename, symbols, code actions
// and code lenses, as an editor would ask for them.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, CodeLens, CompletionList, DocumentSymbol, Hover, Location, SymbolInformation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, serverForTests } from './client';

let client: LspClient;
const CHAIN = 'projects/acme/chains/landscape.yaml';

serverForTests((_, c) => {
  client = c;
});

const doc = (file: string) => ({ uri: client.uri(file) });
const completion = (file: string, position: { line: number; character: number }, triggerCharacter?: string) =>
  client.request<CompletionList>('textDocument/completion', { textDocument: doc(file), position, context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 } });

test('completion: department ids on a half-typed line, with names as detail', async () => {
  client.open(CHAIN);
  client.edit(CHAIN, '    department: unix\n    status: todo\n    estimate: 3d', '    department: un\n    status: todo\n    estimate: 3d');
  const list = await completion(CHAIN, client.positionOf(CHAIN, 'department: un', 'department: un'.length));
  const unix = list.items.find((i) => i.label === 'unix');
  assert.equal(unix?.detail, 'Unix');
  assert.deepEqual(unix?.textEdit && 'range' in unix.textEdit ? unix.textEdit.range : undefined, { start: { line: 15, character: 16 }, end: { line: 15, character: 18 } });
});

test('completion: depends_on flow items, an empty `- ` item, and keys being typed', async () => {
  client.edit(CHAIN, 'depends_on: [vlan, approvals/sign]', 'depends_on: [vlan, ]');
  const flow = await completion(CHAIN, client.positionOf(CHAIN, 'depends_on: [vlan, ', 'depends_on: [vlan, '.length));
  assert.deepEqual(flow.items.map((i) => i.label).filter((l) => !l.includes('/')), ['os']);
  assert.ok(flow.items.some((i) => i.label === 'approvals/sign'));
  client.edit(CHAIN, 'depends_on: [vlan, ]', 'depends_on: [vlan, approvals/sign]');

  client.edit(CHAIN, '      - vm\n', '      - vm\n      - \n');
  const item = await completion(CHAIN, client.positionOf(CHAIN, '      - \n', 8));
  assert.deepEqual(item.items.map((i) => i.label).sort(), ['approvals/sign', 'vlan']);
  client.edit(CHAIN, '      - vm\n      - \n', '      - vm\n');

  client.edit(CHAIN, '    estimate: 2d\n', '    estimate: 2d\n    as\n');
  const key = await completion(CHAIN, client.positionOf(CHAIN, '    as\n', 6));
  const assignee = key.items.find((i) => i.label === 'assignee');
  assert.equal(assignee?.detail, 'Assignee');
  client.edit(CHAIN, '    estimate: 2d\n    as\n', '    estimate: 2d\n');
});

test('completion: a whole task snippet and a timeline entry stamped now', async () => {
  client.edit(CHAIN, '      - vm\n', '      - vm\n  - \n');
  const task = await completion(CHAIN, client.positionOf(CHAIN, '  - \n', 4));
  const snippet = task.items.find((i) => i.label === 'new task');
  assert.equal(snippet?.insertTextFormat, 2);
  client.edit(CHAIN, '      - vm\n  - \n', '      - vm\n');

  const inc = 'projects/acme/incidents/INC-1.yaml';
  client.open(inc);
  client.edit(inc, '    by: oleg\n  - at: 2026-11-16T15:10', '    by: oleg\n  - \n  - at: 2026-11-16T15:10');
  const entry = await completion(inc, client.positionOf(inc, '  - \n', 4));
  assert.ok(entry.items.some((i) => i.label === 'timeline entry at 2026-11-25T12:00:00+03:00'));
  client.edit(inc, '    by: oleg\n  - \n  - at: 2026-11-16T15:10', '    by: oleg\n  - at: 2026-11-16T15:10');
});

test('hover: a key from the schema, a reference to a department, an incident with its clocks, a chain with its forecast', async () => {
  const key = await client.request<Hover>('textDocument/hover', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'deadline', 1) });
  assert.match(JSON.stringify(key.contents), /\*\*Deadline\*\*/);
  const dept = await client.request<Hover>('textDocument/hover', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'network', 2) });
  assert.match((dept.contents as { value: string }).value, /Department\*\* `network` — Network[\s\S]*lead: Oleg Ivanov/);
  const inc = await client.request<Hover>('textDocument/hover', { textDocument: doc('projects/acme/incidents/INC-1.yaml'), position: client.positionOf('projects/acme/incidents/INC-1.yaml', 'INC-1', 1) });
  assert.match((inc.contents as { value: string }).value, /resolution: breached, 5h 10m of 4h/);
  const chain = await client.request<Hover>('textDocument/hover', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'id: landscape', 5) });
  assert.match((chain.contents as { value: string }).value, /critical path: `vm` → `os`/);
});

test('definition and references across files', async () => {
  const def = await client.request<Location[]>('textDocument/definition', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'approvals/sign', 11) });
  assert.deepEqual(def.map((l) => [l.uri, l.range.start]), [[client.uri('projects/acme/chains/approvals.yaml'), { line: 5, character: 10 }]]);
  const refs = await client.request<Location[]>('textDocument/references', { textDocument: doc('org/people.yaml'), position: client.positionOf('org/people.yaml', 'oleg'), context: { includeDeclaration: false } });
  assert.deepEqual(refs.map((l) => client.rel(l.uri)).sort(), ['org/departments.yaml', 'projects/acme/incidents/INC-1.yaml', 'projects/acme/incidents/INC-1.yaml', 'projects/acme/proposals/cdn.yaml']);
});

test('rename: every reference, including chain/task forms and depends_on items; non-ids refused', async () => {
  const prepare = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'id: vlan', 5) });
  assert.equal(prepare.placeholder, 'vlan');
  await assert.rejects(client.request('textDocument/prepareRename', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'Landscape for') }), /Only ids can be renamed/);
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: doc('projects/acme/chains/approvals.yaml'), position: client.positionOf('projects/acme/chains/approvals.yaml', 'sign,', 1), newName: 'sign-off' });
  const changes = (edit.documentChanges as TextDocumentEdit[]).map((c) => [client.rel(c.textDocument.uri), c.edits.map((e) => e.newText)]);
  assert.deepEqual(changes.sort(), [['projects/acme/chains/approvals.yaml', ['sign-off']], ['projects/acme/chains/landscape.yaml', ['sign-off']]]);
  const landscape = (edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri.endsWith('landscape.yaml'))!;
  assert.equal(landscape.textDocument.version, client.version(CHAIN), 'an open document is edited at its version');
  assert.deepEqual(landscape.edits[0]!.range.start, { line: 18, character: 33 });
  await assert.rejects(client.request('textDocument/rename', { textDocument: doc(CHAIN), position: client.positionOf(CHAIN, 'network'), newName: 'unix' }), /already exists/);
});

test('document symbols of a chain and workspace symbols', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: doc(CHAIN) });
  assert.equal(symbols[0]!.name, 'landscape');
  assert.deepEqual(symbols[0]!.children!.map((c) => c.name), ['vlan', 'vm', 'os']);
  const ws = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'oleg' });
  assert.deepEqual(ws.map((s) => [s.name, client.rel(s.location.uri)]), [['oleg', 'org/people.yaml']]);
});

test('code actions: did-you-mean, the missing offset, a missing field, and creating the postmortem', async () => {
  const inc2 = 'projects/acme/incidents/INC-2.yaml';
  const published = client.diagnostics.get(client.uri(inc2))!.diagnostics;
  const actions = (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(inc2), range: published[0]!.range, context: { diagnostics: published } })).filter((a) => a.kind === 'quickfix');
  assert.deepEqual(actions.map((a) => a.title), ['Add offset +03:00 (Europe/Moscow)', 'Add Z (the time is UTC)', 'Change to "network"']);
  assert.equal(actions[2]!.isPreferred, true);

  const cdn = 'projects/acme/proposals/cdn.yaml';
  const missing = client.diagnostics.get(client.uri(cdn))!.diagnostics;
  const add = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(cdn), range: missing[0]!.range, context: { diagnostics: missing, only: ['quickfix'] } });
  assert.deepEqual(add.map((a) => a.title), ['Add required field "status"']);

  const inc1 = 'projects/acme/incidents/INC-1.yaml';
  const pm = client.diagnostics.get(client.uri(inc1))!.diagnostics.filter((d) => d.code === 'missing-postmortem');
  const create = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(inc1), range: pm[0]!.range, context: { diagnostics: pm, only: ['quickfix'] } });
  const changes = create[0]!.edit!.documentChanges!;
  assert.deepEqual(changes[0], { kind: 'create', uri: client.uri('projects/acme/postmortems/pm-inc-1.yaml'), options: { ignoreIfExists: true } });
  assert.match((changes[1] as TextDocumentEdit).edits[0]!.newText, /^kind: postmortem\nid: pm-inc-1\nincident: INC-1\n/);
});

test('code lenses: a chain forecast and incident clocks', async () => {
  const chain = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc(CHAIN) });
  assert.deepEqual(chain.map((l) => l.command?.title), ['forecast 2026-12-01 · late by 2 days · critical path: 2 tasks']);
  const inc = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: doc('projects/acme/incidents/INC-1.yaml') });
  assert.deepEqual(inc.map((l) => l.command?.title), ['response: met, 10m of 30m', 'resolution: breached, 5h 10m of 4h']);
});
