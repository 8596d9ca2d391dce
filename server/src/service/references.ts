// Find references: every place that names the entity under the cursor, across files, and its
// definition when asked. Task references count in both forms, "task" inside its chain and
// "chain/task" elsewhere; a chain's references are the chain part of the latter.

import type { Position } from '../core/model';
import type { Workspace } from '../core/workspace/workspace';
import { definitionsOf, referencesOf, type ModelOf, type Place } from './navigation';
import { targetAt } from './target';
import type { TextModel } from './text-model';

export function references(model: TextModel, position: Position, ws: Workspace, modelOf: ModelOf, includeDeclaration: boolean): Place[] {
  const target = targetAt(model, position);
  if (!target) return [];
  const out = includeDeclaration ? definitionsOf(ws, target.kind, target.id, modelOf) : [];
  out.push(...referencesOf(ws, target.kind, target.id, modelOf));
  return sortPlaces(out);
}

export function sortPlaces(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places
    .filter((p) => {
      const key = `${p.file}:${p.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}
