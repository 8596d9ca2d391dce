// textDocument/completion → service/complete.

import type { CompletionList, CompletionParams } from 'vscode-languageserver-protocol';
import { complete } from '../service/complete';
import { safePosition, type FeatureContext } from './context';

export function onCompletion(ctx: FeatureContext, params: CompletionParams): CompletionList {
  const doc = ctx.document(params.textDocument.uri);
  if (!doc) return { isIncomplete: false, items: [] };
  return complete(doc.model, safePosition(params.position), doc.project?.ws, {
    now: ctx.now(),
    snippets: ctx.client.snippets,
    triggerCharacter: params.context?.triggerCharacter,
  });
}
