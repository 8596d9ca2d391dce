// Ranges of the places an id is written, shared by definition, references and rename: an
// entity's own `id`, and every reference to it, down to the part of "chain/task" that names
// the chain or the task.

import type { Range, TargetKind } from '../core/model';
import type { Entity, Reference } from '../core/workspace/entities';
import type { Workspace } from '../core/workspace/workspace';
import { locate } from './locate';
import type { TextModel } from './text-model';

/** The text of a file as the features should see it: the open document's, else the index's. */
export type ModelOf = (file: string) => TextModel | undefined;

export interface Place {
  file: string;
  /** The id's range, quotes excluded. */
  range: Range;
  /** The scalar's text as written (without quotes). */
  raw: string;
  /** Offsets in the file of `range`. */
  start: number;
  end: number;
}

/** Where an entity's own id is written. */
export function definitionPlace(e: Entity, modelOf: ModelOf): Place | undefined {
  if (e.kind === 'workspace') return undefined;
  return scalarPlace(modelOf(e.file), e.doc, [...e.path, 'id']);
}

/** Where a reference is written; `part` narrows "chain/task" to one side of the slash. */
export function referencePlace(ref: Reference, modelOf: ModelOf, part: 'whole' | 'chain' | 'task' = 'whole'): Place | undefined {
  const place = scalarPlace(modelOf(ref.file), ref.doc, ref.path);
  if (!place || part === 'whole') return place;
  const slash = place.raw.indexOf('/');
  if (slash === -1) return part === 'task' ? place : undefined;
  const model = modelOf(ref.file)!;
  const start = part === 'chain' ? place.start : place.start + slash + 1;
  const end = part === 'chain' ? place.start + slash : place.end;
  return { file: ref.file, raw: model.text.slice(start, end), start, end, range: model.range(start, end) };
}

function scalarPlace(model: TextModel | undefined, doc: number, path: readonly (string | number)[]): Place | undefined {
  if (!model) return undefined;
  const r = locate(model, doc, path);
  let start = model.offsetAt(r.start);
  let end = model.offsetAt(r.end);
  const q = model.text[start];
  if ((q === '"' || q === "'") && end - start >= 2 && model.text[end - 1] === q) {
    start++;
    end--;
  }
  return { file: model.file, raw: model.text.slice(start, end), start, end, range: model.range(start, end) };
}

/** Every definition of an id (several when duplicated). */
export function definitionsOf(ws: Workspace, kind: TargetKind, id: string, modelOf: ModelOf): Place[] {
  return ws.all(kind, id).map((e) => definitionPlace(e, modelOf)).filter((p): p is Place => !!p);
}

/**
 * Every reference to an id. A chain is referred to only inside "chain/task" references to its
 * tasks; those places are the chain part.
 */
export function referencesOf(ws: Workspace, kind: TargetKind, id: string, modelOf: ModelOf, part: 'whole' | 'exact' = 'whole'): Place[] {
  const out: Place[] = [];
  if (kind === 'chain') {
    for (const taskId of ws.ids('task')) {
      if (!taskId.startsWith(id + '/')) continue;
      for (const ref of ws.referencesTo('task', taskId)) {
        if (!ref.raw.includes('/')) continue;
        const p = referencePlace(ref, modelOf, 'chain');
        if (p) out.push(p);
      }
    }
    return out;
  }
  for (const ref of ws.referencesTo(kind, id)) {
    const p = referencePlace(ref, modelOf, kind === 'task' && part === 'exact' ? 'task' : 'whole');
    if (p) out.push(p);
  }
  return out;
}
