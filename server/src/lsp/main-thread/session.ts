// What the main thread knows of the editor it serves: the capabilities it announced, the
// settings (initializationOptions, then the `tam` configuration section), the workspace folders,
// and the messages that bring a fresh analysis thread up to date with all of it.

import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFeatures, ToWorker } from '../protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

export type LogLevel = 'error' | 'warn' | 'info' | 'log';

export class Session {
  capabilities: ClientCapabilities = {};
  initOptions: unknown;
  settings: Settings = DEFAULT_SETTINGS;
  client: ClientFeatures = { snippets: false, createFiles: false, documentChanges: false, hierarchicalSymbols: false };
  /** Absolute paths of the workspace folders. */
  folders: string[] = [];
  /** Roots whose files the analysis thread is reading and checking (from progress begin to end). */
  readonly indexing = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Writes to the editor's log; a connection already gone is not an error. */
  log(level: LogLevel, message: string): void {
    try {
      this.connection.console[level](message);
    } catch {
      // the connection is gone; nothing to tell
    }
  }

  /** What a freshly started analysis thread must be told: the settings, the folders, the open documents. */
  replay(): ToWorker[] {
    return [
      { type: 'init', settings: this.settings, client: this.client, roots: this.folders },
      ...this.documents.all().map((d): ToWorker => ({ type: 'open', uri: d.uri, version: d.version, text: d.getText() })),
    ];
  }
}
