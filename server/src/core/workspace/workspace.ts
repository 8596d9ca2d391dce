// The workspace index: every file's record (record.ts), the entities they define, and which
// files refer to which entity key (referrers.ts). It is updated one file at a time;
// `affectedBy` says which files' diagnostics an update may change, so that the language server
// re-checks those and nothing else.
//
// Sized for 100 000 incident files: per file the index holds the entities with their values
// and a place in the sets of referrers of the keys it names — no text, no syntax tree, no
// reference objects (textOf and FileRecord.refs give them back on demand).

import { type TargetKind, type WorkspaceDoc } from '../model';
import { entityKey, splitEntityKey, type Entity, type Reference } from './entities';
import type { ListedProblem, WorkspaceHost } from './host';
import { released } from './lazy-record';
import { buildRecord, problemRecord, ROOT_FILE, type FileRecord } from './record';
import { Referrers, type DeferredIndex } from './referrers';
import { UnresolvedKeys } from './unresolved';

export { buildRecord, ROOT_FILE, type FileRecord } from './record';
export type { DeferredIndex } from './referrers';

export interface WorkspaceConfig {
  doc?: WorkspaceDoc;
  ignore: string[];
}

export class Workspace {
  private readonly records = new Map<string, FileRecord>();
  private readonly defs = new Map<TargetKind, Map<string, Entity[]>>();
  private readonly referrers = new Referrers(
    (file) => this.records.get(file),
    (key) => {
      const [kind, id] = splitEntityKey(key);
      return this.all(kind, id).map((e) => e.file);
    },
    (kind, id) => (kind === undefined ? this.unresolved.forget() : this.unresolved.willChange(kind, id!)),
  );
  private readonly unresolved = new UnresolvedKeys({
    defined: (key) => {
      const [kind, id] = splitEntityKey(key);
      return this.all(kind, id).length > 0;
    },
    referenced: (key) => this.referrers.isReferenced(key),
    referencedKeys: () => this.referrers.referencedKeys(),
  });
  /** Files that are YAML but not part of the workspace (no known kind): skipped, remembered. */
  private readonly foreign = new Set<string>();
  private listProblems: ListedProblem[] = [];
  /** Results computed from the workspace, each with the kinds whose change drops it (none: any change). */
  private derived = new Map<string, { value: unknown; on?: readonly TargetKind[] }>();
  /** Grows on every change. */
  version = 0;
  /** The text of the file read last, which `textOf` need not read again. */
  private lastText?: { file: string; text: string };

  constructor(readonly host: WorkspaceHost) {}

  /** Reads a file's text from the host again (for records that let go of their values). */
  private readonly readAgain = (file: string): string | undefined => {
    const read = this.host.readFile(file);
    return 'text' in read ? read.text : undefined;
  };

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
  private addBuilt(file: string, record: FileRecord | undefined, deferred?: DeferredIndex): Set<string> {
    const touched = this.remove(file);
    if (record) this.add(record, deferred);
    else this.foreign.add(file);
    for (const e of record?.entities ?? []) touched.add(e.key);
    this.changed(touched);
    return touched;
  }

  /**
   * Re-reads one file from the host (created, changed or deleted). Returns the entity keys it
   * touched. `transient`: its values are not held long (the caller will `release` it soon, or
   * its run ends soon), so they are not made compact.
   */
  refresh(file: string, transient = false): Set<string> {
    const read = this.host.readFile(file);
    if ('text' in read) return this.setText(file, read.text, transient);
    if (/no such file/.test(read.problem)) return this.delete(file);
    return this.setProblem(file, read.problem);
  }

  setText(file: string, text: string, transient = false): Set<string> {
    const touched = this.addBuilt(file, buildRecord(file, text, transient));
    this.lastText = { file, text };
    return touched;
  }

  /**
   * Puts a record in the index whose references are indexed only when needed: when a key they
   * may point at is asked about, `index` (which must know every deferred file's references)
   * says whose to index. For a cache of 10 000 files, most never are.
   */
  setDeferredRecord(record: FileRecord, index: DeferredIndex): Set<string> {
    return this.addBuilt(record.file, record, index);
  }

  /** Marks a file as YAML that is not part of the workspace, known without reading it again. */
  setForeign(file: string): Set<string> {
    return this.addBuilt(file, undefined);
  }

  /**
   * Lets go of a file's values: the index keeps its entities, and their values are read from
   * the host again when asked for (lazy-record.ts). Nothing changes in meaning, so derived
   * results stay; they hold entities weakly where they hold many.
   */
  release(file: string): void {
    const record = this.records.get(file);
    if (!record || record.stub || record.readProblem !== undefined) return;
    const lazy = released(record, this.readAgain);
    this.records.set(file, lazy);
    record.entities.forEach((old, i) => {
      const list = this.defs.get(old.kind)?.get(old.id);
      const at = list ? list.indexOf(old) : -1;
      if (at !== -1) list![at] = lazy.entities[i]!;
    });
  }

  setProblem(file: string, problem: string): Set<string> {
    return this.addBuilt(file, problemRecord(file, problem));
  }

  delete(file: string): Set<string> {
    const touched = this.remove(file);
    this.changed(touched);
    return touched;
  }

  /** The settings of tam.yaml: its document, and the `ignore:` globs that decide what is read. */
  get config(): WorkspaceConfig {
    // Asked for by rules once per entity: read from tam.yaml once per version.
    return this.memo('config', ['workspace'], () => {
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

  /**
   * A file's text: the record's when it keeps one, else read from the host again (the index
   * keeps no text: see record.ts). Undefined when the file cannot be read.
   */
  textOf(file: string): string | undefined {
    // The file just read is the one checked next, and the one whose diagnostics are placed.
    if (this.lastText?.file === file) return this.lastText.text;
    const record = this.records.get(file);
    if (record?.text !== undefined) return record.text;
    if (record?.readProblem !== undefined) return undefined;
    const read = this.host.readFile(file);
    return 'text' in read ? read.text : undefined;
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
    const out: Reference[] = [];
    for (const file of this.referrers.filesReferringToEntity(kind, id)) out.push(...refsTo(this.records.get(file), kind, id));
    return out;
  }

  /**
   * Files whose diagnostics may change when the given entity keys change: their definitions
   * (duplicates), whatever refers to them, and, following content dependencies transitively,
   * whatever is computed from them (a calendar → its policies → their incidents).
   *
   * `sinceLastCall`: the caller has told of every update since its previous call (the language
   * server after each edit). The index then knows whether an id appeared or went meanwhile,
   * and re-checks the references to missing ids only if one did. Other callers (a diff against
   * a Git base, a cache) speak of changes the index did not see happen: those references are
   * re-checked whenever a key of their kind is among the keys.
   */
  affectedBy(changedFiles: Iterable<string>, keys: Iterable<string>, sinceLastCall = false): Set<string> {
    const files = new Set(changedFiles);
    const queue = [...keys];
    // An id that appears or goes changes the did-you-mean of every reference, of that kind, to
    // an id that does not exist ("unknown incident INC-7; did you mean INC-1?").
    const settled = this.unresolved.settle();
    const appearedOrWent = sinceLastCall ? settled : undefined;
    for (const kind of new Set(queue.map((key) => splitEntityKey(key)[0]))) {
      if (appearedOrWent && !appearedOrWent.has(kind)) continue;
      for (const key of this.unresolved.of(kind)) for (const file of this.referrers.filesReferringTo(key)) files.add(file);
    }
    const seen = new Set(queue);
    // A file's references are derived from its values: once per file here, however many of its
    // keys are asked about (a 7 000-task chain refers to itself 7 000 times).
    const derived = new Map<string, Map<string, Reference[]>>();
    const refsOf = (file: string): Map<string, Reference[]> => {
      let byKey = derived.get(file);
      if (!byKey) {
        derived.set(file, (byKey = new Map()));
        for (const ref of this.records.get(file)?.refs ?? []) {
          const key = entityKey(ref.kind, ref.id);
          const list = byKey.get(key);
          if (list) list.push(ref);
          else byKey.set(key, [ref]);
        }
      }
      return byKey;
    };
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
      const [kind, id] = splitEntityKey(key);
      if (kind === 'workspace') {
        // The default policy changed in content: every incident may use it.
        for (const incident of this.entities('incident')) files.add(incident.file);
      }
      for (const def of this.all(kind, id)) files.add(def.file);
      for (const target of this.referrers.reverseTargetsOf(key)) {
        const [targetKind, targetId] = splitEntityKey(target);
        for (const def of this.all(targetKind, targetId)) files.add(def.file);
      }
      for (const file of this.referrers.filesReferringTo(key)) {
        files.add(file);
        // What is computed from the source (a forecast, a clock) changes with the target.
        for (const ref of refsOf(file).get(key) ?? []) if (ref.content) push(ref.from);
      }
    }
    return files;
  }

  /**
   * A value computed from the workspace, kept until a change of an entity of one of the kinds
   * it is computed from (`on`; any change when null). Adding an incident keeps the calendars'
   * working time and the chains' forecasts: a 100 000-file index adds one file at a time.
   */
  memo<T>(name: string, on: readonly TargetKind[] | null, compute: () => T): T {
    const known = this.derived.get(name);
    if (known) return known.value as T;
    const value = compute();
    this.derived.set(name, on ? { value, on } : { value });
    return value;
  }

  get entityCount(): number {
    let n = 0;
    for (const r of this.records.values()) n += entityCountOf(r);
    return n;
  }

  private clear(): void {
    this.records.clear();
    this.defs.clear();
    this.referrers.clear();
    this.foreign.clear();
    this.changed();
  }

  /** A change of the entities with these keys (all, when not given). */
  private changed(keys?: Iterable<string>): void {
    this.version++;
    if (!keys) {
      this.derived = new Map();
      return;
    }
    // Once per file read, so without a set of kinds or an entry array per result.
    this.derived.forEach((entry, name) => {
      if (!entry.on || hasKeyOfKinds(keys, entry.on)) this.derived.delete(name);
    });
  }

  private add(record: FileRecord, deferred?: DeferredIndex): void {
    this.records.set(record.file, record);
    for (const e of record.entities) {
      this.unresolved.willChange(e.kind, e.id);
      let byId = this.defs.get(e.kind);
      if (!byId) this.defs.set(e.kind, (byId = new Map()));
      const list = byId.get(e.id);
      if (list) list.push(e);
      else byId.set(e.id, [e]);
    }
    this.referrers.add(record, deferred);
  }

  private remove(file: string): Set<string> {
    if (this.lastText?.file === file) this.lastText = undefined;
    this.foreign.delete(file);
    const record = this.records.get(file);
    const touched = new Set<string>();
    if (!record) return touched;
    this.records.delete(file);
    for (const e of record.entities) {
      touched.add(e.key);
      this.unresolved.willChange(e.kind, e.id);
      const byId = this.defs.get(e.kind);
      const list = byId?.get(e.id)?.filter((x) => x !== e);
      if (list && list.length) byId!.set(e.id, list);
      else byId?.delete(e.id);
    }
    this.referrers.remove(record);
    return touched;
  }
}

/** The entities a file defines as `tam validate` counts them: documents, not the tasks inside chains. */
export function entityCountOf(record: FileRecord): number {
  let n = 0;
  for (const e of record.entities) if (e.kind !== 'task') n++;
  return n;
}

/** The references a file's record makes to one entity. */
function refsTo(record: FileRecord | undefined, kind: TargetKind, id: string): Reference[] {
  return record ? record.refs.filter((r) => r.kind === kind && r.id === id) : [];
}

function hasKeyOfKinds(keys: Iterable<string>, kinds: readonly string[]): boolean {
  for (const key of keys) for (const kind of kinds) if (key.charCodeAt(kind.length) === 58 /* : */ && key.startsWith(kind)) return true;
  return false;
}
