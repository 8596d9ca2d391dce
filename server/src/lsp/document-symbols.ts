// textDocument/documentSymbol → service/document-symbols (flattened for clients that do not
// take a hierarchy).

import type { DocumentSymbol, DocumentSymbolParams, SymbolInformation } from 'vscode-languageserver-protocol';
import { documentSymbols } from '../service/document-symbols';
import type { FeatureContext } from './context';

export function onDocumentSymbol(ctx: FeatureContext, params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] {
  const doc = ctx.document(params.textDocument.uri);
  if (!doc) return [];
  const symbols = documentSymbols(doc.model);
  if (ctx.client.hierarchicalSymbols) return symbols;
  const flat: SymbolInformation[] = [];
  const add = (s: DocumentSymbol, container?: string): void => {
    flat.push({ name: s.name, kind: s.kind, location: { uri: params.textDocument.uri, range: s.range }, containerName: container });
    for (const c of s.children ?? []) add(c, s.name);
  };
  for (const s of symbols) add(s);
  return flat;
}
