// textDocument/hover → service/hover.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver-protocol';
import { hover } from '../service/hover';
import { safePosition, type FeatureContext } from './context';

export function onHover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const doc = ctx.document(params.textDocument.uri);
  if (!doc) return null;
  const h = hover(doc.model, safePosition(params.position), doc.project?.ws, ctx.now());
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
}
