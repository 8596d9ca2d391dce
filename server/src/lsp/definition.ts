// textDocument/definition → service/definition, with files as URIs.

import type { DefinitionParams, Location } from 'vscode-languageserver-protocol';
import { definition } from '../service/definition';
import { modelsFor, safePosition, type FeatureContext } from './context';

export function onDefinition(ctx: FeatureContext, params: DefinitionParams): Location[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project) return [];
  project.flush();
  return definition(doc.model, safePosition(params.position), project.ws, modelsFor(project)).map((p) => ({ uri: project.uriOf(p.file), range: p.range }));
}
