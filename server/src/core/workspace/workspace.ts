// The workspace index: every file's documents, the entities they define and the references
// they make, kept both ways (what a file points at, what points at an entity). It is updated
// one file at a time; `affectedBy` says which files' diagnostics an update may change, so
// that the language server re-checks those and nothing else.

import { isKind, KINDS, type Kind, type TargetKind, type WorkspaceDoc } from '../model';
import type { DraftDiagnostic } from '../diagnostic';
import { validateDocument } from '../schema/validate';
import { closest } from '../text/suggest';
import { entitiesOf, entityKey, isObject, referencesOf, type Entity, type Reference } from './entities';
import type { ListedProblem, WorkspaceHost } from './host';
import { parseYaml, type ParsedFile } from './parse';
import { findSuppressions, type Suppression } from './suppressions';

export const ROOT_FILE = 'tam.yaml';

/** What a cache knows of the references of the records it put in the index unread. */
export interface DeferredIndex {
  /** Every deferred file that refers to the key. */
  referrersOf(key: string): Iterable<string>;
  /** Every key the deferred files refer to. */
  keys(): Iterable<string>;
}

/** Folders of the conventional layout: every YAML file in them is meant to be an entity. */
const ENTITY_FOLDERS = ['org/', 'projects/'];

export interface FileRecord {
  file: string;
  text?: string;
  /** Why the file could not be read, if it could not. */
  readProblem?: string;
  parsed?: ParsedFile;
  entities: Entity[];
  refs: Reference[];
  /** Findings that depend on this file alone: syntax, schema, document shape. */
  local: DraftDiagnostic[];
  suppressions: Suppression[];
  /**
   * A stand-in from a cache (core/cache): entities and references as they were, values parsed
   * on demand, no findings. `check` reads such a file in full before checking it.
   */
  readonly stub?: boolean;
}

export interface WorkspaceConfig {
  doc?: WorkspaceDoc;
  ignore: string[];
}

export class Workspace {
  private readonly records = new Map<string, FileRecord>();
  private readonly defs = new Map<TargetKind, Map<string, Entity[]>>();
  private readonly incoming = new Map<string, Set<Reference>>();
  /** References whose target depends on their source (`reverse`), by source key. */
  private readonly reverseFrom = new Map<string, Set<Reference>>();
  /** Files that are YAML but not part of the workspace (no known kind): skipped, remembered. */
  private readonly foreign = new Set<string>();
  private listProblems: ListedProblem[] = [];
  /**
   * Files whose references are not indexed yet (records from a cache), and where to find the
   * files that refer to a key: their references are indexed the first time the key is asked about.
   */
  private readonly deferred = new Set<string>();
  private deferredIndex?: DeferredIndex;
  private derived = new Map<string, unknown>();
  /** Grows on every change; derived results (schedules) are valid for one version. */
  version = 0;

  constructor(readonly host: WorkspaceHost) {}

  /** Reads every file of the workspace from the host. */
  loadAll(): void {
    for (const file of this.startLoading()) this.refresh(file);
  }

  /**
   * Starts a full load: forgets what was read, reads tam.yaml (whose `ignore:` decides what
   * else is read) and returns the other files, for a caller that reads them a slice at a time
   * with `refresh` (the language server, which keeps answering meanwhile).
   */
  startLoading(): string[] {
    this.clear();
    this.refresh(ROOT_FILE);
    const { files, problems } = this.host.listFiles(this.config.ignore);
    this.listProblems = problems;
    return files.filter((f) => f !== ROOT_FILE);
  }

  /** Puts a file's record in the index (undefined: the file is YAML but not part of the workspace). */
  private addBuilt(file: string, record: FileRecord | undefined, deferReferences = false): Set<string> {
    const touched = this.remove(file);
    if (record) this.add(record, deferReferences);
    else this.foreign.add(file);
    for (const e of record?.entities ?? []) touched.add(e.key);
    this.changed();
    return touched;
  }

  /** Re-reads one file from the host (created, changed or deleted). Returns the entity keys it touched. */
  refresh(file: string): Set<string> {
    const read = this.host.readFile(file);
    if ('text' in read) return this.setText(file, read.text);
    if (/no such file/.test(read.problem)) return this.delete(file);
    return this.setProblem(file, read.problem);
  }

  setText(file: string, text: string): Set<string> {
    return this.addBuilt(file, buildRecord(file, text));
  }

  /**
   * Puts a record in the index whose references are indexed only when needed: when a key they
   * may point at is asked about, `index` (which must know every deferred file's references)
   * says whose to index. For a cache of 10 000 files, most never are.
   */
  setDeferredRecord(record: FileRecord, index: DeferredIndex): Set<string> {
    this.deferredIndex = index;
    return this.addBuilt(record.file, record, true);
  }

  /** Marks a file as YAML that is not part of the workspace, known without reading it again. */
  setForeign(file: string): Set<string> {
    return this.addBuilt(file, undefined);
  }

  setProblem(file: string, problem: string): Set<string> {
    return this.addBuilt(file, { file, readProblem: problem, entities: [], refs: [], local: [], suppressions: [] });
  }

  delete(file: string): Set<string> {
    const touched = this.remove(file);
    this.changed();
    return touched;
  }

  /** The settings of tam.yaml: its document, and the `ignore:` globs that decide what is read. */
  get config(): WorkspaceConfig {
    // Asked for by rules once per entity: read from tam.yaml once per version.
    return this.memo('config', () => {
      const doc = this.defs.get('workspace')?.get('')?.find((e) => e.file === ROOT_FILE)?.value as WorkspaceDoc | undefined;
      const ignore = Array.isArray(doc?.ignore) ? doc!.ignore.filter((g): g is string => typeof g === 'string') : [];
      return { doc, ignore };
    });
  }

  files(): IterableIterator<FileRecord> {
    return this.records.values();
  }

  file(file: string): FileRecord | undefined {
    return this.records.get(file);
  }

  isForeign(file: string): boolean {
    return this.foreign.has(file);
  }

  get problemsOfListing(): readonly ListedProblem[] {
    return this.listProblems;
  }

  /** The first definition of an entity, preferring one that passed its schema. */
  get(kind: TargetKind, id: string): Entity | undefined {
    const all = this.defs.get(kind)?.get(id);
    if (!all) return undefined;
    return all.find((e) => e.valid) ?? all[0];
  }

  /** Every definition of an id (more than one is a duplicate). */
  all(kind: TargetKind, id: string): readonly Entity[] {
    return this.defs.get(kind)?.get(id) ?? [];
  }

  /** Every entity of a kind, one per id (the first definition). */
  *entities(kind: TargetKind): IterableIterator<Entity> {
    for (const list of this.defs.get(kind)?.values() ?? []) {
      const e = list.find((x) => x.valid) ?? list[0];
      if (e) yield e;
    }
  }

  ids(kind: TargetKind): IterableIterator<string> {
    return (this.defs.get(kind) ?? new Map<string, Entity[]>()).keys();
  }

  /** References that point at an entity, resolved or not. */
  referencesTo(kind: TargetKind, id: string): readonly Reference[] {
    const key = entityKey(kind, id);
    this.settle(key);
    return [...(this.incoming.get(key) ?? [])];
  }

  /**
   * Files whose diagnostics may change when the given entity keys change: their definitions
   * (duplicates), whatever refers to them, and, following content dependencies transitively,
   * whatever is computed from them (a calendar → its policies → their incidents).
   */
  affectedBy(changedFiles: Iterable<string>, keys: Iterable<string>): Set<string> {
    const files = new Set(changedFiles);
    const queue = [...keys];
    // An id that appears or goes changes the did-you-mean of every reference, of that kind, to
    // an id that does not exist ("unknown incident INC-7; did you mean INC-1?").
    for (const kind of new Set(queue.map((key) => splitKey(key)[0]))) {
      for (const key of this.unresolvedKeys(kind)) for (const ref of this.incoming.get(key) ?? []) files.add(ref.file);
    }
    const seen = new Set(queue);
    const push = (key: string): void => {
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    };
    // tam.yaml holds the rule settings and the default policy: everything depends on it.
    if (queue.includes(entityKey('workspace', ''))) {
      for (const f of this.records.keys()) files.add(f);
      return files;
    }
    while (queue.length) {
      const key = queue.pop()!;
      this.settle(key);
      const [kind, id] = splitKey(key);
      if (kind === 'workspace') {
        // The default policy changed in content: every incident may use it.
        for (const incident of this.entities('incident')) files.add(incident.file);
      }
      for (const def of this.all(kind, id)) files.add(def.file);
      for (const ref of this.reverseFrom.get(key) ?? []) for (const target of this.all(ref.kind, ref.id)) files.add(target.file);
      for (const ref of this.incoming.get(key) ?? []) {
        files.add(ref.file);
        // What is computed from the source (a forecast, a clock) changes with the target.
        if (ref.content) push(ref.from);
      }
    }
    return files;
  }

  /** A value computed from the whole workspace, kept until the next change. */
  memo<T>(name: string, compute: () => T): T {
    if (this.derived.has(name)) return this.derived.get(name) as T;
    const value = compute();
    this.derived.set(name, value);
    return value;
  }

  get entityCount(): number {
    let n = 0;
    for (const r of this.records.values()) n += entityCountOf(r);
    return n;
  }

  /** Keys of a kind that references point at and nothing defines (their references indexed). */
  private unresolvedKeys(kind: TargetKind): string[] {
    const prefix = `${kind}:`;
    const keys = new Set<string>();
    for (const key of this.incoming.keys()) if (key.startsWith(prefix)) keys.add(key);
    for (const key of this.deferredIndex?.keys() ?? []) if (key.startsWith(prefix)) keys.add(key);
    const out: string[] = [];
    for (const key of keys) {
      if (this.all(kind, key.slice(prefix.length)).length) continue;
      this.settle(key);
      out.push(key);
    }
    return out;
  }

  /** Indexes the deferred references that a question about `key` needs: those to it, those from it. */
  private settle(key: string): void {
    if (this.deferred.size === 0) return;
    const [kind, id] = splitKey(key);
    const files = [...(this.deferredIndex?.referrersOf(key) ?? []), ...this.all(kind, id).map((e) => e.file)];
    for (const file of files) {
      if (!this.deferred.delete(file)) continue;
      const record = this.records.get(file);
      if (record) this.indexReferences(record);
    }
  }

  private clear(): void {
    this.deferred.clear();
    this.records.clear();
    this.defs.clear();
    this.incoming.clear();
    this.reverseFrom.clear();
    this.foreign.clear();
    this.changed();
  }

  private changed(): void {
    this.version++;
    this.derived = new Map();
  }

  private add(record: FileRecord, deferReferences = false): void {
    this.records.set(record.file, record);
    for (const e of record.entities) {
      let byId = this.defs.get(e.kind);
      if (!byId) this.defs.set(e.kind, (byId = new Map()));
      const list = byId.get(e.id);
      if (list) list.push(e);
      else byId.set(e.id, [e]);
    }
    if (deferReferences) this.deferred.add(record.file);
    else this.indexReferences(record);
  }

  private indexReferences(record: FileRecord): void {
    for (const ref of record.refs) {
      const key = entityKey(ref.kind, ref.id);
      let set = this.incoming.get(key);
      if (!set) this.incoming.set(key, (set = new Set()));
      set.add(ref);
      if (ref.reverse) {
        let from = this.reverseFrom.get(ref.from);
        if (!from) this.reverseFrom.set(ref.from, (from = new Set()));
        from.add(ref);
      }
    }
  }

  private remove(file: string): Set<string> {
    this.foreign.delete(file);
    const record = this.records.get(file);
    const touched = new Set<string>();
    if (!record) return touched;
    this.records.delete(file);
    // References never indexed need no removing (and are not decoded for it).
    const indexed = !this.deferred.delete(file);
    for (const e of record.entities) {
      touched.add(e.key);
      const byId = this.defs.get(e.kind);
      const list = byId?.get(e.id)?.filter((x) => x !== e);
      if (list && list.length) byId!.set(e.id, list);
      else byId?.delete(e.id);
    }
    for (const ref of indexed ? record.refs : []) {
      const key = entityKey(ref.kind, ref.id);
      const set = this.incoming.get(key);
      set?.delete(ref);
      if (set && set.size === 0) this.incoming.delete(key);
      if (ref.reverse) {
        const from = this.reverseFrom.get(ref.from);
        from?.delete(ref);
        if (from && from.size === 0) this.reverseFrom.delete(ref.from);
      }
    }
    return touched;
  }
}

/** The entities a file defines as `tam validate` counts them: documents, not the tasks inside chains. */
export function entityCountOf(record: FileRecord): number {
  return record.entities.filter((e) => e.kind !== 'task').length;
}

function splitKey(key: string): [TargetKind, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as TargetKind, key.slice(i + 1)];
}

const KIND_LINE = new RegExp(`^kind:\\s*["']?(${KINDS.join('|')})["']?\\s*(#.*)?$`, 'm');

/**
 * Parses and schema-checks one file. Returns undefined for a YAML file that is not part of
 * the workspace: no document with a known kind, outside the entity folders (a CI workflow,
 * a docker-compose file).
 */
export function buildRecord(file: string, text: string): FileRecord | undefined {
  const parsed = parseYaml(text);
  const hasKnownKind = parsed.docs.some((d) => isObject(d.value) && isKind(d.value.kind));
  const looksOurs = hasKnownKind || file === ROOT_FILE || ENTITY_FOLDERS.some((f) => file.startsWith(f)) || KIND_LINE.test(text);
  if (!looksOurs) return undefined;

  const record: FileRecord = { file, text, parsed, entities: [], refs: [], local: [], suppressions: [] };
  for (const p of parsed.problems) {
    record.local.push({ code: 'yaml-syntax', at: { file, range: p.range }, message: p.message });
  }
  if (parsed.docs.length === 0 && parsed.problems.length === 0) {
    record.local.push({
      code: 'schema',
      at: { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      message: 'file is empty: expected a document with a kind (workspace, department, person, calendar, sla-policy, project, chain, incident, postmortem or proposal)',
    });
  }
  for (const doc of parsed.docs) {
    const at = { file, doc: doc.index, path: [] as string[] };
    const value = doc.value;
    if (doc.broken && !isObject(value)) continue; // the syntax problem says it all
    if (value === null || value === undefined) {
      if (parsed.docs.length > 1) continue; // an empty document between `---` markers is harmless
      record.local.push({ code: 'schema', at, message: 'document is empty: expected fields starting with kind' });
      continue;
    }
    if (!isObject(value)) {
      record.local.push({ code: 'schema', at, message: `a document must be a map of fields with a kind, not ${Array.isArray(value) ? 'a list' : 'a single value'}` });
      continue;
    }
    if (value.kind === undefined) {
      record.local.push({ code: 'schema', at: { ...at, part: 'key' }, message: `document has no kind: add "kind:" with one of ${KINDS.join(', ')}` });
      continue;
    }
    if (!isKind(value.kind)) {
      const guess = typeof value.kind === 'string' ? closest(value.kind, KINDS) : undefined;
      record.local.push({
        code: 'schema',
        at: { file, doc: doc.index, path: ['kind'] },
        message: `unknown kind ${JSON.stringify(value.kind)}${guess ? `; did you mean "${guess}"?` : `: expected one of ${KINDS.join(', ')}`}`,
        fixes: guess ? [{ title: `Change kind to "${guess}"`, edits: [{ at: { file, doc: doc.index, path: ['kind'] }, newText: guess }], preferred: true }] : undefined,
      });
      continue;
    }
    const kind: Kind = value.kind;
    let valid = !doc.broken;
    if (!doc.broken) {
      const findings = validateDocument(kind, value);
      valid = findings.length === 0;
      for (const f of findings) {
        const draft: DraftDiagnostic = { code: 'schema', at: { file, doc: doc.index, path: f.path, part: f.part }, message: f.message };
        if (f.data && Object.values(f.data).some((v) => v !== undefined)) draft.data = f.data;
        if (f.suggestion && f.data?.unknown) {
          draft.fixes = [{ title: `Rename to "${f.suggestion}"`, edits: [{ at: { file, doc: doc.index, path: f.path, part: 'key' }, newText: f.suggestion }], preferred: true }];
        } else if (f.suggestion && typeof f.path[f.path.length - 1] !== 'undefined') {
          draft.fixes = [{ title: `Change to "${f.suggestion}"`, edits: [{ at: { file, doc: doc.index, path: f.path }, newText: f.suggestion }], preferred: true }];
        }
        record.local.push(draft);
      }
    }
    record.entities.push(...entitiesOf(file, doc.index, value, valid));
    record.refs.push(...referencesOf(file, doc.index, value));
  }
  record.suppressions = findSuppressions(text, parsed.lineStarts, parsed.docs);
  return record;
}
