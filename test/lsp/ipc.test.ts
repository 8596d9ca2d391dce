// The built server started as VS Code starts it: `--node-ipc`, messages over the Node IPC
// channel instead of stdio.

import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { NOW, SERVER, tempCopy } from './client';

test('--node-ipc: initialize, diagnostics, a request, shutdown', async () => {
  const dir = tempCopy();
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published = new Map<string, PublishDiagnosticsParams>();
  let resolveIndexed: () => void;
  const indexed = new Promise<void>((r) => (resolveIndexed = r));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.set(p.uri, p));
  connection.onNotification('tam/indexed', () => resolveIndexed());
  connection.listen();
  try {
    const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { now: NOW } });
    assert.equal((init as { serverInfo: { name: string } }).serverInfo.name, 'tam-language-server');
    await connection.sendNotification('initialized', {});
    await indexed;
    const uri = pathToFileURL(`${dir}/projects/acme/incidents/INC-2.yaml`).href;
    for (let i = 0; i < 100 && !published.has(uri); i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(published.get(uri)?.diagnostics.length, 2);
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal((symbols as { name: string }[])[0]?.name, 'INC-2');
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    assert.equal(code, 0);
  } finally {
    connection.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
