// A reader for the YAML that people write by hand in this format, and nothing more: one
// document of block maps and sequences, plain and quoted one-line scalars, `|` and `>` block
// scalars, one-line flow sequences and comments. It gives the same values as js-yaml with the
// core schema (its own resolvers decide what a plain scalar means), and notes the span of every
// node as it goes (block-spans.ts), for placing diagnostics (locate.ts) in the file it read last
// without reading it again; another file's are read again, without values, at a third of the
// cost of js-yaml's events.
//
// Anything else gives up: it returns undefined and the caller reads the file with js-yaml (and
// `yaml` for problems). Giving up is always right, so every case that is not plainly understood
// does: tabs, anchors, tags, aliases, multi-line plain or quoted scalars, explicit keys, more
// than one document, `+` chomping, control and astral characters, duplicate keys, and every
// syntax problem. A differential test holds it to js-yaml's values and to `yaml`'s spans.
//
// Why it exists: js-yaml is most of a cold `tam validate` (bench/scale.bench.ts), and reading
// the common shape directly, without a state machine per character, takes a fraction of it.

import { MAPPING, NULL, SCALAR, SEQUENCE, SpanLog, type SpanNode } from './block-spans';
import { closingQuote, doubleQuoted, plainStart, plainValue, RecentPlain, singleQuoted } from './yaml-scalars';

export type { SpanNode } from './block-spans';

export interface BlockRead {
  values: unknown[];
}

/** Thrown to give up; never seen outside this file. */
const GIVE_UP = new Error('not in the subset');

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The spans of the text read last (block-spans.ts). */
const LOG = new SpanLog();

export function readBlockYaml(text: string): BlockRead | undefined {
  return read(text, true);
}

/**
 * The root node of each document of a text readBlockYaml reads, with the span of every node
 * (a scalar's `value` is there for keys only): where a diagnostic goes. Of the text read last,
 * from what that read noted; of another, read again without making values.
 */
export function readBlockSpans(text: string): SpanNode[] | undefined {
  if (LOG.text !== text && !read(text, false)) return undefined;
  return [LOG.tree()];
}

/** The spans the block reader noted, if `text` is the text it read last (else undefined). */
export function notedSpans(text: string): SpanLog | undefined {
  return LOG.text === text ? LOG : undefined;
}

function read(text: string, values: boolean): BlockRead | undefined {
  LOG.reset();
  if (!plainText(text)) return undefined;
  try {
    const value = new Reader(text, values, LOG).document();
    LOG.text = text;
    return { values: [value] };
  } catch {
    return undefined; // GIVE_UP, or a stack too deep: js-yaml says what it is.
  }
}

/**
 * Code units this reader accepts: line feeds, carriage returns before them, printable ASCII,
 * and the BMP's characters past C1 but for the surrogates, U+2028/2029, the BOM and U+FFFE/FFFF.
 * Anything else (tabs, controls, astral characters…) is read by js-yaml, whose way is the rule.
 */
const OUTSIDE = /[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const LONE_CR = /\r(?!\n)/;

function plainText(text: string): boolean {
  // Two tests: the class alone is a fifth quicker than with the line-break alternative.
  return !OUTSIDE.test(text) && (!text.includes('\r') || !LONE_CR.test(text));
}

class Reader {
  private readonly len: number;
  /** The current line: where it starts, where its text ends (before \r\n), where the next starts, its indentation. */
  private ls = 0;
  private le = 0;
  private nl = 0;
  private ind = 0;
  /** The key found by keyAt. */
  private keyName = '';
  private keyValue: unknown;
  private keyStart = 0;
  private keyEnd = 0;
  private keyAfter = 0;
  /** Whether the document's first line (or its `---`) has been read. */
  private started = false;
  /** The end of the last line of the value just read: a block collection's span ends there, as `yaml`'s does. */
  private lastLineEnd = 0;

  constructor(
    private readonly text: string,
    /** Whether to make values; without, only the spans are noted (and keys' values). */
    private readonly values: boolean,
    private readonly log: SpanLog,
  ) {
    this.len = text.length;
    this.load(0);
  }

  /** The document's value (undefined without `values`). */
  document(): unknown {
    if (!this.toContent()) throw GIVE_UP;
    if (this.text.charCodeAt(this.ls) === 37 /* % */ || this.marker(46 /* . */)) throw GIVE_UP;
    const explicitStart = this.marker(DASH);
    this.started = true;
    if (explicitStart) {
      this.endOfLine(this.ls + 3);
      this.load(this.nl);
      if (!this.toContent()) throw GIVE_UP;
    }
    const value = this.blockNode(-1, this.ind);
    if (this.toContent()) throw GIVE_UP; // more than one document, or text after the root
    return value;
  }

  // ── lines ──

  private load(start: number): void {
    const text = this.text;
    this.ls = start;
    const i = start <= this.len ? text.indexOf('\n', start) : -1;
    if (i === -1) {
      this.le = this.len;
      this.nl = this.len + 1;
    } else {
      this.le = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      this.nl = i + 1;
    }
    let p = start;
    while (p < this.le && text.charCodeAt(p) === SPACE) p++;
    this.ind = p - start;
  }

  /** Moves to the next line with content (not blank, not only a comment); false at the end. */
  private toContent(): boolean {
    while (this.ls <= this.len) {
      const first = this.ls + this.ind;
      if (first < this.le && this.text.charCodeAt(first) !== HASH) {
        // A `---` or `...` once the document has begun: another document.
        if (this.started && this.ind === 0 && (this.marker(DASH) || this.marker(46 /* . */))) throw GIVE_UP;
        return true;
      }
      this.load(this.nl);
    }
    return false;
  }

  /** `---` or `...` at the start of the current line, followed by a space or the line's end. */
  private marker(c: number): boolean {
    const t = this.text;
    const at = this.ls;
    return t.charCodeAt(at) === c && t.charCodeAt(at + 1) === c && t.charCodeAt(at + 2) === c && (at + 3 >= this.le || t.charCodeAt(at + 3) === SPACE);
  }

  private skipSpaces(p: number): number {
    while (p < this.le && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** After a value on the current line: only spaces and a comment may follow. */
  private endOfLine(p: number): void {
    const q = this.skipSpaces(p);
    if (q !== this.le && (this.text.charCodeAt(q) !== HASH || q === p)) throw GIVE_UP;
  }

  private isSeqEntry(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 >= this.le || this.text.charCodeAt(p + 1) === SPACE);
  }

  // ── nodes ──

  /** The node that starts at column `col` of the current line, inside a parent indented `parent`. */
  private blockNode(parent: number, col: number): unknown {
    const p = this.ls + col;
    if (this.isSeqEntry(p)) return this.sequence(col);
    if (this.keyAt(p)) return this.mapping(col);
    return this.inlineValue(p, parent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const span = this.log.open(MAPPING, this.keyStart);
    for (;;) {
      const name = this.keyName;
      // The keys of `out` say whether a key comes twice, also in a read without values (whose
      // keys then hold undefined): one way for both reads.
      if (name === '__proto__' || Object.prototype.hasOwnProperty.call(out, name)) throw GIVE_UP;
      this.log.leaf(SCALAR, this.keyStart, this.keyEnd, this.keyValue);
      const after = this.keyAfter;
      const p = this.skipSpaces(after);
      let value: unknown;
      if (p === this.le || this.text.charCodeAt(p) === HASH) {
        value = this.valueBelow(indent, after, true);
      } else {
        value = this.inlineValue(p, indent);
      }
      out[name] = value;
      if (!this.toContent() || this.ind < indent) break;
      if (this.ind > indent || !this.keyAt(this.ls + indent)) throw GIVE_UP;
    }
    this.log.close(span, this.lastLineEnd);
    return out;
  }

  private sequence(col: number): unknown[] {
    const out: unknown[] = [];
    const span = this.log.open(SEQUENCE, this.ls + col);
    for (;;) {
      const dash = this.ls + col;
      const p = this.skipSpaces(dash + 1);
      let item: unknown;
      if (p === this.le || this.text.charCodeAt(p) === HASH) {
        item = this.valueBelow(col, dash + 1, false);
      } else {
        item = this.blockNode(col, p - this.ls);
      }
      out.push(item);
      if (!this.toContent() || this.ind < col) break;
      if (this.ind > col) throw GIVE_UP;
      if (!this.isSeqEntry(this.ls + col)) break; // a key of the map this sequence is the value of
    }
    this.log.close(span, this.lastLineEnd);
    return out;
  }

  /**
   * A value whose line ended after its key or dash: the block below, more indented (or, for a
   * map's value, a sequence at the map's own indentation), else an empty value (a map's only).
   */
  private valueBelow(indent: number, at: number, ofMap: boolean): unknown {
    const lineEnd = this.le;
    this.load(this.nl);
    if (this.toContent()) {
      if (this.ind > indent) return this.blockNode(indent, this.ind);
      if (ofMap && this.ind === indent && this.isSeqEntry(this.ls + indent)) return this.sequence(indent);
    }
    // An empty item (`-` alone): js-yaml may read the lines after it into its sequence.
    if (!ofMap) throw GIVE_UP;
    this.lastLineEnd = lineEnd;
    this.log.leaf(NULL, at, at);
    return null;
  }

  /** A scalar, flow or block-scalar value starting at `p` on the current line; moves past it. */
  private inlineValue(p: number, parent: number): unknown {
    const c = this.text.charCodeAt(p);
    let value: unknown;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const end = this.quotedEnd(p);
      value = this.quoted(p, end);
      this.endOfLine(end);
      this.log.leaf(SCALAR, p, end);
    } else if (c === 91 /* [ */) {
      const items: unknown[] = [];
      const span = this.log.open(SEQUENCE, p);
      const end = this.flowSequence(p, items);
      this.log.close(span, end);
      value = items;
      this.endOfLine(end);
    } else if (c === 123 /* { */) {
      if (this.text.charCodeAt(p + 1) !== 125 /* } */) throw GIVE_UP;
      value = {};
      this.endOfLine(p + 2);
      this.log.leaf(MAPPING, p, p + 2);
    } else if (c === 124 /* | */ || c === 62 /* > */) {
      return this.blockScalar(p, parent);
    } else {
      if (!plainStart(c, this.text.charCodeAt(p + 1))) throw GIVE_UP;
      const end = this.plainEnd(p);
      if (this.values) value = plainValue(this.text.slice(p, end));
      this.log.leaf(SCALAR, p, end);
    }
    this.lastLineEnd = this.le;
    this.load(this.nl);
    return value;
  }

  /** Where a plain scalar on the current line ends: before a comment and trailing spaces. */
  private plainEnd(p: number): number {
    const t = this.text;
    let end = this.le;
    for (let i = p + 1; i < this.le; i++) {
      const c = t.charCodeAt(i);
      if (c === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SPACE)) throw GIVE_UP; // a map where a scalar must be
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
    }
    while (t.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /** The offset after the closing quote of the quoted scalar at `p`, which must close on its line. */
  private quotedEnd(p: number): number {
    const close = closingQuote(this.text, p, this.le);
    if (close === -1) throw GIVE_UP; // a quoted scalar over several lines
    return close + 1;
  }

  /** The value of the quoted scalar from `p` to `end`, just after its closing quote. */
  private quoted(p: number, end: number): string {
    const t = this.text;
    if (t.charCodeAt(p) === 39) return singleQuoted(t, p + 1, end - 1);
    const value = doubleQuoted(t, p + 1, end - 1);
    if (value === undefined) throw GIVE_UP; // an escape YAML does not have
    return value;
  }

  /** `[a, "b", 'c']` on one line, of scalars only. Returns the offset after `]`. */
  private flowSequence(p: number, items: unknown[]): number {
    const t = this.text;
    let i = this.skipSpaces(p + 1);
    if (t.charCodeAt(i) === 93 /* ] */) return i + 1;
    for (;;) {
      const c = t.charCodeAt(i);
      let end: number;
      let value: unknown;
      if (c === 34 || c === 39) {
        end = this.quotedEnd(i);
        value = this.quoted(i, end);
      } else {
        const next = t.charCodeAt(i + 1);
        if (!plainStart(c, next) || (c === DASH && (next === 44 || next === 93))) throw GIVE_UP;
        end = i;
        while (end < this.le) {
          const d = t.charCodeAt(end);
          if (d === 44 /* , */ || d === 93 /* ] */) break;
          if (d === 91 || d === 123 || d === 125 || d === COLON || d === HASH) throw GIVE_UP;
          end++;
        }
        while (t.charCodeAt(end - 1) === SPACE) end--;
        if (this.values) value = plainValue(t.slice(i, end));
      }
      items.push(value);
      this.log.leaf(SCALAR, i, end);
      i = this.skipSpaces(end);
      const d = t.charCodeAt(i);
      if (i >= this.le) throw GIVE_UP;
      if (d === 93) return i + 1;
      if (d !== 44) throw GIVE_UP;
      i = this.skipSpaces(i + 1);
      if (i >= this.le || t.charCodeAt(i) === 93) throw GIVE_UP; // a trailing comma, or more lines
    }
  }

  /**
   * `|` or `>`, with `-` or no chomping indicator and no indentation indicator. Its lines are
   * those after the header that are blank or indented at least as its first line, which must
   * be indented more than `parent`. A folded scalar with more-indented lines gives up. Moves
   * past its lines, as inlineValue does past its one.
   */
  private blockScalar(p: number, parent: number): string {
    const t = this.text;
    const literal = t.charCodeAt(p) === 124;
    let q = p + 1;
    let strip = false;
    if (t.charCodeAt(q) === DASH) {
      strip = true;
      q++;
    }
    this.endOfLine(q);
    this.load(this.nl);
    let n = -1;
    let out = '';
    let lines = 0;
    let empties = 0;
    let lastEnd = q;
    while (this.ls <= this.len) {
      const blank = this.ind === this.le - this.ls;
      if (blank) {
        if (n === -1 || this.ind > n) throw GIVE_UP; // leading blank lines, or spaces that are content
        empties++;
        this.load(this.nl);
        continue;
      }
      if (n === -1) {
        if (this.ind <= parent || this.ind === 0) throw GIVE_UP; // an empty block scalar, or one at the root
        n = this.ind;
      } else if (this.ind < n) break;
      if (!literal && this.ind > n) throw GIVE_UP;
      const line = t.slice(this.ls + n, this.le);
      if (lines++ === 0) out = line;
      else if (literal) out += '\n'.repeat(empties + 1) + line;
      else out += (empties ? '\n'.repeat(empties) : ' ') + line;
      empties = 0;
      lastEnd = this.le;
      this.load(this.nl);
    }
    if (n === -1) throw GIVE_UP;
    this.lastLineEnd = lastEnd;
    while (lastEnd > p && t.charCodeAt(lastEnd - 1) === SPACE) lastEnd--;
    const value = strip ? out : out + '\n';
    this.log.leaf(SCALAR, p, lastEnd);
    return value;
  }

  /**
   * Whether a map key starts at `p`: a plain key of letters, digits, `_`, `-`, `.`, `/` and
   * spaces, or a quoted key, followed by `:` and a space or the line's end. Sets the key fields.
   */
  private keyAt(p: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = closingQuote(t, p, this.le);
      if (close === -1) return false;
      const end = close + 1;
      if (t.charCodeAt(end) !== COLON || (end + 1 < this.le && t.charCodeAt(end + 1) !== SPACE)) return false;
      this.keyValue = this.keyName = this.quoted(p, end);
      this.keyStart = p;
      this.keyEnd = end;
      this.keyAfter = end + 1;
      return true;
    }
    if (!keyChar(c) || c === SPACE || c === DASH || c === 46 || c === 47) return false;
    for (let i = p + 1; i < this.le; i++) {
      const d = t.charCodeAt(i);
      if (d === COLON) {
        if (i + 1 < this.le && t.charCodeAt(i + 1) !== SPACE) return false;
        let end = i;
        while (t.charCodeAt(end - 1) === SPACE) end--;
        const value = KEYS.values[KEYS.slot(t, p, end)];
        this.keyValue = value;
        this.keyName = typeof value === 'string' ? value : String(value);
        this.keyStart = p;
        this.keyEnd = end;
        this.keyAfter = i + 1;
        return true;
      }
      if (!keyChar(d)) return false;
    }
    return false;
  }
}

/**
 * Plain keys read lately: the same few dozen names make up every file, and one met again is
 * neither cut out of the text nor resolved again, nor made unique anew as a property name.
 * Reading every file took 130 instead of 230 ms. (Values were tried too: most are met once, and
 * keeping the short ones cost more than it saved.)
 */
const KEYS = new RecentPlain(512);

function keyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46 || c === 47 || c === SPACE;
}

