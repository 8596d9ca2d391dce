// Workspace symbols: every entity of the index (tasks too), found by id or name with the
// letters of the query in order, as editors match file names.

import { SymbolKind } from 'vscode-languageserver-types';
import type { Range, TargetKind } from '../core/model';
import { KINDS } from '../core/model';
import { plainText } from '../core/text/shown';
import type { Workspace } from '../core/workspace/workspace';
import { entityLabel, KIND_TITLES, SYMBOL_KINDS } from './describe';
import { definitionPlace, type ModelOf } from './navigation';

export interface WorkspaceSymbolResult {
  name: string;
  kind: SymbolKind;
  containerName: string;
  file: string;
  range: Range;
}


export function workspaceSymbols(query: string, ws: Workspace, modelOf: ModelOf, limit = 500): WorkspaceSymbolResult[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const scored: { score: number; kind: TargetKind; e: ReturnType<Workspace['get']> & object }[] = [];
  for (const kind of [...KINDS.filter((k) => k !== 'workspace'), 'task'] as TargetKind[]) {
    for (const e of ws.entities(kind)) {
      const label = entityLabel(e) ?? '';
      const score = Math.min(match(q, e.id.toLowerCase()), match(q, label.toLowerCase()) + 1);
      if (score < Infinity) scored.push({ score, kind, e });
    }
  }
  scored.sort((a, b) => a.score - b.score || (a.e.id < b.e.id ? -1 : 1));
  const out: WorkspaceSymbolResult[] = [];
  for (const { kind, e } of scored.slice(0, limit)) {
    const place = definitionPlace(e, modelOf);
    if (!place) continue;
    const label = entityLabel(e);
    out.push({
      // Shown by the editor as plain text.
      name: plainText(e.id),
      kind: SYMBOL_KINDS[kind],
      containerName: plainText(`${KIND_TITLES[kind]}${label ? ` · ${label}` : ''}`),
      file: e.file,
      range: place.range,
    });
  }
  return out;
}

/** 0 for a prefix, 1 for a substring, 2 for letters in order; Infinity for no match. */
function match(query: string, text: string): number {
  if (!query) return 0;
  if (text.startsWith(query)) return 0;
  if (text.includes(query)) return 1;
  let i = 0;
  for (const ch of text) if (ch === query[i]) i++;
  return i === query.length ? 2 : Infinity;
}
