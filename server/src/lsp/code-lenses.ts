// textDocument/codeLens → service/code-lenses. A lens's action becomes a command the editor can
// run: the chain graph and the SLA Summary are the TAM extension's own commands (declared in its
// client capabilities), "Create postmortem" is this server's (workspace/executeCommand). In an
// editor that cannot run a lens's command, a lens that informs (a forecast, a clock) stays as
// text, and a lens that only exists to be clicked ("Show graph") is left out. A title can quote
// task ids (a dependency cycle), so it is plain text made safe by core/text/shown.

import type { CodeLens, CodeLensParams, Command } from 'vscode-languageserver-protocol';
import { CreatePostmortemCommand, OpenChainGraphCommand, ShowSlaSummaryCommand, type CreatePostmortemArgs, type OpenChainGraphArgs, type ShowSlaSummaryArgs } from '../protocol/tam-protocol';
import { codeLenses, type LensAction } from '../service/code-lenses';
import { plainText } from '../core/text/shown';
import type { FeatureContext } from './context';
import type { Project } from './project';

export function onCodeLens(ctx: FeatureContext, params: CodeLensParams): CodeLens[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project) return [];
  const out: CodeLens[] = [];
  for (const lens of codeLenses(doc.model, project.ws, ctx.now())) {
    const title = plainText(lens.title);
    const command = lens.action ? commandOf(ctx, project, params.textDocument.uri, title, lens.action) : undefined;
    if (command) out.push({ range: lens.range, command });
    else if (!lens.actionOnly) out.push({ range: lens.range, command: { title, command: '' } });
  }
  return out;
}

function commandOf(ctx: FeatureContext, project: Project, uri: string, title: string, action: LensAction): Command | undefined {
  const client = ctx.client.commands ?? [];
  switch (action.kind) {
    case 'graph': {
      if (!client.includes(OpenChainGraphCommand)) return undefined;
      const args: OpenChainGraphArgs = { uri: project.uriOf(action.file), chainId: action.chain, format: action.format };
      return { title, command: OpenChainGraphCommand, arguments: [args] };
    }
    case 'sla': {
      if (!client.includes(ShowSlaSummaryCommand)) return undefined;
      const args: ShowSlaSummaryArgs = { project: action.project, folderUri: uri };
      return { title, command: ShowSlaSummaryCommand, arguments: [args] };
    }
    case 'create-postmortem': {
      if (!ctx.client.serverCommands?.includes(CreatePostmortemCommand)) return undefined;
      const args: CreatePostmortemArgs = { uri, incident: action.incident };
      return { title, command: CreatePostmortemCommand, arguments: [args] };
    }
  }
}
