// The built server over stdio on a hostile workspace (test/helpers/hostile-workspace.ts): the
// diagnostics it publishes show control characters instead of carrying them (editors print
// messages as plain text), their quick fixes still match them, and hovers — Markdown — escape
// names and titles so they add no link, HTML, mention or formatting.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, Hover, InlayHint, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';
import { HOSTILE_FILES, HOSTILE_YAML, rawControls, SHOWN_START } from '../helpers/hostile-workspace';
import { LspClient } from './client';

let dir: string;
let client: LspClient;

before(async () => {
  dir = tempWorkspace(HOSTILE_FILES);
  client = await LspClient.start(dir);
  await client.ready();
});
after(async () => {
  await client?.stop();
  removeTemp(dir);
});

const BROKEN = 'projects/acme/chains/broken.yaml';
const CHAIN = 'projects/acme/chains/hostile.yaml';

function published(): Diagnostic[] {
  return [...client.diagnostics.values()].flatMap((p) => p.diagnostics);
}

test('published diagnostics: every message and related message shows its control characters', () => {
  const all = published();
  assert.ok(all.length >= 5);
  for (const d of all) {
    assert.deepEqual(rawControls(d.message), [], d.message);
    for (const r of d.relatedInformation ?? []) assert.deepEqual(rawControls(r.message), []);
  }
  assert.ok(all.some((d) => d.message.startsWith(`unknown department "${SHOWN_START}`)));
});

test('the quick fix of a diagnostic the editor sends back as it was shown', async () => {
  const diagnostic = client.diagnostics.get(client.uri(BROKEN))!.diagnostics.find((d) => d.message.startsWith('unknown department "net'))!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: client.uri(BROKEN) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  assert.deepEqual(
    actions.filter((a) => a.kind === 'quickfix').map((a) => a.title),
    ['Change to "evil"'],
  );
  assert.equal(actions[0]!.diagnostics![0]!.message, diagnostic.message);
});

async function hoverAt(file: string, needle: string, shift: number): Promise<string> {
  client.open(file);
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position: client.positionOf(file, needle, shift) });
  assert.ok(h, `a hover at ${needle}`);
  return (h.contents as MarkupContent).value;
}

for (const [what, file, needle, shift] of [
  ['a department with a hostile name', CHAIN, 'department: evil', 13],
  ['an incident with a hostile title', 'projects/acme/incidents/INC-1.yaml', 'id: INC-1', 5],
  ['a chain with a hostile title', CHAIN, 'id: hostile', 5],
  ['a task whose department has a hostile name', CHAIN, 'depends_on: [first', 13],
] as const) {
  test(`hover over ${what}: Markdown that shows the text and acts on nothing`, async () => {
    const md = await hoverAt(file, needle, shift);
    assert.deepEqual(rawControls(md), []);
    assert.match(md, /net\\\\u001b\\\[31mRED/, md);
    assert.match(md, /\\<script\\>/);
    assert.doesNotMatch(md, /(?<!\\)<script/);
    assert.doesNotMatch(md, /(?<!\\)\]\(https:\/\/evil/);
    assert.match(md, /@\u200bsomeone/);
    assert.match(md, /\\`tick\\`/);
    if (what.startsWith('a task')) assert.match(md, /- department: net\\\\u001b/, 'the department line, escaped too');
  });
}

test('outline, workspace symbols and completion details: names shown as plain text', async () => {
  // The outline reads the text as written: a raw override in the file, shown.
  client.open(BROKEN);
  const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri(BROKEN) } });
  const texts = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, s.detail ?? '', ...texts(s.children ?? [])]);
  const shown = texts(outline).join('\n');
  assert.deepEqual(rawControls(shown), []);
  assert.ok(shown.includes('chain · Broken \\u202ereferences'), shown);

  const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'evil' });
  const evil = symbols.find((s) => s.name === 'evil')!;
  assert.deepEqual(rawControls(evil.containerName!), []);
  assert.ok(evil.containerName!.includes(SHOWN_START));

  const items = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(CHAIN) }, position: client.positionOf(CHAIN, 'department: evil', 12) });
  const item = items.items.find((i) => i.label === 'evil')!;
  assert.deepEqual(rawControls(item.detail!), []);
  assert.ok(item.detail!.startsWith(SHOWN_START));
});

test('a refused rename quotes the new name with its control characters shown', async () => {
  client.open(CHAIN);
  const error = await client
    .request('textDocument/rename', { textDocument: { uri: client.uri(CHAIN) }, position: client.positionOf(CHAIN, 'id: hostile', 5), newName: 'x\u001b]0;pwned\u0007' })
    .then(
      () => undefined,
      (e: Error) => e.message,
    );
  assert.ok(error, 'the rename is refused');
  assert.deepEqual(rawControls(error), []);
  assert.match(error, /"x\\u001b\]0;pwned\\u0007" is not a valid chain id/);
});

test('inlay hints, code lenses, document links and the hover on a date: workspace text shown, never run', async () => {
  const calendars = 'org/calendars.yaml';
  client.open(calendars, `kind: calendar\nid: msk\ntimezone: Europe/Moscow\nworking_hours:\n  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }\nholidays: [{ date: 2026-11-04, name: "${HOSTILE_YAML}" }]\n`);
  const project = 'projects/acme/project.yaml';
  client.open(project, `${HOSTILE_FILES[project]}docs:\n  - { path: docs/red\u202e.md, reviewed: 2026-11-01 }\n`);
  // Both documents are in the index once their diagnostics are published.
  await client.waitFor(() => client.diagnostics.get(client.uri(calendars))?.version === 1 && client.diagnostics.get(client.uri(project))?.version === 1, 20_000, 'the open documents checked');
  // The hover names the holiday in escaped Markdown.
  const holiday = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri(calendars) }, position: client.positionOf(calendars, 'date: 2026-11-04', 8) });
  const md = (holiday.contents as MarkupContent).value;
  assert.deepEqual(rawControls(md), []);
  assert.match(md, /a holiday in this calendar: net\\\\u001b\\\[31mRED/, md);
  assert.match(md, /\\<script\\>/);
  // Lenses and hints of the chain and the incident, and the link to the document.
  const everything = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
  for (const file of [CHAIN, 'projects/acme/incidents/INC-1.yaml', project]) {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: client.uri(file) }, range: everything });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri(file) } });
    const shown = [...hints.flatMap((h) => [h.label as string, (h.tooltip as string | undefined) ?? '']), ...lenses.map((l) => l.command!.title)].join('\n');
    assert.ok(shown.length > 0, `hints or lenses of ${file}`);
    assert.deepEqual(rawControls(shown), [], file);
  }
  // Web addresses in the names are links to what they say, ending where the escapes begin; the
  // document's path is a file link whose tooltip shows its control characters.
  const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: client.uri(project) } });
  for (const link of links) assert.ok(link.target === 'https://evil.example' || link.target!.startsWith('file:'), link.target);
  const file = links.filter((l) => l.target!.startsWith('file:'));
  assert.equal(file.length, 1);
  assert.deepEqual(rawControls(file[0]!.tooltip!), []);
  assert.match(file[0]!.tooltip!, /^Open projects\/acme\/docs\/red\\u202e\.md/);
  client.close(calendars);
  client.close(project);
});
