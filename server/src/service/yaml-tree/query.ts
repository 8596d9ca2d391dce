// Questions the editor features ask of a lenient tree: which document holds a line, which node
// is at a path or under an offset, a root-level scalar such as `kind` or `id`, and a node as
// a plain value.

import type { Path } from '../../core/model';
import type { Tree, TreeDoc, TreeItem, TreeMap, TreeNode, TreePair, TreeScalar } from './nodes';

/** The document that holds a line. */
export function docOfLine(tree: Tree, line: number): TreeDoc {
  let found = tree.docs[0]!;
  for (const d of tree.docs) if (d.startLine <= line) found = d;
  return found;
}


/** The node at a path inside a document, with the pair whose value it is (if any). */
export function nodeAtPath(root: TreeNode | null, path: Path): { node: TreeNode | null; pair?: TreePair; item?: TreeItem; exact: boolean } {
  let node: TreeNode | null = root;
  let pair: TreePair | undefined;
  let item: TreeItem | undefined;
  for (const seg of path) {
    if (node && node.type === 'map' && typeof seg === 'string') {
      const found: TreePair | undefined = findPair(node, seg);
      if (!found) return { node, pair, item, exact: false };
      pair = found;
      item = undefined;
      node = found.value;
    } else if (node && node.type === 'seq' && typeof seg === 'number') {
      const found: TreeItem | undefined = node.items[seg];
      if (!found) return { node, pair, item, exact: false };
      item = found;
      pair = undefined;
      node = found.node;
    } else {
      return { node, pair, item, exact: false };
    }
  }
  return { node, pair, item, exact: true };
}

export function findPair(map: TreeMap, key: string): TreePair | undefined {
  // The last definition wins in a map typed twice; the first is what the parser reports on.
  for (const p of map.pairs) if (p.key === key && p.colon !== -1) return p;
  return undefined;
}

export interface Hit {
  /** Path of the node under the offset. */
  path: (string | number)[];
  /** Whether the offset is on a key or on a value. */
  part: 'key' | 'value';
  /** Start and end offsets of the key or scalar under the offset. */
  start: number;
  end: number;
  /** The scalar's text (the key's name for a key). */
  text: string;
  /** The node itself when the hit is a value. */
  node?: TreeNode;
  pair?: TreePair;
}

/**
 * What is under an offset: a key, or a scalar value, with its path. For an offset inside a
 * collection but on no scalar (between items, on a dash), the innermost collection's path.
 */
export function hitAt(root: TreeNode | null, offset: number): Hit | undefined {
  const path: (string | number)[] = [];
  let node = root;
  let last: Hit | undefined;
  while (node) {
    if (node.type === 'scalar') {
      if (offset >= node.start && offset <= node.end) return { path, part: 'value', start: node.start, end: node.end, text: node.value, node };
      return last;
    }
    if (offset < node.start || offset > node.end) return last;
    last = { path: [...path], part: 'value', start: node.start, end: node.end, text: '', node };
    let next: TreeNode | null = null;
    if (node.type === 'map') {
      let chosen: TreePair | undefined;
      for (const p of node.pairs) {
        if (offset >= p.keyStart && offset <= p.keyEnd) {
          return { path: [...path, p.key], part: 'key', start: p.keyStart, end: p.keyEnd, text: p.key, pair: p };
        }
        if (p.value && offset >= p.value.start && offset <= p.value.end) chosen = p;
      }
      if (chosen) {
        path.push(chosen.key);
        next = chosen.value;
      }
    } else {
      for (let i = 0; i < node.items.length; i++) {
        const it = node.items[i]!;
        if (it.node && offset >= it.node.start && offset <= it.node.end) {
          path.push(i);
          next = it.node;
          break;
        }
      }
    }
    node = next;
  }
  return last;
}

/** Plain JS value of a tree node (for what the editor shows while the index is behind). */
export function toValue(node: TreeNode | null): unknown {
  if (!node) return null;
  if (node.type === 'scalar') return node.value;
  if (node.type === 'seq') return node.items.map((i) => toValue(i.node));
  const out: Record<string, unknown> = {};
  for (const p of node.pairs) if (p.colon !== -1) out[p.key] = toValue(p.value);
  return out;
}

/** The scalar value of a root-level key of a document, e.g. its `kind` or `id`. */
export function rootScalar(doc: TreeDoc, key: string): TreeScalar | undefined {
  const root = doc.root;
  if (!root || root.type !== 'map') return undefined;
  const p = findPair(root, key);
  return p?.value?.type === 'scalar' ? p.value : undefined;
}
