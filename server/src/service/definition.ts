// Go to definition: from a reference (or an id itself) to where the entity's id is written.
// A duplicated id has several definitions; all are returned.

import type { Position } from '../core/model';
import type { Workspace } from '../core/workspace/workspace';
import { definitionsOf, type ModelOf, type Place } from './navigation';
import { targetAt } from './target';
import type { TextModel } from './text-model';

export function definition(model: TextModel, position: Position, ws: Workspace, modelOf: ModelOf): Place[] {
  const target = targetAt(model, position);
  if (!target) return [];
  return definitionsOf(ws, target.kind, target.id, modelOf);
}
