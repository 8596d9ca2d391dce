// textDocument/prepareRename and textDocument/rename → service/rename. A refusal travels as
// a request error, which editors show to the user as it is: it quotes ids and the new name,
// so it is plain text made safe by core/text/shown.

import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { plainText } from '../core/text/shown';
import { prepareRename, rename } from '../service/rename';
import { modelsFor, RequestFailure, safePosition, type FeatureContext } from './context';
import { workspaceEdit } from './workspace-edit';

export function onPrepareRename(ctx: FeatureContext, params: PrepareRenameParams): { range: Range; placeholder: string } {
  const doc = ctx.document(params.textDocument.uri);
  if (!doc?.project) throw new RequestFailure('This file is not part of a TAM workspace (no tam.yaml above it).');
  const result = prepareRename(doc.model, safePosition(params.position));
  if ('error' in result) throw new RequestFailure(plainText(result.error));
  return result;
}

export function onRename(ctx: FeatureContext, params: RenameParams): WorkspaceEdit {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project) throw new RequestFailure('This file is not part of a TAM workspace (no tam.yaml above it).');
  project.flush();
  const result = rename(doc.model, safePosition(params.position), String(params.newName ?? ''), project.ws, modelsFor(project));
  if ('error' in result) throw new RequestFailure(plainText(result.error));
  return workspaceEdit(project, ctx.client, result.edits, []);
}
