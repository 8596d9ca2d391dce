// A lenient YAML reader for the editor: block maps and sequences by indentation, flow
// collections and scalars on their lines, every node with its offsets. It never fails: a
// half-typed line (`  departm`, `- `, `depends_on: [a, `) still yields a tree, which is what
// completion, hover and navigation need while someone types. The precise parser (`yaml`, in
// core/workspace/parse.ts) stays the authority for diagnostics; scalars here stay text.
//
// Why a third reader (bench/yaml-readers.ts, 2 shared cores, median ms per keystroke): on the
// 2 000-line chain it reads a text in 3–7 ms, half-typed or not; `yaml`, the only other reader
// that gives a tree of a broken text, takes 56–103 ms (and 2.5–3.4 s against 0.2 s on a
// 50 000-line file), well past the 20 ms that bench/lsp.bench.ts allows a completion; js-yaml
// is as quick (2–5 ms) but throws on the half-typed text and gives nothing to complete.
//
// Documents are split exactly as the core splits them (documentSegments), so document
// indices here match the index's `Entity.doc` and `Reference.doc`.

import { documentSegments, lineEndOffset, lineStartsOf } from '../../core/workspace/parse';
import { FlowReader } from './flow';
import type { Tree, TreeDoc, TreeItem, TreeMap, TreeNode, TreePair, TreeSeq } from './nodes';
import { closingQuote, isSpace, plainEnd, trimEnd, unquote } from './tokens';

/** Reads every document of a text. */
export function parseTree(text: string, lineStarts = lineStartsOf(text)): Tree {
  const segments = documentSegments(text, lineStarts);
  const docs: TreeDoc[] = [];
  if (segments.length === 0) segments.push(0);
  for (let i = 0; i < segments.length; i++) {
    const startLine = segments[i]!;
    const endLine = i + 1 < segments.length ? segments[i + 1]! - 1 : lineStarts.length - 1;
    docs.push({ index: i, startLine, endLine, root: new BlockReader(text, lineStarts, endLine).read(startLine) });
  }
  return { text, lineStarts, docs };
}

/** Reads only the document that holds a line: what completion needs on every keystroke. */
export function parseDocAt(text: string, lineStarts: number[], line: number): TreeDoc {
  const segments = documentSegments(text, lineStarts);
  if (segments.length === 0) segments.push(0);
  let i = 0;
  while (i + 1 < segments.length && segments[i + 1]! <= line) i++;
  const startLine = segments[i]!;
  const endLine = i + 1 < segments.length ? segments[i + 1]! - 1 : lineStarts.length - 1;
  return { index: i, startLine, endLine, root: new BlockReader(text, lineStarts, endLine).read(startLine) };
}

// ---------------------------------------------------------------------------------------
// Block structure

interface LineScan {
  start: number;
  end: number;
  /** Offset of the first non-blank character. */
  first: number;
  dashes: number[];
  key?: { name: string; start: number; end: number; colon: number };
  /** Offset where the inline value (after the key or the last dash) starts; -1 if none. */
  value: number;
}

interface Frame {
  node: TreeMap | TreeSeq;
  col: number;
}

class BlockReader {
  private readonly stack: Frame[] = [];
  private root: TreeNode | null = null;

  constructor(
    private readonly text: string,
    private readonly lineStarts: number[],
    private readonly lastLine: number,
  ) {}

  read(firstLine: number): TreeNode | null {
    for (let line = firstLine; line <= this.lastLine; ) {
      line = this.line(line) + 1;
    }
    return this.root;
  }

  /** Handles one line; returns the last line it consumed (values may span lines). */
  private line(line: number): number {
    const s = this.lineStarts[line]!;
    const e = lineEndOffset(this.text, this.lineStarts, line);
    const t = this.text;
    let i = s;
    while (i < e && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
    if (i === e || t.charCodeAt(i) === 35 /* # */) return line;
    if (i === s && (t.startsWith('---', s) || t.startsWith('...', s)) && (e === s + 3 || t.charCodeAt(s + 3) === 32 || t.charCodeAt(s + 3) === 9)) {
      return line; // a document marker; what follows it on the line is a comment or a tag
    }
    if (t.charCodeAt(i) === 37 /* % */ && i === s) return line; // a directive
    const scan = scanLine(t, s, e, i);
    const firstCol = i - s;

    // Place the line's first token in the structure.
    while (this.stack.length && this.top()!.col > firstCol) this.stack.pop();
    let parentSlot: ((n: TreeNode) => void) | undefined;
    let container: TreeMap | TreeSeq | undefined;
    const top = this.top();
    const startsWithDash = scan.dashes.length > 0;
    if (top && top.col === firstCol) {
      if (startsWithDash && top.node.type === 'seq') container = top.node;
      else if (startsWithDash && top.node.type === 'map' && lastPairOpen(top.node)) {
        // An indentless sequence: `tasks:` followed by `- …` at the same column.
        parentSlot = (n) => setLastPairValue(top.node as TreeMap, n);
      } else if (!startsWithDash && top.node.type === 'seq') {
        const outer = this.stack[this.stack.length - 2];
        if (outer && outer.col === firstCol && outer.node.type === 'map') {
          this.stack.pop(); // the indentless sequence ends; the line is a key of the map around it
          container = outer.node;
        } else if (!scan.key && scan.value >= 0) {
          // A word where the next `- ` belongs: an item whose dash is not typed yet.
          const { node, lastLine } = this.inlineValue(scan.value, line, firstCol);
          top.node.items.push({ start: node.start, end: node.end, node, dashless: true });
          this.extendOpenFrames(lastLine);
          return lastLine;
        } else return line;
      } else if (!startsWithDash && top.node.type === 'map') container = top.node;
      else return line; // a dash among keys: not YAML; leave the line out
    } else {
      parentSlot = this.openSlot();
      if (!parentSlot) {
        // More indented than its parent allows (the parent has a value already): a stray line.
        return line;
      }
    }

    let dashIndex = 0;
    let lastConsumed = line;
    // The node that receives the rest of the line.
    const attach = (node: TreeMap | TreeSeq): void => {
      if (parentSlot) {
        parentSlot(node);
        parentSlot = undefined;
      }
      this.stack.push({ node, col: node.col });
    };

    // Dashes: each opens (or continues) a sequence and an item.
    while (dashIndex < scan.dashes.length) {
      const dash = scan.dashes[dashIndex]!;
      let seq: TreeSeq;
      if (container && container.type === 'seq' && dashIndex === 0) {
        seq = container;
      } else {
        seq = { type: 'seq', start: dash, end: dash + 1, flow: false, col: dash - s, items: [] };
        attach(seq);
      }
      container = undefined;
      const item: TreeItem = { start: dash, end: dash + 1, node: null };
      seq.items.push(item);
      parentSlot = (n) => {
        item.node = n;
      };
      dashIndex++;
    }

    if (scan.key) {
      let map: TreeMap;
      if (container && container.type === 'map') {
        map = container;
      } else {
        map = { type: 'map', start: scan.key.start, end: scan.key.end, flow: false, col: scan.key.start - s, pairs: [] };
        attach(map);
      }
      const pair: TreePair = { key: scan.key.name, keyStart: scan.key.start, keyEnd: scan.key.end, colon: scan.key.colon, value: null, start: scan.key.start, end: Math.max(scan.key.end, scan.key.colon) };
      map.pairs.push(pair);
      if (scan.value >= 0) {
        const { node, lastLine } = this.inlineValue(scan.value, line, map.col);
        pair.value = node;
        pair.end = node.end;
        lastConsumed = lastLine;
      }
    } else if (scan.value >= 0) {
      // A value on its own: an item's scalar (`- network`), a flow collection, or a key
      // still being typed (`  departm`) where a key belongs.
      const owner = this.top();
      const ownerCol = scan.dashes.length ? scan.dashes[scan.dashes.length - 1]! - s : container ? firstCol : owner ? owner.col : -1;
      const { node, lastLine } = this.inlineValue(scan.value, line, ownerCol);
      const atKeyPlace = !scan.dashes.length && (container?.type === 'map' || (this.stack.length === 0 && this.root === null));
      if (atKeyPlace && node.type === 'scalar' && !node.quoted) {
        let map = container as TreeMap | undefined;
        if (!map) {
          map = { type: 'map', start: node.start, end: node.end, flow: false, col: firstCol, pairs: [] };
          attach(map);
        }
        map.pairs.push({ key: node.value, keyStart: node.start, keyEnd: node.end, colon: -1, value: null, start: node.start, end: node.end });
      } else if (parentSlot) {
        parentSlot(node);
        parentSlot = undefined;
      }
      lastConsumed = lastLine;
    }

    this.extendOpenFrames(lastConsumed);
    return lastConsumed;
  }

  /** Every open collection (and its last pair or item) now reaches the end of this line. */
  private extendOpenFrames(lastLine: number): void {
    const end = lineEndOffset(this.text, this.lineStarts, lastLine);
    const contentEnd = trimEnd(this.text, this.lineStarts[lastLine]!, end);
    for (const f of this.stack) {
      if (f.node.end < contentEnd) f.node.end = contentEnd;
      if (f.node.type === 'seq') {
        const lastItem = f.node.items[f.node.items.length - 1];
        if (lastItem && lastItem.end < contentEnd) lastItem.end = contentEnd;
      } else {
        const p = f.node.pairs[f.node.pairs.length - 1];
        if (p && p.end < contentEnd) p.end = contentEnd;
      }
    }
  }

  /** The line of the last character before `end`, searching forward from `line`. */
  private lineOf(end: number, line: number): number {
    let l = line;
    while (l + 1 <= this.lastLine && this.lineStarts[l + 1]! < end) l++;
    return l;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Where a more indented line goes: the last pair or item of the top frame, if still empty. */
  private openSlot(): ((n: TreeNode) => void) | undefined {
    const top = this.top();
    if (!top) {
      if (this.root !== null) return undefined;
      return (n) => {
        this.root = n;
      };
    }
    if (top.node.type === 'map') {
      const map = top.node;
      return lastPairOpen(map) ? (n) => setLastPairValue(map, n) : undefined;
    }
    const last = top.node.items[top.node.items.length - 1];
    if (last && last.node === null) {
      return (n) => {
        last.node = n;
      };
    }
    return undefined;
  }

  /**
   * A value that starts on this line and may continue on the lines below that are more indented
   * than its owner (a plain or quoted scalar over several lines, a block scalar, a flow collection).
   */
  private inlineValue(start: number, line: number, ownerCol: number): { node: TreeNode; lastLine: number } {
    const t = this.text;
    let lastLine = line;
    // Lines below that belong to this value by indentation.
    for (let l = line + 1; l <= this.lastLine; l++) {
      const s = this.lineStarts[l]!;
      const e = lineEndOffset(t, this.lineStarts, l);
      let i = s;
      while (i < e && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
      if (i === e) continue; // blank lines belong to whatever continues after them
      if (i - s <= ownerCol) break;
      if (i === s && (t.startsWith('---', s) || t.startsWith('...', s))) break;
      lastLine = l;
    }
    const limit = lineEndOffset(t, this.lineStarts, lastLine);
    const c = t.charCodeAt(start);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const reader = new FlowReader(t, limit);
      const node = reader.node(start)!;
      return { node, lastLine: this.lineOf(node.end, line) };
    }
    if (c === 124 /* | */ || c === 62 /* > */) {
      const end = trimEnd(t, start, limit);
      return { node: { type: 'scalar', start, end, value: t.slice(start, end), quoted: false }, lastLine };
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = closingQuote(t, start, limit);
      const end = close === -1 ? trimEnd(t, start, lineEndOffset(t, this.lineStarts, line)) : close + 1;
      const value = unquote(t.slice(start, end));
      return { node: { type: 'scalar', start, end, value, quoted: true }, lastLine: this.lineOf(end, line) };
    }
    // A plain scalar: up to a comment, continued on more indented lines.
    let end = plainEnd(t, start, lineEndOffset(t, this.lineStarts, line));
    let value = t.slice(start, end);
    for (let l = line + 1; l <= lastLine; l++) {
      const s = this.lineStarts[l]!;
      const e = lineEndOffset(t, this.lineStarts, l);
      let i = s;
      while (i < e && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
      if (i === e) continue;
      if (t.charCodeAt(i) === 35) break;
      const pe = plainEnd(t, i, e);
      value += ' ' + t.slice(i, pe);
      end = pe;
    }
    return { node: { type: 'scalar', start, end, value, quoted: false }, lastLine: this.lineOf(end, line) };
  }
}

function lastPairOpen(map: TreeMap): boolean {
  const p = map.pairs[map.pairs.length - 1];
  return !!p && p.value === null && p.colon !== -1;
}

function setLastPairValue(map: TreeMap, node: TreeNode): void {
  const p = map.pairs[map.pairs.length - 1]!;
  p.value = node;
}

/** Dashes, key and where the value starts, on one line. */
function scanLine(t: string, s: number, e: number, first: number): LineScan {
  const scan: LineScan = { start: s, end: e, first, dashes: [], value: -1 };
  let i = first;
  while (i < e && t.charCodeAt(i) === 45 /* - */ && (i + 1 === e || t.charCodeAt(i + 1) === 32 || t.charCodeAt(i + 1) === 9)) {
    scan.dashes.push(i);
    i++;
    while (i < e && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
  }
  if (i >= e || t.charCodeAt(i) === 35) return scan;
  const key = keyAt(t, i, e);
  if (key) {
    scan.key = key;
    let v = key.colon;
    while (v < e && (t.charCodeAt(v) === 32 || t.charCodeAt(v) === 9)) v++;
    if (v < e && t.charCodeAt(v) !== 35) scan.value = v;
  } else {
    scan.value = i;
  }
  return scan;
}

/** A `key:` at offset i (plain or quoted), or undefined when the line holds a value there. */
function keyAt(t: string, i: number, e: number): { name: string; start: number; end: number; colon: number } | undefined {
  const c = t.charCodeAt(i);
  if (c === 34 || c === 39) {
    const close = closingQuote(t, i, e);
    if (close === -1) return undefined;
    let j = close + 1;
    while (j < e && t.charCodeAt(j) === 32) j++;
    if (t.charCodeAt(j) === 58 /* : */ && (j + 1 >= e || isSpace(t.charCodeAt(j + 1)))) {
      return { name: unquote(t.slice(i, close + 1)), start: i, end: close + 1, colon: j + 1 };
    }
    return undefined;
  }
  if (c === 91 || c === 123 || c === 124 || c === 62 || c === 35 || c === 38 /* & */ || c === 42 /* * */ || c === 33 /* ! */) return undefined;
  for (let j = i; j < e; j++) {
    const d = t.charCodeAt(j);
    if (d === 58 && (j + 1 === e || isSpace(t.charCodeAt(j + 1)))) {
      const end = trimEnd(t, i, j);
      return { name: t.slice(i, end), start: i, end, colon: j + 1 };
    }
    if (d === 35 && j > i && isSpace(t.charCodeAt(j - 1))) return undefined;
  }
  return undefined;
}
