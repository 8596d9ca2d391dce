// How one file is kept in the cache of `tam validate --cache` (check-cache.ts), and how it
// stands in the index when it has not changed: a record whose entities and references come
// from the cache, whose values are parsed only when a rule reads one, and whose references
// are decoded only when the index needs them.

import type { Path, TargetKind } from '../model';
import type { Diagnostic } from '../diagnostic';
import type { NowDependence } from '../rules/rule';
import type { Entity, Reference } from '../workspace/entities';
import { LazyEntity, LazyRecord, LazySource, type TextReader } from '../workspace/lazy-record';

export type CachedEntity = [kind: TargetKind, id: string, doc: number, path: Path, valid: 0 | 1];
/** `from` is null for the document's own entity, `raw` when it reads as the id; flags: 1 content, 2 reverse. */
type CachedReference = [from: string | null, kind: TargetKind, id: string, raw: string | null, doc: number, path: Path, flags: number];

export interface CachedFile {
  hash: string;
  /** Modification time and size when it was read: a file untouched since is not read again. */
  mtime?: number;
  size?: number;
  /** YAML that is not part of the workspace (no known kind): skipped. */
  foreign?: 1;
  /** Whether the diagnostics change with the time alone: with the instant, or with the day. */
  now?: NowDependence;
  diagnostics?: Diagnostic[];
  entities?: CachedEntity[];
  /** The references, encoded by `encodeReferences`: decoded only for the files a check needs. */
  refs?: string;
}

/**
 * A file's record made from the cache: its entities and references as they were, its values
 * parsed from the text the first time a rule reads one (the text is the same, by its hash).
 */
export function stubRecord(file: string, read: TextReader, entry: CachedFile): LazyRecord {
  const source = new LazySource(file, read);
  const entities = (entry.entities ?? []).map(([kind, id, doc, path, valid]) => new LazyEntity(kind, id, file, doc, path, valid === 1, source));
  const encoded = entry.refs;
  return new LazyRecord(file, entities, () => (encoded ? decodeReferences(encoded, file, documentKeys(entities)) : []), source);
}

export function toCachedEntity(e: Entity): CachedEntity {
  return [e.kind, e.id, e.doc, e.path, e.valid ? 1 : 0];
}

/** The key of each document's own entity (not its tasks'). */
export function documentKeys(entities: readonly Entity[]): Map<number, string> {
  const keys = new Map<number, string>();
  for (const e of entities) if (e.path.length === 0) keys.set(e.doc, e.key);
  return keys;
}

/**
 * References as one line each, fields split by "|": kind, id, raw (when not the id), document
 * (when not 0), path (its steps are field names of REFERENCE_FIELDS and indexes, so "." joins
 * them safely), flags (1 content, 2 reverse; when not 0), source key (when not the document's
 * own). A third of the size of JSON, with nothing to escape; JSON for the odd id that holds a
 * separator.
 */
export function encodeReferences(refs: readonly Reference[], docKeys: Map<number, string>): string {
  const rows: CachedReference[] = refs.map((r) => [docKeys.get(r.doc) === r.from ? null : r.from, r.kind, r.id, r.raw === r.id ? null : r.raw, r.doc, r.path, (r.content ? 1 : 0) | (r.reverse ? 2 : 0)]);
  const plain = rows.every(([from, , id, raw]) => !/[|\n]/.test(`${from ?? ''}${id}${raw ?? ''}`)) && !rows.some(([, , , , , path]) => path.some((p) => typeof p === 'string' && (/^\d+$/.test(p) || /[.|\n]/.test(p))));
  if (!plain) return JSON.stringify(rows);
  return rows.map(([from, kind, id, raw, doc, path, flags]) => `${kind}|${id}|${raw ?? ''}|${doc || ''}|${path.join('.')}|${flags || ''}|${from ?? ''}`).join('\n');
}

function decodeReferences(encoded: string, file: string, docKeys: Map<number, string>): Reference[] {
  const rows: CachedReference[] = encoded.startsWith('[')
    ? JSON.parse(encoded)
    : encoded.split('\n').map((line) => {
        const [kind, id, raw, doc, path, flags, from] = line.split('|') as [TargetKind, string, string, string, string, string, string];
        return [from || null, kind, id, raw || null, Number(doc || 0), path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), Number(flags || 0)];
      });
  return rows.map(([from, kind, id, raw, doc, path, flags]) => {
    const ref: Reference = { from: from ?? docKeys.get(doc)!, kind, id, raw: raw ?? id, file, doc, path, content: (flags & 1) !== 0 };
    if (flags & 2) ref.reverse = true;
    return ref;
  });
}
