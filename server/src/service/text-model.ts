// One version of a file's text with what the features derive from it, computed once: line
// starts, the lenient tree. The language server keeps one per open document version; the
// features also build them for files of the index (a reference's file, a rename's targets).

import type { Position, Range } from '../core/model';
import { lineStartsOf, positionAt } from '../core/workspace/parse';
import { parseTree, type Tree } from './yaml-tree';

export class TextModel {
  private starts?: number[];
  private parsed?: Tree;

  constructor(
    /** Workspace-relative POSIX path. */
    readonly file: string,
    readonly text: string,
    readonly version?: number,
  ) {}

  get lineStarts(): number[] {
    this.starts ??= lineStartsOf(this.text);
    return this.starts;
  }

  get tree(): Tree {
    this.parsed ??= parseTree(this.text, this.lineStarts);
    return this.parsed;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    return positionAt(this.lineStarts, Math.max(0, Math.min(offset, this.text.length)));
  }

  /** The offset of a position, clamped into the text (editors may ask past the end). */
  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line]!;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! - 1 : this.text.length;
    let end = next;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of one line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    if (line < 0 || line >= starts.length) return '';
    const s = starts[line]!;
    let e = line + 1 < starts.length ? starts[line + 1]! - 1 : this.text.length;
    if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
    return this.text.slice(s, e);
  }
}
