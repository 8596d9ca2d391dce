// From a node's address (document and path) to its range in the text. Rules speak in paths,
// so that files without diagnostics are never parsed with positions; this file parses with
// positions only the files that need a range, and keeps the ranges short: a key, a scalar,
// or the first line of a block, never the rest of the file.
//
// Positions come from the block reader (block-yaml.ts) for the YAML it reads, from js-yaml's
// node events for the rest, and from `yaml` when neither can (aliases, syntax problems). The
// events cost a tenth of a `yaml` document (bench/yaml-readers.ts: 0.038 against 0.41 ms for a
// typical incident, 3.2 against 56 ms for the 2 000-line chain), the block reader's spans about
// a third of the events (0.010 ms, 0.79 ms). The editor's lenient tree (service/yaml-tree) is
// as quick but only approximates YAML (tags, anchors, aliases and most escapes are not read),
// so the ranges of diagnostics come from real parsers. A differential test checks that
// both give the same ranges on every node of a corpus.

import * as jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Path, Range } from '../model';
import { MAPPING, NULL, SCALAR, SEQUENCE, type SpanLog } from './block-spans';
import { notedSpans, readBlockSpans, type SpanNode } from './block-yaml';
import { lineEndOffset, lineStartsOf, parsePrecise, positionAt, rangeOnLine, usesAliases, type PreciseFile } from './parse';

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
  // `key:` with nothing after it has an empty scalar; there is nothing to point at but the key.
  const empty = isScalar(valueNode) && valueNode.range?.[0] === valueNode.range?.[1];
  if (!empty && valueNode && typeof valueNode === 'object' && 'range' in valueNode && valueNode.range) {
    span.value = [valueNode.range[0], valueNode.range[1]];
  }
  return span;
}

/** A node as js-yaml's events show it: the same shape block-yaml.ts gives. */
type EventNode = SpanNode;

/** The documents of a text as node trees with spans, or undefined when js-yaml cannot read it. */
export function eventTrees(text: string): EventNode[] | undefined {
  const root: EventNode = { start: 0, end: 0, kind: null, children: [] };
  const stack: EventNode[] = [root];
  try {
    jsYaml.loadAll(text, () => undefined, {
      schema: jsYaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ start: state.position, end: state.position, kind: null, children: [] });
          return;
        }
        const node = stack.pop()!;
        node.end = state.position;
        node.kind = state.kind as EventNode['kind'];
        if (state.kind === 'scalar') node.value = state.result;
        trimSpan(text, node);
        // A flow collection in block context is reported twice, once around the other.
        const only = node.children.length === 1 ? node.children[0]! : undefined;
        const parent = stack[stack.length - 1]!;
        parent.children.push(only && only.kind === node.kind && only.start === node.start && only.end === node.end ? only : node);
      },
    });
  } catch {
    return undefined;
  }
  return root.children;
}

/** Events start before the spaces, comments and line breaks that precede a node; skip them. */
function trimSpan(text: string, node: EventNode): void {
  let s = node.start;
  let e = node.end;
  for (;;) {
    const c = text.charCodeAt(s);
    if (s < e && (c === 32 || c === 9 || c === 10 || c === 13)) s++;
    else if (s < e && c === 35 /* # */ && (s === 0 || /\s/.test(text[s - 1]!))) {
      while (s < e && text.charCodeAt(s) !== 10) s++;
    } else break;
  }
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (node.kind === 'scalar' || node.kind === null) {
    // A plain scalar's event ends after trailing spaces and a comment on its line.
    const hash = text.slice(s, e).search(/\s#/);
    if (hash !== -1 && !/^["']/.test(text[s]!)) e = s + hash;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
  }
  if ((node.kind === 'mapping' || node.kind === 'sequence') && node.children.length && text[s] !== '[' && text[s] !== '{') {
    // A block collection ends with its last item, not with the comments that follow it.
    e = Math.min(e, Math.max(...node.children.map((c) => c.end)));
  }
  node.start = s;
  node.end = e;
}

/** The span of the node at `path` in an event tree, in the same terms as spanAt. */
function eventSpanAt(doc: EventNode | undefined, path: Path): NodeSpan | undefined {
  let node = doc;
  let key: EventNode | undefined;
  let exact = true;
  for (const segment of path) {
    if (!node) break;
    let next: EventNode | undefined;
    let nextKey: EventNode | undefined;
    if (node.kind === 'mapping' && typeof segment === 'string') {
      for (let i = 0; i + 1 < node.children.length; i += 2) {
        if (node.children[i]!.kind === 'scalar' && String(node.children[i]!.value) === segment) {
          nextKey = node.children[i];
          next = node.children[i + 1];
          break;
        }
      }
    } else if (node.kind === 'sequence' && typeof segment === 'number') {
      next = node.children[segment];
    }
    if (!next) {
      exact = false;
      break;
    }
    node = next;
    key = nextKey;
    if (next.kind === null) break; // `key:` with an empty value
  }
  if (!node) return undefined;
  const span: NodeSpan = { exact, collection: node.kind === 'mapping' || node.kind === 'sequence' };
  if (key) span.key = [key.start, key.end];
  if (node.kind !== null) span.value = [node.start, node.end];
  return span;
}

/**
 * eventSpanAt on the spans the block reader noted of its one document, walked where they lie:
 * no tree is made (building one per placed diagnostic was a seventh of what a cold run with
 * findings allocated).
 */
function notedSpanAt(log: SpanLog, path: Path): NodeSpan {
  let node = 0;
  let key = -1;
  let exact = true;
  for (const segment of path) {
    const end = log.after(node);
    let next = -1;
    let nextKey = -1;
    if (log.kind(node) === MAPPING && typeof segment === 'string') {
      // The children are key, value, key, value…
      for (let k = node + 1; k < end; ) {
        const v = log.after(k);
        if (v >= end) break;
        if (log.kind(k) === SCALAR && String(log.key(k)) === segment) {
          nextKey = k;
          next = v;
          break;
        }
        k = log.after(v);
      }
    } else if (log.kind(node) === SEQUENCE && typeof segment === 'number' && Number.isInteger(segment) && segment >= 0) {
      let c = node + 1;
      for (let i = 0; i < segment && c < end; i++) c = log.after(c);
      if (c < end) next = c;
    }
    if (next === -1) {
      exact = false;
      break;
    }
    node = next;
    key = nextKey;
    if (log.kind(node) === NULL) break; // `key:` with an empty value
  }
  const kind = log.kind(node);
  const span: NodeSpan = { exact, collection: kind === MAPPING || kind === SEQUENCE };
  if (key !== -1) span.key = [log.start(key), log.end(key)];
  if (kind !== NULL) span.value = [log.start(node), log.end(node)];
  return span;
}

/** Turns addresses in one file into ranges; parses the file with positions once, on demand. */
export class Locator {
  private precise?: PreciseFile;
  private events?: EventNode[] | null;
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    precise?: PreciseFile,
  ) {
    this.precise = precise;
    this.lineStarts = precise?.lineStarts ?? lineStartsOf(text);
  }

  range(doc: number, path: Path, part: 'key' | 'value' = 'value'): Range {
    const span = this.span(doc, path);
    if (!span) return this.lineRange(0);
    // A missing node is shown at the key of its closest existing parent.
    const wantKey = part === 'key' || !span.exact;
    const chosen = (wantKey ? span.key ?? span.value : span.value ?? span.key) ?? this.documentStart(doc);
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

  /** The node's span: from the block reader's or js-yaml's trees when they can be had, else from the `yaml` document. */
  span(doc: number, path: Path): NodeSpan | undefined {
    if (!this.precise) {
      if (this.events === undefined) {
        // The text just read by the block reader: its noted spans, while they are this text's.
        const noted = notedSpans(this.text);
        if (noted) return doc === 0 ? notedSpanAt(noted, path) : undefined;
      }
      if (this.events === undefined) this.events = readBlockSpans(this.text) ?? (usesAliases(this.text) ? null : eventTrees(this.text) ?? null);
      if (this.events) return eventSpanAt(this.events[doc], path);
    }
    const parsed = this.parsed().docs[doc];
    return parsed ? spanAt(parsed, path) : undefined;
  }

  private documentStart(doc: number): [number, number] | undefined {
    const parsed = this.parsed().docs[doc];
    return parsed ? documentStart(parsed) : undefined;
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
