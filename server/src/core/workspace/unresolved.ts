// The keys that something refers to and nothing defines, by kind, kept up to date as files
// change rather than found again by a scan of every key after each edit. `affectedBy` asks two
// things of it: which kinds had an id appear or go since it last asked (only then can the
// did-you-mean of an unknown reference change), and the unresolved keys of such a kind. With
// 100 000 incidents the scan cost 9 ms per keystroke, whatever the edit.
//
// The index tells it of a key before the key's definitions or references change (`willChange`),
// and it notes whether the key was defined then; when asked, it compares with now. It knows
// nothing until first asked, and gives up (the caller then assumes every kind changed) when
// more keys are waiting than a whole recount would cost, as after the first read of a workspace.

import type { TargetKind } from '../model';
import { entityKey, splitEntityKey } from './entities';

/** More keys waiting than this and a recount is cheaper than following them. */
const MAX_WAITING = 20_000;

export interface KeyFacts {
  defined(key: string): boolean;
  referenced(key: string): boolean;
  /** Every key something refers to (a recount). */
  referencedKeys(): Iterable<string>;
}

export class UnresolvedKeys {
  /** For each kind, its unresolved keys; undefined until first asked, and after giving up. */
  private byKind?: Map<string, Set<string>>;
  /** Keys that may have changed since the last question, and whether each was defined before. */
  private readonly waiting = new Map<string, boolean>();

  constructor(private readonly facts: KeyFacts) {}

  /** To be called before the definitions or references of a kind and id change. */
  willChange(kind: TargetKind, id: string): void {
    if (!this.byKind) return;
    const key = entityKey(kind, id);
    if (this.waiting.has(key)) return;
    if (this.waiting.size >= MAX_WAITING) this.forget();
    else this.waiting.set(key, this.facts.defined(key));
  }

  /** Everything may have changed (the index was cleared, a cache's references came in). */
  forget(): void {
    this.byKind = undefined;
    this.waiting.clear();
  }

  /**
   * Brings the sets up to date. Returns the kinds that had an id appear or go since the last
   * call, or undefined when that is not known (first call, or after `forget`): every kind may have.
   */
  settle(): Set<string> | undefined {
    if (!this.byKind) {
      const byKind = new Map<string, Set<string>>();
      for (const key of this.facts.referencedKeys()) if (!this.facts.defined(key)) this.setOf(byKind, key).add(key);
      this.byKind = byKind;
      this.waiting.clear();
      return undefined;
    }
    const changed = new Set<string>();
    for (const [key, wasDefined] of this.waiting) {
      const defined = this.facts.defined(key);
      if (defined !== wasDefined) changed.add(splitEntityKey(key)[0]);
      if (!defined && this.facts.referenced(key)) this.setOf(this.byKind, key).add(key);
      else this.byKind.get(splitEntityKey(key)[0])?.delete(key);
    }
    this.waiting.clear();
    return changed;
  }

  /** The unresolved keys of a kind, as of the last `settle`. */
  of(kind: string): Iterable<string> {
    return this.byKind?.get(kind) ?? [];
  }

  private setOf(byKind: Map<string, Set<string>>, key: string): Set<string> {
    const kind = splitEntityKey(key)[0];
    let set = byKind.get(kind);
    if (!set) byKind.set(kind, (set = new Set()));
    return set;
  }
}
