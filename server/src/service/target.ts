// What id the cursor is on: an entity's own id (a document's `id`, a task's `id`) or a
// reference to one (any field of REFERENCE_FIELDS, including `depends_on` items, where
// "chain/task" is two ids: the chain's before the slash, the task's after it). Definition,
// references, rename and hover all start here.

import { isKind, type Kind, type Path, type Position, type TargetKind } from '../core/model';
import { referenceKindAt } from './schema-at';
import type { TextModel } from './text-model';
import { docOfLine, hitAt, rootScalar, type TreeScalar } from './yaml-tree';

export interface Target {
  kind: TargetKind;
  /** Normalised as in the index: a task is "chain-id/task-id". */
  id: string;
  /** Whether the cursor is on the entity's own id or on a reference to it. */
  role: 'definition' | 'reference';
  /** Offsets of the id under the cursor (the part of "chain/task" it is on), quotes excluded. */
  start: number;
  end: number;
  /** The document's kind and the path of the scalar. */
  docKind: Kind;
  doc: number;
  path: Path;
}

export function targetAt(model: TextModel, position: Position): Target | undefined {
  const offset = model.offsetAt(position);
  const doc = docOfLine(model.tree, model.positionAt(offset).line);
  const hit = hitAt(doc.root, offset);
  if (!hit || hit.part !== 'value' || hit.node?.type !== 'scalar') return undefined;
  const kindText = rootScalar(doc, 'kind')?.value;
  if (!isKind(kindText)) return undefined;
  const node = hit.node;
  const { start, end } = inner(model.text, node);
  const value = node.value;
  if (!value) return undefined;
  const path = hit.path;
  const base = { docKind: kindText, doc: doc.index, path, start, end };
  if (path.length === 1 && path[0] === 'id' && kindText !== 'workspace') {
    return { ...base, kind: kindText, id: value, role: 'definition' };
  }
  const chainId = kindText === 'chain' ? rootScalar(doc, 'id')?.value : undefined;
  if (kindText === 'chain' && path.length === 3 && path[0] === 'tasks' && path[2] === 'id') {
    return chainId ? { ...base, kind: 'task', id: `${chainId}/${value}`, role: 'definition' } : undefined;
  }
  const refKind = referenceKindAt(kindText, path);
  if (!refKind) return undefined;
  if (refKind !== 'task') return { ...base, kind: refKind, id: value, role: 'reference' };
  const slash = value.indexOf('/');
  if (slash === -1) return chainId ? { ...base, kind: 'task', id: `${chainId}/${value}`, role: 'reference' } : undefined;
  if (offset <= start + slash) return { ...base, kind: 'chain', id: value.slice(0, slash), role: 'reference', end: start + slash };
  return { ...base, kind: 'task', id: value, role: 'reference', start: start + slash + 1 };
}

/** A scalar's text without its quotes. */
export function inner(text: string, node: TreeScalar): { start: number; end: number } {
  if (!node.quoted) return { start: node.start, end: node.end };
  const closed = node.end - node.start > 1 && text[node.end - 1] === text[node.start];
  return { start: node.start + 1, end: node.end - (closed ? 1 : 0) };
}
