// Where a node of the workspace is: addresses (document and path) turned into ranges, for the
// checker's diagnostics and for output that names a file and a line (the agenda, reports).
// The index keeps no text, so a file is read again and parsed with positions on the first
// address in it; the last few files are kept (a diagnostic's related locations point again and
// again into the same policy or calendar), not one per file of 100 000.

import type { NodeAddress, Range } from '../model';
import { Locator } from './locate';
import type { Workspace } from './workspace';

const KEPT = 16;

export class Places {
  private readonly locators = new Map<string, Locator | null>();

  constructor(private readonly ws: Workspace) {}

  /** The locator of a file; null when it has no text. */
  locatorOf(file: string): Locator | null {
    let locator = this.locators.get(file);
    if (locator !== undefined) {
      // Most recently used last.
      this.locators.delete(file);
    } else {
      const text = this.ws.textOf(file);
      locator = text === undefined ? null : new Locator(text, this.ws.file(file)?.parsed?.precise);
      if (this.locators.size >= KEPT) this.locators.delete(this.locators.keys().next().value!);
    }
    this.locators.set(file, locator);
    return locator;
  }

  /** Forgets a file whose text changed. */
  forget(file: string): void {
    this.locators.delete(file);
  }

  /** The range of the node at an address; undefined when its file has no text. */
  range(at: NodeAddress): Range | undefined {
    return this.locatorOf(at.file)?.range(at.doc, at.path, at.part);
  }

  /** The 1-based line of the node at an address (1 when it cannot be found). */
  line(at: NodeAddress): number {
    return (this.range(at)?.start.line ?? 0) + 1;
  }
}
