// A real LSP client for the tests and the benchmark: starts the BUILT server (dist/server.js,
// run `node esbuild.mjs` first) over stdio, answers what a server asks of an editor
// (progress tokens, configuration, watcher registration), and collects what it publishes.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = path.resolve(__dirname, '..', '..');
/** The built server; TAM_LSP_SERVER points the tests and the benchmark at another build. */
export const SERVER = process.env.TAM_LSP_SERVER ?? path.join(REPO, 'dist', 'server.js');
export const FIXTURE = path.join(REPO, 'test', 'fixtures', 'lsp-workspace');
export const NOW = '2026-11-25T12:00:00+03:00';

export interface Published {
  version?: number;
  diagnostics: Diagnostic[];
  /** performance.now() when it arrived. */
  at: number;
}

export class LspClient {
  readonly connection: MessageConnection;
  /** The latest publishDiagnostics per URI. */
  readonly diagnostics = new Map<string, Published>();
  readonly progress: { token: unknown; value: any }[] = [];
  readonly logs: string[] = [];
  readonly registrations: unknown[] = [];
  /** What the server answered to `initialize`: its capabilities. */
  initializeResult: { capabilities: Record<string, any> } | undefined;
  /** Requests the server sent to this client (edits to apply, refreshes), in order. */
  readonly requests: { method: string; params: unknown }[] = [];
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private readonly notifications = new Map<string, unknown[]>();
  readonly stderr: string[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();

  private constructor(
    readonly child: ChildProcess,
    readonly root: string,
  ) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, { version: p.version, diagnostics: p.diagnostics, at: performance.now() });
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onNotification('$/progress', (p: { token: unknown; value: unknown }) => {
      this.progress.push(p);
      this.wake();
    });
    this.connection.onNotification((method: string, params: unknown) => {
      const list = this.notifications.get(method) ?? [];
      list.push(params);
      this.notifications.set(method, list);
      this.wake();
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', (p: unknown) => {
      this.registrations.push(p);
      return null;
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    // What a server may ask of an editor for the features it drives: edits to apply, views to refresh.
    this.connection.onRequest('workspace/applyEdit', (p: unknown) => {
      this.requests.push({ method: 'workspace/applyEdit', params: p });
      this.wake();
      return { applied: true };
    });
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      this.connection.onRequest(method, () => {
        this.requests.push({ method, params: undefined });
        this.wake();
        return null;
      });
    }
    this.connection.listen();
  }

  /** Starts the server on a folder and initializes it with the given options. */
  static async start(root: string, initializationOptions: Record<string, unknown> = { now: NOW }, extraArgs: string[] = [], capabilities: { workspace?: object; textDocument?: object; experimental?: object } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...extraArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, root);
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
      initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
          configuration: true,
          workspaceFolders: true,
          ...capabilities.workspace,
        },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          rename: { prepareSupport: true },
          ...capabilities.textDocument,
        },
        ...(capabilities.experimental ? { experimental: capabilities.experimental } : {}),
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  uri(file: string): string {
    return pathToFileURL(path.join(this.root, file)).href;
  }

  /** The workspace-relative path of a URI. */
  rel(uri: string): string {
    return path.relative(this.root, fileURLToPath(uri)).split(path.sep).join('/');
  }

  /** Resolves when the check returns true, re-testing whenever something arrives. */
  waitFor(check: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`timed out waiting for ${what}\nserver log:\n${this.logs.join('\n')}\n${this.stderr.join('')}`));
      }, timeoutMs);
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  notificationsOf(method: string): unknown[] {
    return this.notifications.get(method) ?? [];
  }

  /** Waits until the server says it has read the workspace and finished its first check. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await this.waitFor(() => this.notificationsOf('tam/indexed').length > 0, timeoutMs, 'tam/indexed');
    await this.waitFor(() => this.progress.some((p) => p.value?.kind === 'end'), timeoutMs, 'progress end');
  }

  /** Diagnostics of a file as "line:col severity code message" (1-based). */
  lines(file: string): string[] {
    return (this.diagnostics.get(this.uri(file))?.diagnostics ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 0]} ${d.code} ${d.message}`);
  }

  open(file: string, text = fs.readFileSync(path.join(this.root, file), 'utf8')): void {
    this.versions.set(file, 1);
    this.texts.set(file, text);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(file), languageId: 'yaml', version: 1, text } });
  }

  /** Replaces the whole text of an open document; returns the new version. */
  change(file: string, text: string): number {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    this.texts.set(file, text);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(file), version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit: replace `from` (first occurrence) by `to`. */
  edit(file: string, from: string, to: string): number {
    const text = this.texts.get(file)!;
    const i = text.indexOf(from);
    if (i < 0) throw new Error(`"${from}" not in ${file}`);
    const before = text.slice(0, i);
    const line = before.split('\n').length - 1;
    const character = i - (before.lastIndexOf('\n') + 1);
    const endText = before + from;
    const endLine = endText.split('\n').length - 1;
    const endCharacter = endText.length - (endText.lastIndexOf('\n') + 1);
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    this.texts.set(file, before + to + text.slice(i + from.length));
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri(file), version },
      contentChanges: [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: to }],
    });
    return version;
  }

  close(file: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(file) } });
  }

  version(file: string): number | undefined {
    return this.versions.get(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** The position of the n-th occurrence of a needle in an open file (plus an offset). */
  positionOf(file: string, needle: string, shift = 0, n = 1): { line: number; character: number } {
    const text = this.texts.get(file) ?? fs.readFileSync(path.join(this.root, file), 'utf8');
    let i = -1;
    for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not in ${file}`);
    const before = text.slice(0, i + shift);
    return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
  }

  watched(changes: { file: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: this.uri(c.file), type: c.type })) });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** A temporary copy of a folder (the fixture workspace by default). */
export function tempCopy(from = FIXTURE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-lsp-'));
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/**
 * For the tests of one file: starts the built server on a fresh copy of the fixture before
 * them, hands over the folder and the client, and stops the server and removes the copy after.
 */
export function serverForTests(started: (dir: string, client: LspClient) => void): void {
  let dir: string | undefined;
  let client: LspClient | undefined;
  before(async () => {
    dir = tempCopy();
    client = await LspClient.start(dir);
    await client.ready();
    started(dir, client);
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
}
