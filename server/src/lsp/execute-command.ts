// workspace/executeCommand, the analysis thread's part: the commands this server runs for
// the editor compute a workspace edit here; the main thread applies it (workspace/applyEdit),
// since only it talks to the editor. A command that cannot be carried out says why.

import type { ExecuteCommandParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CreatePostmortemCommand, type CreatePostmortemArgs } from '../protocol/tam-protocol';
import { plainText } from '../core/text/shown';
import { createPostmortem } from '../service/create-postmortem';
import { RequestFailure, type FeatureContext } from './context';
import { workspaceEdit } from './workspace-edit';

/** What the main thread does with a command's answer: apply this edit, under this label. */
export interface CommandEdit {
  label: string;
  edit: WorkspaceEdit;
}

export function onExecuteCommand(ctx: FeatureContext, params: ExecuteCommandParams): CommandEdit {
  if (params?.command !== CreatePostmortemCommand) throw new RequestFailure(`tam-language-server has no command ${String(params?.command)}`);
  const args = (params.arguments?.[0] ?? {}) as Partial<CreatePostmortemArgs>;
  if (typeof args.uri !== 'string' || typeof args.incident !== 'string') throw new RequestFailure(`${CreatePostmortemCommand} needs { uri, incident }`);
  const doc = ctx.document(args.uri);
  const project = doc?.project;
  if (!doc || !project || !doc.file) throw new RequestFailure('This file is not in a TAM workspace (no tam.yaml in its folder or above).');
  project.flush();
  const created = createPostmortem(doc.model, project.ws, args.incident);
  if ('error' in created) throw new RequestFailure(plainText(created.error));
  return { label: plainText(created.title), edit: workspaceEdit(project, ctx.client, created.edits, created.creates) };
}
