// Where the cursor is, in the words of the format: which document, which path, and whether a
// key or a value is being typed there. Works on half-typed YAML by the usual trick of
// completion engines: a marker character is put at the cursor and the lenient tree is read;
// wherever the marker lands (a key, a scalar, a new sequence item) is the answer.

import { isKind, type Kind, type Position } from '../core/model';
import { positionAt } from '../core/workspace/parse';
import type { TextModel } from './text-model';
import { findPair, parseDocAt, type TreeDoc, type TreeMap, type TreeNode, type TreePair } from './yaml-tree';

/** A private-use character: never in a real document, always part of a plain scalar. */
const MARK = '\uE000';

export type CursorMode =
  /** Typing a key of the map at `path`. */
  | 'key'
  /** Typing the value at `path`. */
  | 'value'
  /**
   * A plain word alone in a slot (`- ne|`, or under `cause:` on its own line): the value at
   * `path`, or the first key of a map there, depending on what the schema expects.
   */
  | 'value-or-key'
  /** A word where a new item of the sequence at `path` starts, its `- ` not typed yet. */
  | 'item';

export interface CursorContext {
  mode: CursorMode;
  /** The document's index in its file (as in the index's `Entity.doc`). */
  doc: number;
  /** The document's kind, when its `kind:` reads as one. */
  kind?: Kind;
  /** For 'key': the map's path; for the others: the value's path. */
  path: (string | number)[];
  /** What is typed before the cursor in the token being completed. */
  prefix: string;
  /** The token's offsets in the real text: what a completion replaces. */
  start: number;
  end: number;
  /** The key being typed already has its colon (so completing it replaces the name only). */
  hasColon: boolean;
  /** The cursor follows `key:` directly: a value needs a space before it. */
  needsSpace: boolean;
  /** Inside `{ … }` or `[ … ]`: no multi-line snippets. */
  inFlow: boolean;
  /** Column where a new key of the map (or item of the sequence) starts. */
  indent: number;
  /** Keys the map at `path` already has (for 'key' and 'value-or-key'). */
  existingKeys: string[];
  /** The document read with the marker, for what the features need around the cursor. */
  tree: TreeDoc;
  /** The value was quoted: completions go inside the quotes. */
  quoted: boolean;
}

export function cursorContext(model: TextModel, position: Position): CursorContext | undefined {
  const offset = model.offsetAt(position);
  const text = model.text;
  // Right after `key:` a value needs a space; read the line as if it had one.
  const needsSpace = text.charCodeAt(offset - 1) === 58 && /^\s*(?:-\s+)*[^\s#][^#]*:$/.test(text.slice(model.lineStarts[model.positionAt(offset).line]!, offset));
  const insert = needsSpace ? ' ' + MARK : MARK;
  const marked = text.slice(0, offset) + insert + text.slice(offset);
  const markAt = offset + (needsSpace ? 1 : 0);
  const line = model.positionAt(offset).line;
  // Line starts do not move: the marker is inserted within a line.
  const starts = model.lineStarts.map((s, i) => (i > line ? s + insert.length : s));
  const doc = parseDocAt(marked, starts, line);
  const found = findMark(doc.root, markAt, []);
  if (!found) return undefined;

  const real = (o: number): number => (o > markAt ? o - insert.length : o > offset ? offset : o);
  const kindNode = doc.root?.type === 'map' ? findPair(doc.root, 'kind')?.value : undefined;
  const kindText = kindNode?.type === 'scalar' && !kindNode.value.includes(MARK) ? kindNode.value : undefined;

  const base = {
    doc: doc.index,
    kind: isKind(kindText) ? kindText : undefined,
    needsSpace,
    tree: doc,
    inFlow: found.inFlow,
  };
  if (found.pair) {
    // On a key: a partial one (no colon yet), or an existing key being edited.
    const p = found.pair;
    const keyText = p.key;
    const prefix = keyText.slice(0, keyText.indexOf(MARK));
    const quoted = marked.charCodeAt(p.keyStart) === 34 || marked.charCodeAt(p.keyStart) === 39;
    return {
      ...base,
      mode: 'key',
      path: found.path,
      prefix,
      start: real(p.keyStart + (quoted ? 1 : 0)),
      end: real(p.keyEnd - (quoted ? 1 : 0)),
      hasColon: p.colon !== -1,
      indent: p.keyStart - lineStartOf(starts, p.keyStart),
      existingKeys: found.map ? found.map.pairs.filter((x) => x !== p).map((x) => x.key) : [],
      quoted,
    };
  }
  const node = found.node!;
  const raw = marked.slice(node.start, node.end);
  const quoted = node.type === 'scalar' && node.quoted;
  const innerStart = node.start + (quoted ? 1 : 0);
  const closed = quoted && raw.length > 1 && raw[raw.length - 1] === raw[0];
  const innerEnd = node.end - (closed ? 1 : 0);
  const prefix = marked.slice(innerStart, markAt);
  const onOwnLine = found.owner !== undefined && lineStartOf(starts, found.owner) !== lineStartOf(starts, node.start);
  let mode: CursorMode = 'value';
  if (found.slot === 'dashless') mode = 'item';
  else if (!quoted && !found.inFlow && (found.slot === 'item' || (found.slot === 'pair' && onOwnLine))) mode = 'value-or-key';
  return {
    ...base,
    mode,
    path: found.path,
    prefix,
    start: real(innerStart),
    end: real(innerEnd),
    hasColon: false,
    indent: node.start - lineStartOf(starts, node.start),
    existingKeys: [],
    quoted,
  };
}

/** Offset where the line holding `offset` starts. */
function lineStartOf(starts: number[], offset: number): number {
  return starts[positionAt(starts, offset).line]!;
}

interface Found {
  path: (string | number)[];
  /** The key holding the mark. */
  pair?: TreePair;
  /** The map the key belongs to. */
  map?: TreeMap;
  /** The scalar holding the mark. */
  node?: TreeNode;
  /** What the scalar is: a pair's value, a sequence item (maybe without its dash), or the document itself. */
  slot?: 'pair' | 'item' | 'dashless' | 'root';
  /** Offset of the key or dash that owns the scalar. */
  owner?: number;
  inFlow: boolean;
}

function findMark(node: TreeNode | null, mark: number, path: (string | number)[], inFlow = false, slot: Found['slot'] = 'root', owner?: number): Found | undefined {
  if (!node) return undefined;
  if (node.type === 'scalar') {
    if (mark >= node.start && mark < node.end) return { path, node, slot, owner, inFlow };
    return undefined;
  }
  if (mark < node.start || mark > node.end) return undefined;
  const flow = inFlow || node.flow;
  if (node.type === 'map') {
    for (const p of node.pairs) {
      if (mark >= p.keyStart && mark < p.keyEnd) return { path, pair: p, map: node, inFlow: flow };
      const hit = findMark(p.value, mark, [...path, p.key], flow, 'pair', p.keyStart);
      if (hit) return hit;
    }
    return undefined;
  }
  for (let i = 0; i < node.items.length; i++) {
    const it = node.items[i]!;
    const hit = findMark(it.node, mark, [...path, i], flow, it.dashless ? 'dashless' : 'item', it.start);
    if (hit) return hit;
  }
  return undefined;
}
