// The main thread of the language server: the LSP connection and nothing heavy. It keeps the
// open documents, forwards them and every request to the analysis thread, relays diagnostics
// and progress back, and answers completion, hover and the outline from the text alone when
// the analysis thread is busy (a 50 000-line file being re-checked) or away.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../../package.json';
import { TextModel } from '../service/text-model';
import { onCompletion } from './completion';
import type { FeatureContext } from './context';
import { onDocumentSymbol } from './document-symbols';
import { onHover } from './hover';
import { heapStats } from './stats';
import { INDEXED_NOTIFICATION, STATS_REQUEST, type ClientFeatures, type FromWorker, type ToWorker } from './protocol';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { registerTamRequests } from './tam-requests';
import { WorkerClient } from './worker-client';

/** How long a request with a text-only answer waits for the analysis thread. */
const PATIENCE_MS = 250;

const EMPTY: Record<string, unknown> = {
  'textDocument/completion': { isIncomplete: false, items: [] },
  'textDocument/hover': null,
  'textDocument/definition': [],
  'textDocument/references': [],
  'textDocument/prepareRename': null,
  'textDocument/rename': null,
  'textDocument/documentSymbol': [],
  'workspace/symbol': [],
  'textDocument/codeAction': [],
  'textDocument/codeLens': [],
};

export function startServer(script: string): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let initOptions: unknown;
  let settings: Settings = DEFAULT_SETTINGS;
  let client: ClientFeatures = { snippets: false, createFiles: false, documentChanges: false, hierarchicalSymbols: false };
  let folders: string[] = [];
  const progress = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();

  const log = (level: 'error' | 'warn' | 'info' | 'log', message: string): void => {
    try {
      connection.console[level](message);
    } catch {
      // the connection is gone; nothing to tell
    }
  };

  const onWorkerMessage = (m: FromWorker): void => {
    switch (m.type) {
      case 'diagnostics':
        void connection.sendDiagnostics({ uri: m.uri, version: m.version, diagnostics: m.diagnostics });
        break;
      case 'log':
        log(m.level, m.message);
        break;
      case 'indexed':
        void connection.sendNotification(INDEXED_NOTIFICATION, { root: m.root, files: m.files, entities: m.entities, ms: m.ms });
        log('info', `indexed ${m.root}: ${m.files} files, ${m.entities} entities in ${m.ms} ms`);
        break;
      case 'progress':
        reportProgress(m);
        break;
    }
  };

  const reportProgress = (m: Extract<FromWorker, { type: 'progress' }>): void => {
    if (!capabilities.window?.workDoneProgress) return;
    if (m.kind === 'begin') {
      const created = connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('Indexing TAM workspace', 0, m.message, false);
          return reporter;
        },
        () => undefined,
      );
      progress.set(m.root, created);
      return;
    }
    const reporter = progress.get(m.root);
    if (!reporter) return;
    void reporter.then((r) => {
      if (!r) return;
      if (m.kind === 'report') r.report(m.percentage ?? 0, m.message ?? '');
      else {
        r.done();
        progress.delete(m.root);
      }
    });
  };

  const replay = (): ToWorker[] => [
    { type: 'init', settings, client, roots: folders },
    ...documents.all().map((d): ToWorker => ({ type: 'open', uri: d.uri, version: d.version, text: d.getText() })),
  ];
  const worker = new WorkerClient(script, onWorkerMessage, replay, (message) => log('log', message));

  // A text-only context for answers the main thread gives itself.
  const models = new Map<string, TextModel>();
  const textOnly: FeatureContext = {
    document(uri) {
      const doc = documents.get(uri);
      if (!doc) {
        const text = readIfFile(uri);
        return text === undefined ? undefined : { model: new TextModel(uri, text) };
      }
      let model = models.get(uri);
      if (!model || model.version !== doc.version) {
        model = new TextModel(uri, doc.getText(), doc.version);
        models.set(uri, model);
      }
      return { model };
    },
    projects: () => [],
    now: () => settings.now ?? Date.now(),
    get client() {
      return client;
    },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    initOptions = params.initializationOptions;
    settings = readSettings(DEFAULT_SETTINGS, initOptions);
    client = {
      snippets: !!capabilities.textDocument?.completion?.completionItem?.snippetSupport,
      documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges,
      createFiles: !!capabilities.workspace?.workspaceEdit?.documentChanges && !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      hierarchicalSymbols: !!capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    };
    try {
      folders = foldersOf(params);
    } catch (e) {
      log('error', `unreadable workspace folders: ${String(e)}`);
      folders = [];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '/'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'TAM' },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'tam-language-server', version: pkg.version },
    };
  });

  connection.onInitialized(() => {
    void (async () => {
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => onFoldersChanged(e));
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        try {
          // YAML files, and folders created or deleted (a deleted folder is one event, not one per file).
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }],
          });
        } catch (e) {
          log('warn', `cannot watch files: ${String(e)}`);
        }
      }
      const configured = await fetchConfiguration();
      if (configured !== undefined) settings = readSettings(readSettings(DEFAULT_SETTINGS, initOptions), configured);
      worker.start();
      for (const m of replay()) worker.post(m);
    })().catch((e) => log('error', `starting failed: ${String(e)}`));
  });

  const fetchConfiguration = async (): Promise<unknown> => {
    if (!capabilities.workspace?.configuration) return undefined;
    try {
      return await connection.workspace.getConfiguration('tam');
    } catch {
      return undefined;
    }
  };

  connection.onDidChangeConfiguration((params) => {
    void (async () => {
      const pushed = (params?.settings as { tam?: unknown } | undefined)?.tam;
      const configured = pushed ?? (await fetchConfiguration());
      settings = readSettings(readSettings(DEFAULT_SETTINGS, initOptions), configured);
      worker.post({ type: 'settings', settings });
    })().catch((e) => log('error', `configuration: ${String(e)}`));
  });

  const onFoldersChanged = (event: { added?: { uri: string }[]; removed?: { uri: string }[] }): void => {
    const add = (event.added ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const remove = (event.removed ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    folders = [...folders.filter((f) => !remove.includes(f)), ...add];
    worker.post({ type: 'roots', add, remove });
  };

  connection.onDidChangeWatchedFiles((params) => {
    const changes = (params.changes ?? []).filter((c) => typeof c.uri === 'string' && [1, 2, 3].includes(c.type)).map((c) => ({ uri: c.uri, type: c.type as 1 | 2 | 3 }));
    if (changes.length) worker.post({ type: 'watched', changes });
  });

  documents.onDidOpen((e) => worker.post({ type: 'open', uri: e.document.uri, version: e.document.version, text: e.document.getText() }));
  documents.onDidChangeContent((e) => worker.post({ type: 'change', uri: e.document.uri, version: e.document.version, text: e.document.getText() }));
  documents.onDidClose((e) => {
    models.delete(e.document.uri);
    worker.post({ type: 'close', uri: e.document.uri });
    // Diagnostics of a file outside every root would linger otherwise; inside one, the
    // analysis thread republishes what the file on disk has.
  });

  /** Forwards a request; `local` answers it from the text when the analysis thread is slow. */
  const forward = (method: string, local?: (ctx: FeatureContext, params: any) => unknown) => {
    return async (params: unknown): Promise<any> => {
      try {
        const answer = await worker.request(method, params, local ? PATIENCE_MS : undefined);
        if (answer.late) return local ? local(textOnly, params) : EMPTY[method];
        if (answer.error !== undefined) {
          if (answer.failure) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.error);
          log('error', `${method}: ${answer.error}`);
          return local ? local(textOnly, params) : EMPTY[method];
        }
        return answer.result;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log('error', `${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return EMPTY[method];
      }
    };
  };

  connection.onCompletion(forward('textDocument/completion', onCompletion));
  connection.onHover(forward('textDocument/hover', onHover));
  connection.onDefinition(forward('textDocument/definition'));
  connection.onReferences(forward('textDocument/references'));
  connection.onPrepareRename(forward('textDocument/prepareRename'));
  connection.onRenameRequest(forward('textDocument/rename'));
  connection.onDocumentSymbol(forward('textDocument/documentSymbol', onDocumentSymbol));
  connection.onWorkspaceSymbol(forward('workspace/symbol'));
  connection.onCodeAction(forward('textDocument/codeAction'));
  connection.onCodeLens(forward('textDocument/codeLens'));
  connection.onRequest(STATS_REQUEST, async () => {
    const analysis = (await worker.request(STATS_REQUEST, {}, 2000)).result as object | undefined;
    return { main: heapStats(), ...analysis };
  });
  // The tam/* requests of the extension (chain graph, SLA summary, tree…): answered by the analysis thread.
  registerTamRequests(connection, (method) => forward(method));
  connection.onRequest((method) => {
    throw new ResponseError(ErrorCodes.MethodNotFound, `tam-language-server does not handle ${method}`);
  });

  connection.onShutdown(async () => {
    await worker.stop();
  });

  // A defect anywhere must not take the server down: it is logged, and the server answers on.
  process.on('uncaughtException', (e) => log('error', `uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => log('error', `unhandled: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

  documents.listen(connection);
  connection.listen();
  return connection;
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  const out = uris.map(pathOf).filter((p): p is string => !!p);
  if (!out.length && params.rootPath) out.push(path.resolve(params.rootPath));
  return out;
}

/** The text of a file: URI not open in the editor (small files only; this is the main thread). */
function readIfFile(uri: string): string | undefined {
  const p = pathOf(uri);
  if (!p) return undefined;
  try {
    if (fs.statSync(p).size > 2 * 1024 * 1024) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri?.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
