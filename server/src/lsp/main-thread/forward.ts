// Every request of the editor goes to the analysis thread, which holds the index. Completion,
// hover and the outline have an answer from the text alone: when the analysis thread has not
// answered within PATIENCE_MS (a 50 000-line file being re-checked) or is away, the main thread
// gives that one instead, so typing never waits for a check. Other requests then get an empty
// answer; a failure the user should read ("Only ids can be renamed") is a failed request.

import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { onCompletion } from '../completion';
import type { FeatureContext } from '../context';
import { onDocumentSymbol } from '../document-symbols';
import { onHover } from '../hover';
import { STATS_REQUEST } from '../protocol';
import { heapStats } from '../stats';
import { registerTamRequests } from '../tam-requests';
import { registerExecuteCommand } from './commands';
import type { WorkerClient } from '../worker-client';
import type { Session } from './session';
import type { TextOnly } from './text-only';

/** How long a request with a text-only answer waits for the analysis thread. */
const PATIENCE_MS = 250;
/**
 * The same while the analysis thread starts or reads and checks a workspace: it answers between
 * slices of that work, but loading its code, or a collection of a big heap, can hold it longer,
 * and typing in the first minute of a 100 000-file workspace must not wait for it.
 */
const PATIENCE_WHILE_INDEXING_MS = 40;

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
  'textDocument/inlayHint': [],
  'textDocument/documentLink': [],
};

type Local = (ctx: FeatureContext, params: any) => unknown;

export function registerRequests(connection: Connection, session: Session, worker: WorkerClient, textOnly: TextOnly): void {
  /** Forwards a request; `local` answers it from the text when the analysis thread is slow. */
  const forward = (method: string, local?: Local) => {
    return async (params: unknown): Promise<any> => {
      try {
        const patience = session.indexing.size || !worker.settled ? PATIENCE_WHILE_INDEXING_MS : PATIENCE_MS;
        const answer = await worker.request(method, params, local ? patience : undefined);
        if (answer.late) return local ? local(textOnly.context, params) : EMPTY[method];
        if (answer.error !== undefined) {
          if (answer.failure) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.error);
          session.log('error', `${method}: ${answer.error}`);
          return local ? local(textOnly.context, params) : EMPTY[method];
        }
        return answer.result;
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        session.log('error', `${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
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
  connection.languages.inlayHint.on(forward('textDocument/inlayHint'));
  connection.onDocumentLinks(forward('textDocument/documentLink'));
  registerExecuteCommand(connection, session, worker);
  connection.onRequest(STATS_REQUEST, async () => {
    const analysis = (await worker.request(STATS_REQUEST, {}, 2000)).result as object | undefined;
    return { main: heapStats(), ...analysis };
  });
  // The tam/* requests of the extension (chain graph, SLA summary, tree…): answered by the analysis thread.
  registerTamRequests(connection, (method) => forward(method));
  connection.onRequest((method) => {
    throw new ResponseError(ErrorCodes.MethodNotFound, `tam-language-server does not handle ${method}`);
  });
}
