// workspace/executeCommand on the main thread: the analysis thread works out the edit a
// command makes (execute-command.ts), and this applies it in the editor (workspace/applyEdit),
// since only the main thread may ask the editor anything. A refusal ("already has a
// postmortem") is a failed request whose message the editor shows.

import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { CommandEdit } from '../execute-command';
import type { WorkerClient } from '../worker-client';
import type { Session } from './session';

export function registerExecuteCommand(connection: Connection, session: Session, worker: WorkerClient): void {
  connection.onExecuteCommand(async (params) => {
    const answer = await worker.request('workspace/executeCommand', params);
    if (answer.error !== undefined || answer.late) {
      if (!answer.failure) session.log('error', `${params.command}: ${answer.error ?? 'the analysis thread is not running'}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, answer.error ?? 'The TAM language server is not ready; try again.');
    }
    const { label, edit } = answer.result as CommandEdit;
    const applied = await connection.workspace.applyEdit({ label, edit });
    if (!applied.applied) throw new ResponseError(LSPErrorCodes.RequestFailed, `The editor did not apply the edit${applied.failureReason ? `: ${applied.failureReason}` : ''}.`);
    return null;
  });
}
