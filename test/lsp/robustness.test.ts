// The built server over stdio, given bad input: half-typed YAML, a file saved mid-edit,
// unknown documents, positions past the end, nonsense parameters, a folder without tam.yaml,
// a 50 000-line file. Answers stay sane and the server keeps answering.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CompletionList, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { longChain } from '../../bench/generate';
import { LspClient, serverForTests } from './client';

let dir: string;
let client: LspClient;

serverForTests((d, c) => {
  dir = d;
  client = c;
});

const METHODS = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/codeLens'];

async function alive(): Promise<void> {
  // Not open: the server reads it.
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('org/people.yaml') } });
  assert.deepEqual(symbols.map((s) => s.name), ['anna', 'oleg']);
}

test('requests about unknown documents and positions past the end get empty answers', async () => {
  for (const method of METHODS) {
    const params = { textDocument: { uri: client.uri('nowhere/missing.yaml') }, position: { line: 9999, character: 9999 }, range: { start: { line: 9999, character: 0 }, end: { line: 99999, character: 5 } }, context: { diagnostics: [], includeDeclaration: true } };
    const answer = await client.request<unknown>(method, params);
    assert.ok(answer === null || (Array.isArray(answer) && answer.length === 0) || (typeof answer === 'object' && Array.isArray((answer as CompletionList).items)), `${method}: ${JSON.stringify(answer)}`);
  }
  const pastEnd = await client.request<unknown>('textDocument/hover', { textDocument: { uri: client.uri('org/people.yaml') }, position: { line: 500, character: 80 } });
  assert.equal(pastEnd, null);
  await alive();
});

test('nonsense parameters do not stop the server', async () => {
  for (const method of METHODS) {
    await client.request(method, { textDocument: { uri: 42 }, position: { line: -3, character: 'x' } }).catch(() => undefined);
    await client.request(method, null).catch(() => undefined);
  }
  await client.request('workspace/symbol', { query: null }).catch(() => undefined);
  await client.request('tam/nonsense', {}).catch(() => undefined);
  client.watched([{ file: '../../etc/passwd', type: 2 }]);
  await alive();
});

test('half-typed YAML: diagnostics, completion, hover and outline still work', async () => {
  const file = 'projects/acme/chains/draft.yaml';
  const text = 'kind: chain\nid: draft\nproject: acme\ntitle: Draft\ntasks:\n  - id: a\n    title: A\n    department: ne\n    depends_on: [\n  - \n    status: "unterminated\n';
  fs.writeFileSync(path.join(dir, file), text);
  client.open(file, text);
  await client.waitFor(() => client.lines(file).length > 0, 10_000, 'diagnostics of the broken file');
  assert.ok(client.lines(file).some((l) => l.includes('yaml-syntax')));
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position: { line: 7, character: 18 } });
  assert.ok(list.items.some((i) => i.label === 'network'));
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(file) } });
  assert.equal(symbols[0]!.name, 'draft');
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position: { line: 6, character: 5 } });
  assert.match(JSON.stringify(hover), /Title/);
  // Saved mid-edit: the watcher reports the change; the open text still wins.
  client.watched([{ file, type: 2 }]);
  client.close(file);
  fs.rmSync(path.join(dir, file));
  client.watched([{ file, type: 3 }]);
  await client.waitFor(() => client.lines(file).length === 0, 10_000, 'cleared after deletion');
  await alive();
});

test('every edit state of a file typed character by character is answered', async () => {
  const file = 'projects/acme/incidents/INC-9.yaml';
  const target = 'kind: incident\nid: INC-9\nproject: acme\ntitle: Typed\npriority: P2\nopened: 2026-11-24T10:00:00+03:00\ntimeline:\n  - at: 2026-11-24T10:05:00+03:00\n    status: acknowledged\n';
  client.open(file, '');
  for (let i = 1; i <= target.length; i += 3) {
    const text = target.slice(0, i);
    client.change(file, text);
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
    assert.ok(Array.isArray(list.items));
  }
  const v = client.change(file, target);
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === v, 10_000, 'final version checked');
  assert.deepEqual(client.lines(file).filter((l) => / error /.test(l)), []);
  client.close(file);
});

test('a 50 000-line file does not freeze the server', async (t) => {
  const file = 'projects/acme/chains/huge.yaml';
  const text = longChain(7000).replace('id: big', 'id: huge').replace('project: customer-0', 'project: acme').replace(/assignee: tam\d+/g, 'assignee: anna');
  assert.ok(text.split('\n').length >= 49_000);
  fs.writeFileSync(path.join(dir, file), text);
  // A pause after typing long enough that the edits below are all with the analysis thread
  // before it starts re-reading the file (the machine may be slow).
  const PAUSE_MS = 500;
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { debounceMs: PAUSE_MS } } });
  client.open(file, text);
  // Type into it: broken YAML forces the slow parser on every check.
  let version = 0;
  for (let i = 0; i < 5; i++) version = client.edit(file, `title: Migration step ${i * 10}\n`, `title: [Migration step ${i * 10}\n`);
  // The analysis thread answers this at once: it holds the last edit, and the pause has begun.
  await client.request('textDocument/codeLens', { textDocument: { uri: client.uri('org/people.yaml') } });
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, PAUSE_MS + 150)); // past the pause: it is re-reading and checking the file now
  const t1 = performance.now();
  const [, hover] = await Promise.all([
    alive(),
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('projects/acme/chains/landscape.yaml') }, position: { line: 4, character: 3 } }),
  ]);
  const answered = performance.now();
  assert.match(JSON.stringify(hover), /Deadline/);
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === version, 60_000, 'the huge file checked');
  // In that order: the answers came while the check was still running, not after it.
  const checked = client.diagnostics.get(client.uri(file))!.at;
  assert.ok(answered < checked, `the answers came ${(answered - checked).toFixed(0)} ms after the huge file's diagnostics: they waited for its check`);
  t.diagnostic(`answers while a 50 000-line file is re-checked: ${(answered - t1).toFixed(0)} ms; its re-read and check took ${(checked - t0 - PAUSE_MS).toFixed(0)} ms`);
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { debounceMs: 60 } } });
  const huge = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(file) } });
  assert.equal(huge[0]!.children!.length, 7000);
  client.close(file);
  fs.rmSync(path.join(dir, file));
  client.watched([{ file, type: 3 }]);
});

test('a folder without tam.yaml: no diagnostics, no errors, answers still come', async () => {
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-bare-'));
  fs.writeFileSync(path.join(bare, 'notes.yaml'), 'kind: chain\nid: x\n');
  const other = await LspClient.start(bare);
  try {
    other.open('notes.yaml');
    const list = await other.request<CompletionList>('textDocument/completion', { textDocument: { uri: other.uri('notes.yaml') }, position: { line: 2, character: 0 } });
    assert.ok(list.items.some((i) => i.label === 'tasks'), 'schema keys still complete');
    const symbols = await other.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other.uri('notes.yaml') } });
    assert.equal(symbols[0]!.name, 'x');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(other.diagnostics.size, 0);
    assert.equal(other.notificationsOf('tam/indexed').length, 0);
  } finally {
    await other.stop();
    fs.rmSync(bare, { recursive: true, force: true });
  }
});
