// Edits of a YAML text that keep its style and change nothing else: a value replaced in the
// quotes it was written in; a key added at the end of its map, on a line of its own at the
// map's indentation in a block map, after a comma in a flow map; an item appended to a list in
// the form of the item before it (a `- { … }` line, a block map, or inside `[ … ]`). Comments,
// blank lines and line endings stay where they are.

import type { TextEdit } from '../../core/diagnostic';
import type { TextModel } from '../text-model';
import { findPair, type TreeMap, type TreeNode, type TreeScalar, type TreeSeq } from '../yaml-tree';

/** How a new scalar is written: plain, or in the quotes a value beside it uses. */
export type Quote = '' | '"' | "'";

/** A key and its value, and the quotes to write the value in when it is new. */
export interface Field {
  key: string;
  value: string;
  quote?: Quote;
}

/** The quotes a scalar is written in. */
export function quoteOf(model: TextModel, node: TreeNode | null | undefined): Quote {
  if (node?.type !== 'scalar' || !node.quoted) return '';
  const c = model.text[node.start];
  return c === '"' || c === "'" ? c : '';
}

function written(value: string, quote: Quote): string {
  return quote ? `${quote}${value}${quote}` : value;
}

function eol(model: TextModel): string {
  return model.text.includes('\r\n') ? '\r\n' : '\n';
}

/** A block scalar (`|`, `>`) cannot be replaced by a one-line value in place. */
function isBlockScalar(model: TextModel, node: TreeScalar): boolean {
  const c = model.text[node.start];
  return c === '|' || c === '>';
}

/**
 * Sets fields of a map: a value that exists is replaced in its own quotes; a key written
 * without a value gets one; a missing key is added at the end of the map. Undefined when a
 * field cannot be set in place (its value is a list, a map or a block scalar).
 */
export function setFields(model: TextModel, map: TreeMap, fields: readonly Field[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const added: Field[] = [];
  for (const field of fields) {
    const pair = findPair(map, field.key);
    if (!pair) {
      added.push(field);
      continue;
    }
    const value = pair.value;
    if (!value) {
      edits.push(insertAt(model, pair.colon, ` ${written(field.value, field.quote ?? '')}`));
    } else if (value.type === 'scalar' && !isBlockScalar(model, value)) {
      if (value.value !== field.value) edits.push({ file: model.file, range: model.range(value.start, value.end), newText: written(field.value, quoteOf(model, value)) });
    } else {
      return undefined;
    }
  }
  if (added.length) {
    const insertion = addPairs(model, map, added);
    if (!insertion) return undefined;
    edits.push(insertion);
  }
  return edits;
}

/** New pairs at the end of a map, in its style. */
function addPairs(model: TextModel, map: TreeMap, fields: readonly Field[]): TextEdit | undefined {
  const text = (f: Field) => `${f.key}: ${written(f.value, f.quote ?? '')}`;
  const last = map.pairs[map.pairs.length - 1];
  if (map.flow) {
    if (!last) return insertAt(model, map.end - 1, fields.map(text).join(', '));
    return insertAt(model, last.value ? last.value.end : last.colon, fields.map((f) => `, ${text(f)}`).join(''));
  }
  if (!last) return undefined;
  const indent = ' '.repeat(model.positionAt(map.pairs[0]!.keyStart).character);
  return insertAt(model, endOfLine(model, lastOffset(last.end, last.keyEnd)), fields.map((f) => `${eol(model)}${indent}${text(f)}`).join(''));
}

/**
 * Appends an item to a list, written like the item before it: in a flow list inside the
 * brackets, in a block list as a `- { … }` line or a block map, whichever the last item is.
 */
export function appendItem(model: TextModel, seq: TreeSeq, fields: readonly Field[]): TextEdit | undefined {
  const flowMap = (fs: readonly Field[]) => `{ ${fs.map((f) => `${f.key}: ${written(f.value, f.quote ?? '')}`).join(', ')} }`;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    if (!last?.node) return insertAt(model, seq.end - 1, flowMap(fields));
    return insertAt(model, last.node.end, `, ${flowMap(fields)}`);
  }
  if (!last?.node) return undefined;
  const nl = eol(model);
  const dash = ' '.repeat(model.positionAt(last.start).character);
  const at = endOfLine(model, lastOffset(last.end, last.node.end));
  if (last.node.type === 'map' && !last.node.flow && last.node.pairs.length) {
    const keyColumn = model.positionAt(last.node.pairs[0]!.keyStart).character;
    const afterDash = ' '.repeat(Math.max(1, keyColumn - dash.length - 1));
    const lines = fields.map((f, i) => `${i === 0 ? `${dash}-${afterDash}` : ' '.repeat(keyColumn)}${f.key}: ${written(f.value, f.quote ?? '')}`);
    return insertAt(model, at, lines.map((l) => nl + l).join(''));
  }
  return insertAt(model, at, `${nl}${dash}- ${flowMap(fields)}`);
}

/** A list as the value of a key that has none yet (`timeline:`), or the key and the list at the end of a block map. */
export function addList(model: TextModel, map: TreeMap, key: string, fields: readonly Field[]): TextEdit | undefined {
  if (map.flow || !map.pairs.length) return undefined;
  const nl = eol(model);
  const column = model.positionAt(map.pairs[0]!.keyStart).character;
  const item = fields.map((f, i) => `${' '.repeat(column + 2)}${i === 0 ? '- ' : '  '}${f.key}: ${written(f.value, f.quote ?? '')}`).join(nl);
  const pair = findPair(map, key);
  if (pair && !pair.value) return insertAt(model, endOfLine(model, pair.colon), `${nl}${item}`);
  if (pair) return undefined;
  const last = map.pairs[map.pairs.length - 1]!;
  return insertAt(model, endOfLine(model, lastOffset(last.end, last.keyEnd)), `${nl}${' '.repeat(column)}${key}:${nl}${item}`);
}

function insertAt(model: TextModel, offset: number, newText: string): TextEdit {
  return { file: model.file, range: model.range(offset, offset), newText };
}

/** The offset of the last character a pair or item spans (its end is exclusive). */
function lastOffset(end: number, other: number): number {
  return Math.max(end, other) - 1;
}

/** The end of the line holding an offset, before its line break. */
function endOfLine(model: TextModel, offset: number): number {
  const line = model.positionAt(offset).line;
  return model.offsetAt({ line, character: model.lineText(line).length });
}
