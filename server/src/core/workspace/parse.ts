// YAML text → documents as plain values, with the syntax problems at exact, short ranges.
//
// Three readers serve here (the editor's lenient tree, service/yaml-tree, is a fourth).
// Figures from bench/yaml-readers.ts (2 shared cores, median ms per parse):
// - block-yaml.ts, the first try: the subset of YAML people write in these files, read at
//   about twice js-yaml's speed with the same values; it gives up on anything else.
// - js-yaml, the fast path: values only, no positions. Most files of a big workspace are valid
//   and have no diagnostic, so their positions are never needed. 0.024 ms for a typical
//   incident against 0.41 ms with `yaml` (10 000 incidents: 0.24 s against 4.1 s), 2.0 ms against
//   56 ms for the 2 000-line chain. It stops at the first syntax problem and gives no value then.
// - `yaml`, the precise path: every node's range, every syntax problem with its own range, the
//   partial value of a broken document (so a half-typed chain keeps its entities), and a bound
//   on alias expansion. It runs when a file has a syntax problem or uses anchors and aliases,
//   and when a diagnostic must be placed in such a file (see locate.ts). No other reader here
//   reports problems, so it pays by what it says, not by its speed.
// Differential tests check that they agree (parse.test.ts, block-yaml.test.ts).

import * as jsYaml from 'js-yaml';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Range } from '../model';
import { readBlockYaml } from './block-yaml';
import { ownStrings } from './own-strings';

export interface ParsedDocument {
  index: number;
  /** The document as plain data; undefined when it could not be read at all. */
  value: unknown;
  /** Zero-based line where the document starts (its `---`, or its first comment). */
  startLine: number;
  /** Whether the document has a syntax problem: its value may be partial. */
  broken: boolean;
}

export interface SyntaxProblem {
  range: Range;
  message: string;
  /** The document it belongs to, when known. */
  doc?: number;
}

export interface ParsedFile {
  docs: ParsedDocument[];
  problems: SyntaxProblem[];
  /** Offsets where each line starts; shared with locate.ts. */
  lineStarts: number[];
  /**
   * The `yaml` documents, when the precise parser had to read the file (a syntax problem,
   * aliases): kept so that placing its diagnostics does not parse it a second time.
   */
  precise?: PreciseFile;
}

export interface PreciseFile {
  docs: Document.Parsed[];
  lineStarts: number[];
}

/** Past this many alias expansions a document is treated as an entity-expansion attack. */
const MAX_ALIAS_COUNT = 1000;
/** Only the first syntax problems of a file are shown: the rest are usually echoes. */
const MAX_PROBLEMS_PER_FILE = 20;

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}

/** A range that never runs past the end of its first line: a problem is shown where it is. */
export function rangeOnLine(text: string, lineStarts: readonly number[], start: number, end: number): Range {
  const s = positionAt(lineStarts, Math.min(start, text.length));
  const lineEnd = lineEndOffset(text, lineStarts, s.line);
  let e = Math.min(Math.max(end, start), lineEnd);
  if (e === start && start < lineEnd) e = start + 1;
  return { start: s, end: positionAt(lineStarts, e) };
}

export function lineEndOffset(text: string, lineStarts: readonly number[], line: number): number {
  const next = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
  return next > 0 && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
}

/** `transient`: the values will be let go of soon, so they are not made compact (own-strings.ts). */
export function parseYaml(text: string, transient = false): ParsedFile {
  const conflict = conflictMarker(text);
  if (conflict) return { docs: [], problems: [conflict], lineStarts: lineStartsOf(text) };
  // The block reader reads one document, which starts on line 0 as documentSegments counts.
  const block = readBlockYaml(text)?.values;
  if (block) {
    if (!transient) ownStrings(block);
    return new ReadFile(text, [{ index: 0, value: block[0], startLine: 0, broken: false }]);
  }
  const lineStarts = lineStartsOf(text);
  const segments = documentSegments(text, lineStarts);
  const fast = parseFast(text, segments, transient);
  if (fast) return { docs: fast, problems: [], lineStarts };
  return parseWithProblems(text, lineStarts, segments);
}

/** A file read without problems, whose line table is made only if something asks for it (a suppression comment). */
class ReadFile implements ParsedFile {
  readonly problems: SyntaxProblem[] = [];
  private starts?: number[];

  constructor(
    private readonly text: string,
    readonly docs: ParsedDocument[],
  ) {}

  get lineStarts(): number[] {
    this.starts ??= lineStartsOf(this.text);
    return this.starts;
  }
}

/** Parses with positions kept: for locating nodes and for the language server's open files. */
export function parsePrecise(text: string, lineStarts = lineStartsOf(text)): PreciseFile {
  const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: true, logLevel: 'error' }) as unknown;
  // parseAllDocuments returns an EmptyStream (an array with no documents) for empty input.
  return { docs: Array.isArray(docs) ? (docs as Document.Parsed[]) : [], lineStarts };
}

/** Values by js-yaml; undefined when `yaml` must say what is wrong (or expand aliases). */
function parseFast(text: string, segments: number[], transient: boolean): ParsedDocument[] | undefined {
  if (usesAliases(text)) return undefined;
  const values: unknown[] = [];
  try {
    jsYaml.loadAll(text, (v) => values.push(v), { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined; // a syntax problem, or something js-yaml reads differently: let `yaml` say what.
  }
  if (values.length !== segments.length) return undefined;
  if (!transient) ownStrings(values);
  return values.map((value, index) => ({ index, value, startLine: segments[index]!, broken: false }));
}

function parseWithProblems(text: string, lineStarts: number[], segments: number[]): ParsedFile {
  const problems: SyntaxProblem[] = [];
  let precise: PreciseFile;
  try {
    precise = parsePrecise(text, lineStarts);
  } catch (e) {
    return { docs: [], problems: [{ range: rangeOnLine(text, lineStarts, 0, 0), message: unparseable(e) }], lineStarts };
  }
  const docs = precise.docs.map((doc, index): ParsedDocument => {
    const startLine = segments.length === precise.docs.length ? segments[index]! : positionAt(lineStarts, doc.range[0]).line;
    for (const err of doc.errors) {
      if (problems.length >= MAX_PROBLEMS_PER_FILE) break;
      problems.push({ range: problemRange(text, lineStarts, err.pos[0], err.pos[1]), message: cleanMessage(err.message), doc: index });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      problems.push({ range: rangeOnLine(text, lineStarts, doc.range[0], doc.range[0]), message: unparseable(e), doc: index });
      return { index, value: undefined, startLine, broken: true };
    }
    return { index, value, startLine, broken: doc.errors.length > 0 };
  });
  return { docs, problems, lineStarts, precise };
}

/**
 * Where to show a syntax problem. Some are found only at the end of the file (a quote never
 * closed): those are shown on the last line that has text, not on an empty line past it.
 */
function problemRange(text: string, lineStarts: readonly number[], start: number, end: number): Range {
  const contentEnd = text.trimEnd().length;
  if (start < contentEnd || contentEnd === 0) return rangeOnLine(text, lineStarts, start, end);
  const line = positionAt(lineStarts, contentEnd - 1).line;
  let from = lineStarts[line]!;
  while (from < contentEnd && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  return rangeOnLine(text, lineStarts, from, contentEnd);
}

/**
 * First line of each document, found by scanning for `---` and `...` markers. It agrees with
 * the parsers' document count on every file that parses; when it does not, the caller falls
 * back to the precise parser's own ranges.
 */
export function documentSegments(text: string, lineStarts: readonly number[]): number[] {
  const starts: number[] = [];
  let start = 0;
  let explicit = false;
  let content = false;
  for (let line = 0; line < lineStarts.length; line++) {
    const at = lineStarts[line]!;
    const c0 = text.charCodeAt(at);
    if (c0 === 45 /* - */ && text.startsWith('---', at) && isBreak(text.charCodeAt(at + 3))) {
      if (explicit || content) {
        starts.push(start);
        start = line;
      }
      explicit = true;
      content = lineHasContent(text, at + 3, lineEndOffset(text, lineStarts, line));
    } else if (c0 === 46 /* . */ && text.startsWith('...', at) && isBreak(text.charCodeAt(at + 3))) {
      if (explicit || content) starts.push(start);
      start = line + 1;
      explicit = false;
      content = false;
    } else if (!content && c0 !== 37 /* % */ && lineHasContent(text, at, lineEndOffset(text, lineStarts, line))) {
      content = true;
    }
  }
  if (explicit || content) starts.push(start);
  return starts;
}

function isBreak(c: number): boolean {
  return Number.isNaN(c) || c === 10 || c === 13 || c === 32 || c === 9;
}

function lineHasContent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c !== 35; /* # */
  }
  return false;
}


export function usesAliases(text: string): boolean {
  return /(^|[\s[{,:-])&[^\s,[\]{}]/.test(text) && /(^|[\s[{,:-])\*[^\s,[\]{}]/.test(text);
}

/** Git conflict markers: reported once, without parsing a file that cannot be meant. */
function conflictMarker(text: string): SyntaxProblem | undefined {
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return undefined;
  const m = /^(<{7}|>{7})(?: |$)/m.exec(text);
  if (!m) return undefined;
  const range = rangeOnLine(text, lineStartsOf(text), m.index, m.index + 7);
  return { range, message: 'unresolved Git merge conflict: resolve the conflict markers (<<<<<<<, =======, >>>>>>>) first' };
}

function unparseable(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'document is nested too deeply to read';
  const message = e instanceof Error ? e.message : String(e);
  if (/alias/i.test(message)) return `document expands too many aliases (more than ${MAX_ALIAS_COUNT}); is this an alias bomb?`;
  return `cannot read document: ${cleanMessage(message)}`;
}

/** The `yaml` package appends a code frame and a position to messages; the range says that already. */
function cleanMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  return first.charAt(0).toLowerCase() + first.slice(1);
}
