// From an address in the index (file, document, path) to a range, for navigation: the lenient
// tree finds scalars and keys in microseconds; anything it cannot pin down exactly (a
// collection, an odd file) goes to the core's precise Locator, so ranges always agree with
// the ones diagnostics use.

import type { Path, Range } from '../core/model';
import { Locator } from '../core/workspace/locate';
import type { TextModel } from './text-model';
import { nodeAtPath } from './yaml-tree';

export function locate(model: TextModel, doc: number, path: Path, part: 'key' | 'value' = 'value'): Range {
  const fast = locateFast(model, doc, path, part);
  if (fast) return fast;
  return new Locator(model.text).range(doc, path, part);
}

/** The range of a scalar value or a key by the lenient tree; undefined when not exact. */
export function locateFast(model: TextModel, doc: number, path: Path, part: 'key' | 'value' = 'value'): Range | undefined {
  const d = model.tree.docs[doc];
  if (!d) return undefined;
  const found = nodeAtPath(d.root, path);
  if (!found.exact) return undefined;
  if (part === 'key') {
    if (!found.pair) return undefined;
    return oneLine(model, found.pair.keyStart, found.pair.keyEnd);
  }
  if (!found.node || found.node.type !== 'scalar') return undefined;
  return oneLine(model, found.node.start, found.node.end);
}

function oneLine(model: TextModel, start: number, end: number): Range | undefined {
  const s = model.positionAt(start);
  const e = model.positionAt(end);
  // Multi-line scalars are shown on their first line by the core; let it decide.
  if (e.line !== s.line || end <= start) return undefined;
  return { start: s, end: e };
}
