// textDocument/codeLens → service/code-lenses. The lenses carry their text in the title and
// no command: they inform, like the forecast line above a chain. A title can quote task ids
// (a dependency cycle), so it is plain text made safe by core/text/shown.

import type { CodeLens, CodeLensParams } from 'vscode-languageserver-protocol';
import { codeLenses } from '../service/code-lenses';
import { plainText } from '../core/text/shown';
import type { FeatureContext } from './context';

export function onCodeLens(ctx: FeatureContext, params: CodeLensParams): CodeLens[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project) return [];
  return codeLenses(doc.model, project.ws, ctx.now()).map((l) => ({ range: l.range, command: { title: plainText(l.title), command: '' } }));
}
