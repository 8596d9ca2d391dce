// A record whose values are not held: its entities (kind, id, place, validity) stay in the index,
// and their values are parsed from the file's text the first time something reads one, then
// held. Two kinds of record are made this way: a stand-in from `tam validate --cache` for a
// file that has not changed (its references known from the cache), and a file `tam validate`
// has checked already and lets go of (record.ts explains why the index cannot hold everything).

import type { Path, TargetKind } from '../model';
import { entityKey, referencesOf, type Entity, type Reference } from './entities';
import { buildRecord, type FileRecord } from './record';

/** How a file's text is read again: one function for many files (no closure per file). */
export type TextReader = (file: string) => string | undefined;

/** The values of one file's documents, parsed once, when first asked for. */
export class LazySource {
  private values?: Map<string, unknown>;
  private read?: TextReader;
  private content?: string;

  constructor(
    private readonly file: string,
    read: TextReader,
  ) {
    this.read = read;
  }

  get text(): string | undefined {
    if (this.read) {
      this.content = this.read(this.file);
      this.read = undefined;
    }
    return this.content;
  }

  /** An entity is known by its place, the document and the path in it: ids may be duplicated. */
  valueAt(doc: number, path: Path): unknown {
    if (!this.values) {
      this.values = new Map();
      const text = this.text;
      for (const e of (text === undefined ? undefined : buildRecord(this.file, text))?.entities ?? []) this.values.set(placeOf(e.doc, e.path), e.value);
    }
    return this.values.get(placeOf(doc, path));
  }
}

function placeOf(doc: number, path: Path): string {
  return `${doc}/${path.join('/')}`;
}

export class LazyEntity implements Entity {
  readonly key: string;
  private loaded = false;
  private current: unknown;

  constructor(
    readonly kind: TargetKind,
    readonly id: string,
    readonly file: string,
    readonly doc: number,
    readonly path: Path,
    readonly valid: boolean,
    private readonly source: LazySource,
    key?: string,
  ) {
    this.key = key ?? entityKey(kind, id);
  }

  get value(): any {
    if (!this.loaded) {
      this.current = this.source.valueAt(this.doc, this.path);
      this.loaded = true;
    }
    return this.current;
  }
}

/** A record whose values, and maybe references, are read when asked for. */
const NONE: never[] = [];

export class LazyRecord implements FileRecord {
  readonly local = NONE;
  readonly suppressions = NONE;
  private decoded?: Reference[];

  constructor(
    readonly file: string,
    readonly entities: Entity[],
    /** How its references are known without its values, if they are (a cache knows them). */
    private readonly knownRefs: (() => Reference[]) | undefined,
    private readonly source: LazySource,
  ) {}

  /** Neither its findings nor its values are held: `check` reads such a file in full first. */
  get stub(): boolean {
    return true;
  }

  /** Read when asked for: to show a diagnostic's line, or to place a related location. */
  get text(): string | undefined {
    return this.source.text;
  }

  get refs(): Reference[] {
    if (this.knownRefs) return (this.decoded ??= this.knownRefs());
    const out: Reference[] = [];
    for (const e of this.entities) if (e.path.length === 0) out.push(...referencesOf(this.file, e.doc, e.value));
    return out;
  }
}

/**
 * The same file's record without its values: they are read from the host again when asked
 * for. For a file whose check is done and whose values nobody else reads (an incident).
 */
export function released(record: FileRecord, read: TextReader): FileRecord {
  const source = new LazySource(record.file, read);
  const entities = record.entities.map((e) => new LazyEntity(e.kind, e.id, record.file, e.doc, e.path, e.valid, source, e.key));
  return new LazyRecord(record.file, entities, undefined, source);
}
