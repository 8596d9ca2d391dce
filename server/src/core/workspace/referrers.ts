// Which files refer to which entity key: the half of the index that `references`, rename and
// `affectedBy` ask. For each key only the set of referring files is kept (what each reference
// says, where and how, is derived again from the file's record: FileRecord.refs), and for a
// `reverse` field (a postmortem naming its incident) which source keys a target depends on.
// The sets are found by kind, then by the id as the file wrote it: a key made for each of the
// 600 000 references of 100 000 incidents (a new string, hashed once and thrown away) was most
// of the cost of indexing them.
// Records from a cache can come in with their references not yet indexed: the cache says which
// of them refer to a key, and they are indexed the first time a question needs it.

import type { TargetKind } from '../model';
import { entityKey, referenceTargetsOf, splitEntityKey } from './entities';
import { ownString } from './own-strings';
import type { FileRecord } from './record';

/** What a cache knows of the references of the records it put in the index unread. */
export interface DeferredIndex {
  /** Every deferred file that refers to the key. */
  referrersOf(key: string): Iterable<string>;
  /** Every key the deferred files refer to. */
  keys(): Iterable<string>;
}

export class Referrers {
  /** For each kind and id referred to, the files that refer to it. */
  private readonly incoming = new Map<TargetKind, Map<string, Set<string>>>();
  /**
   * For each source key, the keys it refers to with `reverse` (their diagnostics depend on it),
   * with how many references say so: two files may define the same source key.
   */
  private readonly reverseFrom = new Map<string, Map<string, number>>();
  /** Files whose references are not indexed yet, and where to find which refer to a key. */
  private readonly deferred = new Set<string>();
  private deferredIndex?: DeferredIndex;

  constructor(
    private readonly recordOf: (file: string) => FileRecord | undefined,
    /** The files that define a key (their references are settled with it). */
    private readonly definersOf: (key: string) => Iterable<string>,
    /** Told of a kind and id before the files referring to it change, or of undefined when any may have. */
    private readonly willChange: (kind: TargetKind | undefined, id?: string) => void = () => undefined,
  ) {}

  /** Indexes a record's references, now or (`deferred`, with the cache's index) when first needed. */
  add(record: FileRecord, deferred?: DeferredIndex): void {
    if (deferred) {
      if (this.deferredIndex !== deferred) this.willChange(undefined);
      this.deferredIndex = deferred;
      this.deferred.add(record.file);
    } else this.index(record);
  }

  /** Forgets a record's references (never decoded when they were never indexed). */
  remove(record: FileRecord): void {
    if (this.deferred.delete(record.file)) return;
    referenceTargets(record, (kind, id, reverseFrom) => {
      this.willChange(kind, id);
      const byId = this.incoming.get(kind);
      const set = byId?.get(id);
      set?.delete(record.file);
      if (set && set.size === 0) byId!.delete(id);
      if (reverseFrom !== undefined) {
        const key = entityKey(kind, id);
        const from = this.reverseFrom.get(reverseFrom);
        const count = (from?.get(key) ?? 0) - 1;
        if (count > 0) from!.set(key, count);
        else from?.delete(key);
        if (from && from.size === 0) this.reverseFrom.delete(reverseFrom);
      }
    });
  }

  clear(): void {
    this.willChange(undefined);
    this.incoming.clear();
    this.reverseFrom.clear();
    this.deferred.clear();
  }

  /** The files that refer to a key. */
  filesReferringTo(key: string): Iterable<string> {
    this.settle(key);
    return this.setOf(key) ?? [];
  }

  /** The files that refer to an entity, asked by kind and id (no key to make and split). */
  filesReferringToEntity(kind: TargetKind, id: string): Iterable<string> {
    if (this.deferred.size) this.settle(entityKey(kind, id));
    return this.incoming.get(kind)?.get(id) ?? [];
  }

  /** The keys whose diagnostics depend on the source key's content (`reverse` fields). */
  reverseTargetsOf(key: string): Iterable<string> {
    this.settle(key);
    return this.reverseFrom.get(key)?.keys() ?? [];
  }

  /** Whether some file refers to the key (indexed, or deferred with a cache's index). */
  isReferenced(key: string): boolean {
    if (this.setOf(key)) return true;
    if (this.deferred.size === 0 || !this.deferredIndex) return false;
    for (const file of this.deferredIndex.referrersOf(key)) if (this.deferred.has(file)) return true;
    return false;
  }

  /** Every key some file refers to; with a cache, maybe a few that no file does any more. */
  *referencedKeys(): IterableIterator<string> {
    for (const [kind, byId] of this.incoming) for (const id of byId.keys()) yield entityKey(kind, id);
    if (this.deferred.size) for (const key of this.deferredIndex?.keys() ?? []) if (!this.setOf(key)) yield key;
  }

  private setOf(key: string): Set<string> | undefined {
    const [kind, id] = splitEntityKey(key);
    return this.incoming.get(kind)?.get(id);
  }

  private index(record: FileRecord): void {
    referenceTargets(record, (kind, id, reverseFrom) => {
      this.willChange(kind, id);
      let byId = this.incoming.get(kind);
      if (!byId) this.incoming.set(kind, (byId = new Map()));
      let set = byId.get(id);
      // The id is the file's own, maybe a view into its text: the index keeps a copy.
      if (!set) byId.set(ownString(id), (set = new Set()));
      set.add(record.file);
      if (reverseFrom !== undefined) {
        const key = entityKey(kind, id);
        let from = this.reverseFrom.get(reverseFrom);
        if (!from) this.reverseFrom.set(reverseFrom, (from = new Map()));
        from.set(key, (from.get(key) ?? 0) + 1);
      }
    });
  }

  /** Indexes the deferred references that a question about `key` needs: those to it, those from it. */
  private settle(key: string): void {
    if (this.deferred.size === 0) return;
    for (const file of [...(this.deferredIndex?.referrersOf(key) ?? []), ...this.definersOf(key)]) {
      if (!this.deferred.delete(file)) continue;
      const record = this.recordOf(file);
      if (record) this.index(record);
    }
  }
}

/** What a record refers to (referenceTargetsOf), from its values, or from its references when it holds none. */
function referenceTargets(record: FileRecord, found: (kind: TargetKind, id: string, reverseFrom: string | undefined) => void): void {
  if (record.stub) {
    for (const ref of record.refs) found(ref.kind, ref.id, ref.reverse ? ref.from : undefined);
    return;
  }
  for (const e of record.entities) if (e.path.length === 0) referenceTargetsOf(e.value, found);
}
