// textDocument/references → service/references, with files as URIs.

import type { Location, ReferenceParams } from 'vscode-languageserver-protocol';
import { references } from '../service/references';
import { modelsFor, safePosition, type FeatureContext } from './context';

export function onReferences(ctx: FeatureContext, params: ReferenceParams): Location[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project) return [];
  project.flush();
  const places = references(doc.model, safePosition(params.position), project.ws, modelsFor(project), params.context?.includeDeclaration !== false);
  return places.map((p) => ({ uri: project.uriOf(p.file), range: p.range }));
}
