// What a YAML scalar written on one line means, as js-yaml reads it with the core schema: a
// plain scalar through js-yaml's own resolvers, a double-quoted one with YAML's escapes, and
// where a quote closes. Used by the block reader (block-yaml.ts); `closingQuote` also by the
// editor's lenient tree (service/yaml-tree).

import * as jsYaml from 'js-yaml';
import { ownString } from './own-strings';

/** The core schema's implicit types, in the order js-yaml tries them on a plain scalar (its typings omit `types`). */
const TYPES = (jsYaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', jsYaml.Type> }).types;
export const IMPLICIT: readonly jsYaml.Type[] = [TYPES.null, TYPES.bool, TYPES.int, TYPES.float];

/** What a plain scalar means: js-yaml's core-schema resolvers, skipped when no resolver could match. */
export function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // null: ~ null Null NULL; bool: true… false…; int and float: a sign, a digit or a dot first.
  const maybe = c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57);
  if (!maybe) return s;
  // Nor can a ':' (a time, a timestamp), nor a '-' but first or after an exponent's e (a date):
  // the two kinds of plain scalar a TAM writes most often, and four calls each without this.
  if (s.includes(':')) return s;
  const dash = s.indexOf('-', 1);
  if (dash !== -1 && (s.charCodeAt(dash - 1) | 32) !== 101) return s;
  for (const type of IMPLICIT) if (type.resolve(s)) return type.construct(s);
  return s;
}

/** Plain scalars read lately, each in a slot that its length and three of its characters choose. */
export class RecentPlain {
  private readonly texts: (string | undefined)[];
  /** What each slot's scalar means (plainValue). */
  readonly values: unknown[];

  /** `size`: a power of two. */
  constructor(private readonly size: number) {
    this.texts = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<unknown>(size).fill(undefined);
  }

  /** The slot of the plain scalar from `p` to `end` of `t`, filled with it if it held another. */
  slot(t: string, p: number, end: number): number {
    const length = end - p;
    const slot = (length * 97 + t.charCodeAt(p) * 31 + t.charCodeAt(end - 1) * 7 + t.charCodeAt(p + (length >> 1))) & (this.size - 1);
    const known = this.texts[slot];
    if (known === undefined || known.length !== length || !t.startsWith(known, p)) {
      // A copy of its own: a view into the text would keep the file's text alive.
      const raw = ownString(t.slice(p, end));
      this.texts[slot] = raw;
      this.values[slot] = plainValue(raw);
    }
    return slot;
  }
}

/**
 * Whether a plain scalar may start with `c` (followed by `next`): not with an indicator, and
 * not with `-` before a space or the line's end. Stricter than YAML (`?x`, `:x` are refused).
 */
export function plainStart(c: number, next: number): boolean {
  switch (c) {
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 63: // ?
    case 58: // :
      return false;
    case 45: // -
      return next === next && next !== 32 && next !== 10 && next !== 13;
    default:
      return true;
  }
}

/** Offset of the quote that closes the one at `i`, before `limit`, or -1. */
export function closingQuote(t: string, i: number, limit: number): number {
  const q = t.charCodeAt(i);
  for (let j = i + 1; j < limit; j++) {
    const c = t.charCodeAt(j);
    if (q === 34 && c === 92 /* \ */) {
      j++;
      continue;
    }
    if (c === q) {
      if (q === 39 && t.charCodeAt(j + 1) === 39) {
        j++;
        continue;
      }
      return j;
    }
  }
  return -1;
}

/** The text between the quotes of a one-line single-quoted scalar. */
export function singleQuoted(t: string, from: number, to: number): string {
  return t.slice(from, to).replaceAll("''", "'");
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * The text between the quotes of a one-line double-quoted scalar, its escapes read; undefined
 * for an escape YAML does not have, or one that names a surrogate or no character.
 */
export function doubleQuoted(t: string, from: number, to: number): string | undefined {
  const slash = t.indexOf('\\', from);
  if (slash === -1 || slash >= to) return t.slice(from, to);
  let out = t.slice(from, slash);
  let i = slash;
  while (i < to) {
    if (t.charCodeAt(i) !== 92) {
      const next = t.indexOf('\\', i);
      const stop = next === -1 || next > to ? to : next;
      out += t.slice(i, stop);
      i = stop;
      continue;
    }
    const e = t[i + 1]!;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (!digits) return undefined;
    const hex = t.slice(i + 2, i + 2 + digits);
    if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const code = parseInt(hex, 16);
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += 2 + digits;
  }
  return out;
}
