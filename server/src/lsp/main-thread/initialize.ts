// The start and the end of a session with the editor. `initialize`: what the editor can do
// (kept in the session) and what the server offers (its capabilities). `initialized`: watchers
// for YAML files and folders, the `tam` configuration, then the analysis thread starts and is
// told everything. `shutdown`: the analysis thread stops.

import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import pkg from '../../../../package.json';
import { CLIENT_COMMANDS_CAPABILITY, CreatePostmortemCommand } from '../../protocol/tam-protocol';
import type { ClientFeatures } from '../protocol';
import { DEFAULT_SETTINGS, readSettings } from '../settings';
import type { WorkerClient } from '../worker-client';
import { fetchConfiguration, settingsFrom } from './configuration';
import { foldersChanged } from './document-sync';
import { pathOf } from './paths';
import type { Session } from './session';

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  completionProvider: { triggerCharacters: [':', ' ', '[', ',', '/'], resolveProvider: false },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'TAM' },
  workspaceSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
  codeLensProvider: { resolveProvider: false },
  inlayHintProvider: { resolveProvider: false },
  documentLinkProvider: { resolveProvider: false },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/**
 * What the server offers this editor: everything above, and the commands it can run for it —
 * creating a postmortem needs an editor that applies workspace edits that create files, and is
 * not advertised to one that cannot.
 */
function capabilitiesFor(client: ClientFeatures): ServerCapabilities {
  const commands = client.serverCommands ?? [];
  return commands.length ? { ...CAPABILITIES, executeCommandProvider: { commands } } : CAPABILITIES;
}

/** Commands the editor runs itself, as the TAM extension declares them (`experimental.tamCommands`). */
function clientCommands(capabilities: ClientCapabilities): string[] {
  const declared = (capabilities.experimental as Record<string, unknown> | undefined)?.[CLIENT_COMMANDS_CAPABILITY];
  return Array.isArray(declared) ? declared.filter((c): c is string => typeof c === 'string') : [];
}

export function registerLifecycle(connection: Connection, session: Session, worker: WorkerClient): void {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities ?? {};
    session.capabilities = capabilities;
    session.initOptions = params.initializationOptions;
    session.settings = readSettings(DEFAULT_SETTINGS, session.initOptions);
    session.client = {
      snippets: !!capabilities.textDocument?.completion?.completionItem?.snippetSupport,
      documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges,
      createFiles: !!capabilities.workspace?.workspaceEdit?.documentChanges && !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      hierarchicalSymbols: !!capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
      commands: clientCommands(capabilities),
    };
    const createFiles = session.client.createFiles;
    session.client.serverCommands = capabilities.workspace?.applyEdit && createFiles ? [CreatePostmortemCommand] : [];
    try {
      session.folders = foldersOf(params);
    } catch (e) {
      session.log('error', `unreadable workspace folders: ${String(e)}`);
      session.folders = [];
    }
    return { capabilities: capabilitiesFor(session.client), serverInfo: { name: 'tam-language-server', version: pkg.version } };
  });

  connection.onInitialized(() => {
    void (async () => {
      const capabilities = session.capabilities;
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => foldersChanged(session, worker, e));
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        try {
          // YAML files, and folders created or deleted (a deleted folder is one event, not one per file).
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }],
          });
        } catch (e) {
          session.log('warn', `cannot watch files: ${String(e)}`);
        }
      }
      const configured = await fetchConfiguration(connection, session);
      if (configured !== undefined) session.settings = settingsFrom(session, configured);
      worker.start();
      for (const m of session.replay()) worker.post(m);
    })().catch((e) => session.log('error', `starting failed: ${String(e)}`));
  });

  connection.onShutdown(async () => {
    await worker.stop();
  });
}

/** The workspace folders of `initialize`, as absolute paths (older editors give only a root). */
function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  const out = uris.map(pathOf).filter((p): p is string => !!p);
  if (!out.length && params.rootPath) out.push(path.resolve(params.rootPath));
  return out;
}
