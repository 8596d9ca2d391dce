// Messages between the server's two threads. The main thread speaks LSP with the editor and
// never does heavy work; the analysis thread owns the workspace index, checks files and
// answers requests. Documents travel as whole texts (a structured clone of a string is a
// copy, cheap next to parsing it).

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Settings } from './settings';

/** What the analysis thread needs to know about the editor. */
export interface ClientFeatures {
  snippets: boolean;
  /** WorkspaceEdit.documentChanges with create operations (for "create the postmortem"). */
  createFiles: boolean;
  documentChanges: boolean;
  hierarchicalSymbols: boolean;
  /**
   * Commands the editor runs itself (the TAM extension declares them as the experimental
   * client capability `tamCommands`): code lenses use them; without them a lens informs only.
   */
  commands?: string[];
  /** Commands this server runs for the editor (workspace/executeCommand), as it advertised them. */
  serverCommands?: string[];
}

export type ToWorker =
  | { type: 'init'; settings: Settings; client: ClientFeatures; roots: string[] }
  | { type: 'roots'; add: string[]; remove: string[] }
  | { type: 'open'; uri: string; version: number; text: string }
  | { type: 'change'; uri: string; version: number; text: string }
  | { type: 'close'; uri: string }
  | { type: 'watched'; changes: { uri: string; type: 1 | 2 | 3 }[] }
  | { type: 'settings'; settings: Settings }
  | { type: 'request'; id: number; method: string; params: unknown };

export type FromWorker =
  | { type: 'response'; id: number; result?: unknown; error?: string; failure?: boolean }
  | { type: 'diagnostics'; uri: string; version?: number; diagnostics: LspDiagnostic[] }
  | { type: 'progress'; root: string; kind: 'begin' | 'report' | 'end'; message?: string; percentage?: number }
  | { type: 'indexed'; root: string; files: number; entities: number; ms: number }
  | { type: 'log'; level: 'error' | 'warn' | 'info' | 'log'; message: string };

/** Custom notification sent when a workspace root has been read: `{ root, files, entities, ms }`. */
export const INDEXED_NOTIFICATION = 'tam/indexed';

/** Request for the server's own figures (heap of each thread, index size): `tam/serverStats`. */
export const STATS_REQUEST = 'tam/serverStats';
