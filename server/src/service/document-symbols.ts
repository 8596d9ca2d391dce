// The outline of a file: one symbol per document (the entity, named by its id), and inside it
// the parts a TAM navigates by: a chain's tasks, an incident's or a postmortem's timeline, a
// postmortem's action items. Read from the lenient tree, so a 2 000-line chain outlines in a
// millisecond or two and a half-typed file still has an outline.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isKind, type Kind } from '../core/model';
import { plainText } from '../core/text/shown';
import { SYMBOL_KINDS } from './describe';
import type { TextModel } from './text-model';
import { findPair, type TreeMap, type TreeNode } from './yaml-tree';

/** Lists whose items get symbols, per kind: [field, what names an item, what describes it]. */
const PARTS: Partial<Record<Kind, [string, string, string[], SymbolKind][]>> = {
  chain: [['tasks', 'id', ['title', 'status'], SymbolKind.Method]],
  incident: [['timeline', 'at', ['status', 'by'], SymbolKind.EnumMember]],
  postmortem: [
    ['timeline', 'at', ['note'], SymbolKind.EnumMember],
    ['action_items', 'id', ['title', 'status'], SymbolKind.Method],
  ],
};

export function documentSymbols(model: TextModel): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of model.tree.docs) {
    const root = doc.root;
    if (root?.type !== 'map' || root.pairs.length === 0) continue;
    const kindText = scalarOf(root, 'kind');
    const kind = isKind(kindText) ? kindText : undefined;
    const idPair = findPair(root, 'id');
    const name = scalarOf(root, 'id') ?? (kind === 'workspace' ? scalarOf(root, 'name') : undefined) ?? kindText ?? '(document)';
    const label = scalarOf(root, 'name') ?? scalarOf(root, 'title');
    const range = model.range(root.start, root.end);
    const selection = idPair?.value ? model.range(idPair.value.start, idPair.value.end) : model.range(root.pairs[0]!.keyStart, root.pairs[0]!.keyEnd);
    // Names and details are the file's text, shown by the editor as plain text.
    const symbol: DocumentSymbol = {
      name: plainText(name),
      detail: plainText([kindText, label].filter(Boolean).join(' · ')),
      kind: kind ? SYMBOL_KINDS[kind] : SymbolKind.Object,
      range,
      selectionRange: clampInside(selection, range),
      children: [],
    };
    for (const [field, nameKey, detailKeys, symbolKind] of (kind && PARTS[kind]) || []) {
      const list = findPair(root, field)?.value;
      if (list?.type !== 'seq') continue;
      list.items.forEach((item, i) => {
        const node = item.node;
        const itemRange = model.range(item.start, Math.max(item.end, node?.end ?? item.end));
        const map = node?.type === 'map' ? node : undefined;
        const key = map ? findPair(map, nameKey) : undefined;
        const itemName = (map && scalarOf(map, nameKey)) || `${field} ${i + 1}`;
        const detail = map ? detailKeys.map((k) => scalarOf(map, k)).filter(Boolean).join(' · ') : '';
        symbol.children!.push({
          name: plainText(itemName),
          detail: plainText(detail),
          kind: symbolKind,
          range: itemRange,
          selectionRange: clampInside(key?.value ? model.range(key.value.start, key.value.end) : itemRange, itemRange),
        });
      });
    }
    out.push(symbol);
  }
  return out;
}

function scalarOf(map: TreeMap, key: string): string | undefined {
  const v: TreeNode | null | undefined = findPair(map, key)?.value;
  return v?.type === 'scalar' && v.value !== '' ? oneLine(v.value) : undefined;
}

function oneLine(text: string): string {
  const first = text.split('\n')[0]!;
  return first.length > 80 ? first.slice(0, 77) + '...' : first;
}

/** LSP wants the selection inside the range. */
function clampInside(sel: DocumentSymbol['range'], range: DocumentSymbol['range']): DocumentSymbol['range'] {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  if (before(sel.start, range.start) || before(range.end, sel.end)) return { start: range.start, end: range.start };
  return sel;
}
