// Where a node of the workspace is, for output that names a file and a line rather than
// carrying a diagnostic (the agenda, reports): addresses (document and path) turned into
// ranges, each file parsed with positions once, on the first address in it.

import type { NodeAddress, Range } from '../model';
import { Locator } from './locate';
import type { Workspace } from './workspace';

export class Places {
  private readonly locators = new Map<string, Locator | null>();

  constructor(private readonly ws: Workspace) {}

  /** The range of the node at an address; undefined when its file has no text. */
  range(at: NodeAddress): Range | undefined {
    let locator = this.locators.get(at.file);
    if (locator === undefined) {
      const record = this.ws.file(at.file);
      locator = record?.text === undefined ? null : new Locator(record.text, record.parsed?.precise);
      this.locators.set(at.file, locator);
    }
    return locator?.range(at.doc, at.path, at.part);
  }

  /** The 1-based line of the node at an address (1 when it cannot be found). */
  line(at: NodeAddress): number {
    return (this.range(at)?.start.line ?? 0) + 1;
  }
}
