// The extension's API in a real VS Code (run by test/vscode/run.ts through @vscode/test-electron):
// activation on a workspace with tam.yaml, the commands, the language server's diagnostics and
// completion, the tam/* requests behind the views, the panels and the status bar. The workspace
// is a copy of sample-workspace with one unknown department and `tam.now` set.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TamWorkbenchApi } from '../../../extension/src/main';
import { StatusRequest, TreeRequest, type StatusAnswer, type TreeAnswer } from '../../../server/src/protocol/tam-protocol';
import { eventually, test } from './runner';

const WORKSPACE = process.env.TAM_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const SEEDED = process.env.TAM_TEST_SEEDED ?? 'backup-tapes';
const CHAIN_FILE = path.join(WORKSPACE, 'projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml');

let api: TamWorkbenchApi;

test('activates on a workspace with tam.yaml and starts the server', async () => {
  const extension = vscode.extensions.getExtension<TamWorkbenchApi>('tam-workbench.tam-workbench');
  assert.ok(extension, 'the extension is installed');
  api = await extension.activate();
  await eventually('the language server', () => api.ctx.running);
});

test('contributes its commands', async () => {
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['tam.showChainGraph', 'tam.showSlaSummary', 'tam.validateWorkspace', 'tam.newProject', 'tam.newChain', 'tam.newIncident', 'tam.newPostmortem']) {
    assert.ok(commands.includes(id), `${id} is registered`);
  }
});

test('publishes the seeded error of a file nobody opened', async () => {
  const uri = vscode.Uri.file(CHAIN_FILE);
  const diagnostics = await eventually('the unknown-reference diagnostic', () => {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-reference');
    return found.length ? found : undefined;
  });
  assert.match(diagnostics[0]!.message, new RegExp(SEEDED));
  assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
  // Only the files the test opens are documents: the server read the rest from disk.
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === CHAIN_FILE));
});

test('completes department ids in a chain', async () => {
  const doc = await vscode.workspace.openTextDocument(CHAIN_FILE);
  await vscode.window.showTextDocument(doc);
  const line = doc.getText().split('\n').findIndex((l) => /^\s+department: unix$/.test(l));
  const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('unix'));
  const list = await eventually('completion items', async () => {
    const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    return result.items.length ? result : undefined;
  });
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  for (const id of ['network', 'vmware', 'unix', 'backup']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
});

test('the tree and the status bar agree with the SLA clocks at tam.now', async () => {
  const tree = await api.ctx.request<TreeAnswer>(TreeRequest, {});
  assert.equal(tree.workspaces.length, 1);
  assert.equal(tree.workspaces[0]!.projects.length, 5);
  const status = await api.ctx.request<StatusAnswer>(StatusRequest, {});
  assert.equal(status.openBreaches, tree.workspaces[0]!.openBreaches);
  assert.equal(status.openBreaches, 1);
  await eventually('the status bar', () => api.status.last?.openBreaches === 1);
});

test('the chain graph panel shows the chain of the active editor', async () => {
  await vscode.commands.executeCommand('tam.showChainGraph');
  const graph = await eventually('the graph', () => api.panels.chainGraph()?.currentGraph);
  assert.equal(graph.chainId, 'kedr-seller-portal-landscape');
  assert.equal(Object.keys(graph.nodes).length, 10);
  assert.match(graph.mermaid, /^flowchart LR/);
  assert.ok(graph.criticalPath.length > 0);
});

test('the SLA summary panel gets the report of tam sla', async () => {
  await vscode.commands.executeCommand('tam.showSlaSummary');
  const answer = await eventually('the SLA report', () => api.panels.slaSummary()?.currentAnswer);
  assert.equal(answer.report.totals.incidents, 45);
  assert.equal(answer.report.by, 'project');
  assert.ok(answer.report.breaches.length > 0);
});

test('validate workspace counts the seeded error', async () => {
  const answer = await vscode.commands.executeCommand<{ errors: number; files: number }>('tam.validateWorkspace');
  assert.ok(answer && answer.errors >= 1 && answer.files > 50, JSON.stringify(answer));
});
