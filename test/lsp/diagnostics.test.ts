// The built server over stdio: diagnostics as `tam validate` reports them, kept current after
// edits (of the file and of the files it depends on), file creation and deletion.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LspClient, NOW, REPO, serverForTests } from './client';

let dir: string;
let client: LspClient;

serverForTests((d, c) => {
  dir = d;
  client = c;
});

test('on initialize: progress, the index notification and a watcher registered for YAML files', () => {
  const kinds = client.progress.map((p) => p.value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds[kinds.length - 1], 'end');
  assert.deepEqual(client.notificationsOf('tam/indexed').map((n: any) => [n.root, n.entities]), [[dir, 14]]);
  assert.match(JSON.stringify(client.registrations), /workspace\/didChangeWatchedFiles.*\*\*\/\*\.\{yaml,yml\}/);
});

test('diagnostics identical to tam validate: content, ranges, severity, code', () => {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(REPO, 'dist', 'tam.js'), 'validate', dir, '--format', 'json', '--now', NOW], { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1: there are errors
  }
  const cli = (JSON.parse(out).diagnostics as any[]).map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`).sort();
  const lsp: string[] = [];
  for (const [uri, p] of client.diagnostics) {
    const file = path.relative(dir, new URL(uri).pathname).split(path.sep).join('/');
    for (const d of p.diagnostics) {
      lsp.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${['', 'error', 'warning', 'info'][d.severity!]} ${d.code} ${d.message}`);
    }
  }
  assert.ok(cli.length >= 5);
  assert.deepEqual(lsp.sort(), cli);
});

test('each diagnostic links to its rule and carries related locations and source "tam"', () => {
  const breach = client.diagnostics.get(client.uri('projects/acme/incidents/INC-1.yaml'))!.diagnostics.find((d) => d.code === 'sla-breach')!;
  assert.equal(breach.source, 'tam');
  assert.match(breach.codeDescription!.href, /\/docs\/rules\/sla-breach\.md$/);
  assert.deepEqual(breach.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [[client.uri('org/sla-policies.yaml'), 5, 'resolution target']]);
});

test('an edit is checked and published with the document version', async () => {
  const file = 'projects/acme/incidents/INC-2.yaml';
  client.open(file);
  const version = client.edit(file, 'department: netwrok', 'department: network');
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === version, 10_000, 'the edited version');
  assert.deepEqual(client.lines(file), ['6:9 error schema opened must be a timestamp with an offset, like 2026-11-03T09:12:00+03:00; "2026-11-24T10:00:00" has no offset']);
  const v2 = client.edit(file, 'department: network', 'department: netwrk');
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === v2, 10_000, 'the second version');
  assert.match(client.lines(file).join('\n'), /unknown department "netwrk"; did you mean "network"\?/);
  client.close(file);
});

test('an edit followed at once by a request that reads the latest text is still checked and published', async () => {
  // Go to definition (like references, rename and the tam/* requests) applies the edits still
  // waiting for their pause; the edited file must still be checked afterwards.
  const file = 'projects/acme/incidents/INC-2.yaml';
  client.open(file);
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === 1, 10_000, 'the opened version');
  const version = client.edit(file, 'department: netwrok', 'department: netwrk');
  await client.request('textDocument/definition', { textDocument: { uri: client.uri('org/people.yaml') }, position: { line: 1, character: 5 } });
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === version, 10_000, 'the edited version');
  assert.match(client.lines(file).join('\n'), /unknown department "netwrk"; did you mean "network"\?/);
  client.close(file);
});

test('renaming a department re-checks and republishes the files that name it; renaming it back clears them', async () => {
  const file = 'org/departments.yaml';
  client.open(file);
  client.edit(file, 'id: network', 'id: net');
  const chain = client.uri('projects/acme/chains/landscape.yaml');
  const names = (f: string) => client.lines(f).some((l) => l.includes('unknown department "network"'));
  await client.waitFor(() => names('projects/acme/chains/landscape.yaml') && names('projects/acme/incidents/INC-1.yaml') && names('projects/acme/project.yaml'), 10_000, 'dependents republished');
  assert.ok(client.diagnostics.get(chain)!.version === undefined, 'a file not open has no version');
  client.edit(file, 'id: net', 'id: network');
  await client.waitFor(() => !client.lines('projects/acme/project.yaml').length, 10_000, 'project cleared');
  assert.ok(!client.lines('projects/acme/chains/landscape.yaml').some((l) => l.includes('unknown department')));
  client.close(file);
});

test('a task removed from one chain shows up in the chain that depends on it', async () => {
  const file = 'projects/acme/chains/approvals.yaml';
  client.open(file);
  client.edit(file, 'id: sign,', 'id: signed,');
  await client.waitFor(() => client.lines('projects/acme/chains/landscape.yaml').some((l) => l.includes('depends on task "sign", which chain "approvals" does not have')), 10_000, 'dependent chain');
  client.edit(file, 'id: signed,', 'id: sign,');
  await client.waitFor(() => !client.lines('projects/acme/chains/landscape.yaml').some((l) => l.includes('unknown-reference')), 10_000, 'dependent chain cleared');
  client.close(file);
});

test('a file deleted on disk leaves the index: its diagnostics are cleared and its dependents re-checked', async () => {
  fs.rmSync(path.join(dir, 'projects/acme/chains/approvals.yaml'));
  client.watched([{ file: 'projects/acme/chains/approvals.yaml', type: 3 }]);
  await client.waitFor(() => client.lines('projects/acme/chains/landscape.yaml').some((l) => l.includes('but there is no chain "approvals"')), 10_000, 'dependent re-checked');
  // Put it back.
  fs.writeFileSync(path.join(dir, 'projects/acme/chains/approvals.yaml'), fs.readFileSync(path.join(REPO, 'test/fixtures/lsp-workspace/projects/acme/chains/approvals.yaml')));
  client.watched([{ file: 'projects/acme/chains/approvals.yaml', type: 1 }]);
  await client.waitFor(() => !client.lines('projects/acme/chains/landscape.yaml').some((l) => l.includes('unknown-reference')), 10_000, 'restored');
});

test('a deleted file with diagnostics gets them cleared', async () => {
  const file = 'projects/acme/proposals/cdn.yaml';
  assert.equal(client.lines(file).length, 1);
  fs.rmSync(path.join(dir, file));
  client.watched([{ file, type: 3 }]);
  await client.waitFor(() => client.lines(file).length === 0, 10_000, 'cleared');
});

test('a file created on disk is read and checked without being opened', async () => {
  const file = 'projects/acme/incidents/INC-3.yaml';
  fs.writeFileSync(path.join(dir, file), 'kind: incident\nid: INC-3\nproject: acme\ntitle: New\npriority: P9\nopened: 2026-11-24T10:00:00+03:00\ntimeline: []\n');
  client.watched([{ file, type: 1 }]);
  await client.waitFor(() => client.lines(file).length > 0, 10_000, 'created file checked');
  assert.match(client.lines(file)[0]!, /priority must be one of P1, P2, P3, P4, not "P9"/);
});

test('a deleted folder takes its files out of the index; created again, they come back', async () => {
  const folder = 'projects/acme/incidents';
  const saved = fs.mkdtempSync(path.join(dir, '..', 'saved-'));
  fs.cpSync(path.join(dir, folder), saved, { recursive: true });
  fs.rmSync(path.join(dir, folder), { recursive: true });
  client.watched([{ file: folder, type: 3 }]);
  await client.waitFor(() => client.lines('projects/acme/incidents/INC-1.yaml').length === 0 && client.lines('projects/acme/incidents/INC-2.yaml').length === 0, 10_000, 'incidents cleared');
  fs.cpSync(saved, path.join(dir, folder), { recursive: true });
  client.watched([{ file: folder, type: 1 }]);
  await client.waitFor(() => client.lines('projects/acme/incidents/INC-2.yaml').length === 2, 10_000, 'incidents back');
  fs.rmSync(saved, { recursive: true, force: true });
});

test('edits to a file that is not YAML of the workspace (a CI workflow) produce no diagnostics', async () => {
  const file = '.github/workflows/ci.yaml';
  client.open(file);
  const v = client.edit(file, 'name: CI', 'name: CI\nkind: nonsense');
  await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === v, 10_000, 'published');
  assert.deepEqual(client.lines(file), []);
  client.close(file);
});

test('tam.yaml `ignore:` changed: the workspace is read again without the ignored files', async () => {
  client.open('tam.yaml');
  client.edit('tam.yaml', 'default_sla_policy: standard\n', 'default_sla_policy: standard\nignore: ["projects/acme/incidents/**"]\n');
  await client.waitFor(() => client.lines('projects/acme/incidents/INC-2.yaml').length === 0, 15_000, 'ignored incidents cleared');
  client.edit('tam.yaml', 'default_sla_policy: standard\nignore: ["projects/acme/incidents/**"]\n', 'default_sla_policy: standard\n');
  await client.waitFor(() => client.lines('projects/acme/incidents/INC-2.yaml').length === 2, 15_000, 'incidents back');
  client.close('tam.yaml');
});
