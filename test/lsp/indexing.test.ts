// While the server reads and checks a large workspace for the first time, the editor is not
// left waiting: it shows progress, completion and hover in an open file are answered, and an
// edit typed meanwhile is what the diagnostics end up describing. (How fast is `npm run bench`'s
// business: there, 100 000 incidents.)

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { generateWorkspace } from '../../bench/generate';
import { LspClient } from './client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-lsp-indexing-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('during the first index: progress, answers in the open file, and an edit that is not lost', async () => {
  generateWorkspace(dir, { incidents: 3000, chains: 60, longChainTasks: 50, seed: 7 });
  const incidents = path.join(dir, 'projects/customer-1/incidents');
  const file = `projects/customer-1/incidents/${fs.readdirSync(incidents).sort()[0]}`;
  const client = await LspClient.start(dir);
  try {
    // The file is open and edited at once, long before the workspace is read.
    client.open(file);
    const version = client.edit(file, /department: [a-z-]+/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))![0], 'department: netwrk');
    const answers: string[] = [];
    let indexing = true;
    const asking = (async () => {
      while (indexing) {
        const position = client.positionOf(file, 'priority: ', 'priority: '.length);
        const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position });
        answers.push(`${list.items.map((i) => i.label).join(',')} ${hover ? 'hover' : 'no hover'}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await client.ready(120_000);
    indexing = false;
    await asking;

    // Progress: begun, reported as files were read, ended.
    const kinds = client.progress.map((p) => p.value?.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.filter((k) => k === 'report').length >= 2, kinds.join(' '));
    assert.equal(kinds[kinds.length - 1], 'end');
    // Completion and hover were answered while the server worked, with the priorities.
    assert.ok(answers.length >= 1);
    assert.ok(answers.every((a) => a.startsWith('P1,P2,P3,P4')), answers.join('\n'));
    // The diagnostics describe the edited text, at its version.
    await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === version, 30_000, 'diagnostics of the edit');
    const messages = client.diagnostics.get(client.uri(file))!.diagnostics.map((d) => d.message);
    assert.ok(messages.some((m) => /unknown department "netwrk"/.test(m)), messages.join('\n'));
  } finally {
    await client.stop();
  }
});
