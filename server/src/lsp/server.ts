// The main thread of the language server: the LSP connection and nothing heavy. It keeps the
// open documents, forwards them and every request to the analysis thread, relays diagnostics
// and progress back, and answers completion, hover and the outline from the text alone when
// the analysis thread is busy (a 50 000-line file being re-checked) or away. Each of these is
// a module of main-thread/; this file only wires them to one connection.

import { createConnection, ProposedFeatures, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerConfiguration } from './main-thread/configuration';
import { registerDocumentSync } from './main-thread/document-sync';
import { registerRequests } from './main-thread/forward';
import { registerLifecycle } from './main-thread/initialize';
import { ViewRefresh } from './main-thread/refresh';
import { relayToEditor } from './main-thread/relay';
import { Session } from './main-thread/session';
import { textOnlyContext } from './main-thread/text-only';
import { WorkerClient } from './worker-client';

export function startServer(script: string): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const session = new Session(connection, documents);
  const refresh = new ViewRefresh(connection, session);
  const worker = new WorkerClient(script, relayToEditor(connection, session, refresh), () => session.replay(), (message) => session.log('log', message));
  const textOnly = textOnlyContext(documents, session);

  registerLifecycle(connection, session, worker);
  registerConfiguration(connection, session, worker, refresh);
  registerDocumentSync(connection, documents, worker, textOnly);
  registerRequests(connection, session, worker, textOnly);

  // A defect anywhere must not take the server down: it is logged, and the server answers on.
  process.on('uncaughtException', (e) => session.log('error', `uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => session.log('error', `unhandled: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

  documents.listen(connection);
  connection.listen();
  return connection;
}
