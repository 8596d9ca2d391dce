// workspace/symbol → service/workspace-symbols, over every root.

import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver-protocol';
import { workspaceSymbols } from '../service/workspace-symbols';
import { modelsFor, type FeatureContext } from './context';

export function onWorkspaceSymbol(ctx: FeatureContext, params: WorkspaceSymbolParams): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const project of ctx.projects()) {
    project.flush();
    for (const s of workspaceSymbols(String(params.query ?? ''), project.ws, modelsFor(project))) {
      out.push({ name: s.name, kind: s.kind, containerName: s.containerName, location: { uri: project.uriOf(s.file), range: s.range } });
    }
  }
  return out;
}
