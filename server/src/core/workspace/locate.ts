// From a node's address (document and path) to its range in the text. Rules speak in paths,
// so that files without diagnostics are never parsed with positions; this file runs the
// precise parser only for the files that need a range, and keeps the ranges short: a key,
// a scalar, or the first line of a block, never the rest of the file.

import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Path, Range } from '../model';
import { lineEndOffset, lineStartsOf, parsePrecise, positionAt, rangeOnLine, type PreciseFile } from './parse';

export interface NodeSpan {
  /** The pair's key, when the path ends at a map entry. */
  key?: [number, number];
  /** The value node, when present. */
  value?: [number, number];
  /** Whether the whole path was found; if not, the span is the deepest existing node's. */
  exact: boolean;
  /** For collections: whether the value is a block map or sequence. */
  collection: boolean;
}

/** Finds the spans of the node at `path` inside a parsed document. */
export function spanAt(doc: Document.Parsed, path: Path): NodeSpan {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  let exact = true;
  for (const segment of path) {
    let next: unknown;
    let nextPair: Pair | undefined;
    if (isMap(node) && typeof segment === 'string') {
      nextPair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment) as Pair | undefined;
      next = nextPair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined && nextPair === undefined) {
      exact = false;
      break;
    }
    node = next;
    pair = nextPair;
    if (next === null || next === undefined) {
      // `key:` with nothing after it: the pair exists, its value is empty.
      break;
    }
  }
  const span: NodeSpan = { exact, collection: isMap(node) || isSeq(node) };
  const keyNode = pair?.key as Node | undefined;
  if (keyNode?.range) span.key = [keyNode.range[0], keyNode.range[1]];
  const valueNode = node as Node | undefined;
  if (valueNode && typeof valueNode === 'object' && 'range' in valueNode && valueNode.range) {
    span.value = [valueNode.range[0], valueNode.range[1]];
  }
  return span;
}

/** Turns addresses in one file into ranges; parses the file with positions once, on demand. */
export class Locator {
  private precise?: PreciseFile;
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    precise?: PreciseFile,
  ) {
    this.precise = precise;
    this.lineStarts = precise?.lineStarts ?? lineStartsOf(text);
  }

  range(doc: number, path: Path, part: 'key' | 'value' = 'value'): Range {
    const parsed = this.parsed().docs[doc];
    if (!parsed) return this.lineRange(0);
    const span = spanAt(parsed, path);
    // A missing node is shown at the key of its closest existing parent.
    const wantKey = part === 'key' || !span.exact;
    const chosen = (wantKey ? span.key ?? span.value : span.value ?? span.key) ?? documentStart(parsed);
    if (!chosen) return this.lineRange(0);
    const [start, end] = chosen;
    if (!wantKey && span.collection) {
      // A block map or sequence: its first line is enough to show where it is.
      const line = positionAt(this.lineStarts, start).line;
      return rangeOnLine(this.text, this.lineStarts, start, lineEndOffset(this.text, this.lineStarts, line));
    }
    return rangeOnLine(this.text, this.lineStarts, start, end);
  }

  /** The whole of the given zero-based line, trimmed of indentation. */
  lineRange(line: number): Range {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    const start = this.lineStarts[l]!;
    const end = lineEndOffset(this.text, this.lineStarts, l);
    let s = start;
    while (s < end && (this.text.charCodeAt(s) === 32 || this.text.charCodeAt(s) === 9)) s++;
    return { start: positionAt(this.lineStarts, s), end: positionAt(this.lineStarts, end) };
  }

  private parsed(): PreciseFile {
    this.precise ??= parsePrecise(this.text, this.lineStarts);
    return this.precise;
  }
}

/** For a document-level problem: the `kind` key when there is one, else the document's first node. */
function documentStart(doc: Document.Parsed): [number, number] | undefined {
  const contents = doc.contents as Node | null;
  if (isMap(contents)) {
    const kind = contents.items.find((p) => isScalar(p.key) && p.key.value === 'kind');
    const key = kind?.key as Node | undefined;
    if (key?.range) return [key.range[0], key.range[1]];
  }
  if (contents?.range) return [contents.range[0], contents.range[0]];
  return undefined;
}
