// What a project has told the editor: the diagnostics last published for each file. A file is
// published again only when its diagnostics changed, or when it was edited (the editor then
// waits for the diagnostics of the new version, even if they are the same); a file that never
// had any is not published at all. The latest core diagnostics are kept for code actions.

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Diagnostic } from '../../core/diagnostic';
import { toLspDiagnostic } from '../diagnostics';

/** What the publisher needs to know of the project. */
export interface PublishTarget {
  /** Whether the file is in the index. */
  has(file: string): boolean;
  /** The version of an open document whose text the index holds; undefined for a file on disk. */
  versionOf(file: string): number | undefined;
  uriOf(file: string): string;
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void;
}

export class Publisher {
  /** Latest core diagnostics per file that has some, for code actions. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /**
   * What was last published per file, for files published with diagnostics: a digest of the
   * JSON rather than the JSON (a workspace of 100 000 incidents has thousands with warnings).
   */
  private readonly published = new Map<string, string>();

  constructor(private readonly target: PublishTarget) {}

  /** Publishes a file's diagnostics if they changed since last time, or always with `force`. */
  publish(file: string, list: Diagnostic[], force: boolean): void {
    if (list.length) this.diagnostics.set(file, list);
    else this.diagnostics.delete(file);
    const signature = list.length ? digest(JSON.stringify(list)) : '';
    const before = this.published.get(file) ?? '';
    if (!force && signature === before) return;
    if (signature) this.published.set(file, signature);
    else this.published.delete(file);
    if (!force && !signature && !before) return;
    this.target.publish(
      this.target.uriOf(file),
      this.target.versionOf(file),
      list.map((d) => toLspDiagnostic(d, (f) => this.target.uriOf(f))),
    );
  }

  /** The files whose published diagnostics are not empty. */
  publishedFiles(): Iterable<string> {
    return this.published.keys();
  }

  /** Clears in the editor every diagnostic published (the project goes away). */
  clearAll(): void {
    for (const file of this.published.keys()) this.target.publish(this.target.uriOf(file), undefined, []);
    this.published.clear();
  }
}

/** A digest of a text: two 32-bit FNV-1a hashes in different seeds, and its length. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
