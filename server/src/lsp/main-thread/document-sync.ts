// What the editor tells of its files, passed on to the analysis thread: documents opened,
// changed (the whole new text travels) and closed; files and folders changed on disk; workspace
// folders added or removed.

import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkerClient } from '../worker-client';
import { pathOf } from './paths';
import type { Session } from './session';
import type { TextOnly } from './text-only';

export function registerDocumentSync(connection: Connection, documents: TextDocuments<TextDocument>, worker: WorkerClient, textOnly: TextOnly): void {
  connection.onDidChangeWatchedFiles((params) => {
    const changes = (params.changes ?? []).filter((c) => typeof c.uri === 'string' && [1, 2, 3].includes(c.type)).map((c) => ({ uri: c.uri, type: c.type as 1 | 2 | 3 }));
    if (changes.length) worker.post({ type: 'watched', changes });
  });

  documents.onDidOpen((e) => worker.post({ type: 'open', uri: e.document.uri, version: e.document.version, text: e.document.getText() }));
  documents.onDidChangeContent((e) => worker.post({ type: 'change', uri: e.document.uri, version: e.document.version, text: e.document.getText() }));
  documents.onDidClose((e) => {
    textOnly.forget(e.document.uri);
    worker.post({ type: 'close', uri: e.document.uri });
    // Diagnostics of a file outside every root would linger otherwise; inside one, the
    // analysis thread republishes what the file on disk has.
  });
}

/** Workspace folders added or removed in the editor. */
export function foldersChanged(session: Session, worker: WorkerClient, event: { added?: { uri: string }[]; removed?: { uri: string }[] }): void {
  const add = (event.added ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
  const remove = (event.removed ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
  session.folders = [...session.folders.filter((f) => !remove.includes(f)), ...add];
  worker.post({ type: 'roots', add, remove });
}
