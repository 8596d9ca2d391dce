// The Red Hat yaml-language-server on the same 2 000-line chain file, configured with our
// chain schema, measured the way bench/lsp.bench.ts measures our server: edit → diagnostics
// (its fixed 200 ms validation delay subtracted, as our debounce is), completion, RSS.
// Prints one JSON line for bench/run.ts. Run: node --import tsx bench/yamlls.bench.ts

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { longChain } from './generate';

const VALIDATION_DELAY_MS = 200; // yamlSettings.validationDelayMs of yaml-language-server 1.x
const EDITS = 60;
const COMPLETIONS = 100;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-yamlls-'));
  const file = path.join(dir, 'big.yaml');
  let text = longChain(290);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const schema = pathToFileURL(path.join(__dirname, '../schemas/chain.schema.json')).href;
  const settings = { yaml: { validate: true, completion: true, hover: true, schemas: { [schema]: '*.yaml' }, schemaStore: { enable: false } } };

  const bin = require.resolve('yaml-language-server/bin/yaml-language-server');
  const child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: { version?: number; at: number }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri === uri) published.push({ version: p.version, at: performance.now() });
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'yaml' ? settings.yaml : i.section ? undefined : settings)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: {} } },
      initializationOptions: {},
    });
    connection.sendNotification('initialized', {});
    connection.sendNotification('workspace/didChangeConfiguration', { settings });
    let version = 1;
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const waitFor = async (count: number): Promise<number> => {
      const until = Date.now() + 30_000;
      while (published.length < count) {
        if (Date.now() > until) throw new Error('yaml-language-server sent no diagnostics');
        await new Promise((r) => setTimeout(r, 1));
      }
      return published[count - 1]!.at;
    };
    await waitFor(1);

    const edits: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const [from, to] = i % 2 ? ['department: netwrk\n', 'department: network\n'] : ['department: network\n', 'department: netwrk\n'];
      text = text.replace(from, to);
      const count = published.length + 1;
      const sent = performance.now();
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      edits.push((await waitFor(count)) - sent - VALIDATION_DELAY_MS);
    }

    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('    department: '));
    const completions: number[] = [];
    for (let i = 0; i < COMPLETIONS; i++) {
      const t = performance.now();
      await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: '    department: '.length } });
      completions.push(performance.now() - t);
    }
    console.log(
      JSON.stringify({
        lines: lines.length,
        editP50: percentile(edits, 50),
        editP95: percentile(edits, 95),
        completionP50: percentile(completions, 50),
        completionP95: percentile(completions, 95),
        rssMb: rssMb(child.pid!),
        delayMs: VALIDATION_DELAY_MS,
      }),
    );
  } finally {
    connection.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
