// textDocument/inlayHint → service/inlay-hints: the engine's figures at the end of the lines
// they are about, for the range the editor shows, with the families `tam.inlayHints.*` leaves on.
// Labels and tooltips quote ids from the workspace: plain text (core/text/shown).

import type { InlayHint, InlayHintParams } from 'vscode-languageserver-protocol';
import { plainText } from '../core/text/shown';
import { inlayHints } from '../service/inlay-hints';
import { safePosition, type FeatureContext } from './context';

export function onInlayHint(ctx: FeatureContext, params: InlayHintParams): InlayHint[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project || !doc.file) return [];
  const range = { start: safePosition(params.range?.start), end: safePosition(params.range?.end ?? { line: doc.model.lineCount, character: 0 }) };
  return inlayHints(doc.model, range, project.ws, ctx.now(), ctx.settings().inlayHints).map((h) => {
    const hint: InlayHint = { position: h.position, label: plainText(h.label), paddingLeft: true };
    if (h.tooltip) hint.tooltip = h.tooltip.split('\n').map(plainText).join('\n');
    return hint;
  });
}
