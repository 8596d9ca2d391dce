// One workspace root in the analysis thread: its index (read from disk, with open documents
// laid over it), the debounced updates that edits cause, and the checking of the files an
// update affects, in short slices so that requests are answered in between. Diagnostics are
// published for every file whose diagnostics changed, not only the edited one: renaming a
// department re-checks and republishes the chains that name it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { loadFromCache, THIS_BUILD } from '../core/cache/check-cache';
import { CACHE_FILE, readCacheFile } from '../core/cache/file';
import { check, ruleSettings } from '../core/check';
import type { NowDependence } from '../core/rules/rule';
import { dayStamp } from '../core/schedule/workspace-schedule';
import { unmodifiedBlobIds } from '../core/git/git';
import type { Diagnostic } from '../core/diagnostic';
import { FileSystemHost, ignoreMatcher, isYamlFile, type FileStamp, type ListedProblem, type ReadResult, type WorkspaceHost } from '../core/workspace/host';
import { ROOT_FILE, Workspace } from '../core/workspace/workspace';
import { TextModel } from '../service/text-model';
import { toLspDiagnostic } from './diagnostics';
import type { Settings } from './settings';

export interface OpenDocument {
  uri: string;
  version: number;
  model: TextModel;
}

export interface ProjectEvents {
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void;
  progress(kind: 'begin' | 'report' | 'end', message?: string, percentage?: number): void;
  indexed(files: number, entities: number, ms: number): void;
  log(level: 'error' | 'warn' | 'info' | 'log', message: string): void;
}

/** Checking yields to requests after this much work. */
const SLICE_MS = 12;
/** Files checked per call of the core checker while catching up (one at a time when edited). */
const BATCH = 40;
/** A file whose re-check takes longer than this is re-checked after a pause as long as that. */
const SLOW_FILE_MS = 250;
/** The longest wait after an edit, however slow the file is to check. */
const MAX_DEBOUNCE_MS = 2000;

/** The file system, with the texts of open documents in front of it. */
class OverlayHost implements WorkspaceHost {
  private readonly disk: FileSystemHost;

  constructor(
    root: string,
    private readonly open: Map<string, OpenDocument>,
  ) {
    this.disk = new FileSystemHost(root);
  }

  listFiles(ignore: readonly string[]): { files: string[]; problems: ListedProblem[] } {
    return this.disk.listFiles(ignore);
  }

  readFile(file: string): ReadResult {
    const doc = this.open.get(file);
    return doc ? { text: doc.model.text } : this.disk.readFile(file);
  }

  /** An open document's time on disk says nothing of its text. */
  stat(file: string): FileStamp | undefined {
    return this.open.has(file) ? undefined : this.disk.stat(file);
  }
}

export class Project {
  readonly ws: Workspace;
  readonly open = new Map<string, OpenDocument>();
  /** Latest core diagnostics per file, for code actions. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Set<string>();
  private readonly deleted = new Set<string>();
  /** Files to check, edited ones first. */
  private readonly urgent = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly published = new Map<string, string>();
  /** For open documents: the version whose text the index holds. */
  private readonly indexedVersion = new Map<string, number>();
  private listingProblems: ListedProblem[] = [];
  private ignored: (file: string) => boolean = () => false;
  private loaded = false;
  private running = false;
  private kickAgain = false;
  private initialCheck = false;
  /** How long the last re-read of edited files took (for the `timings` setting). */
  private lastUpdateMs = 0;
  /** How long re-reading and checking each edited file took last time. */
  private readonly cost = new Map<string, number>();
  /** How each file's latest results depend on the time alone (see core/cache): what passing time can change. */
  private readonly timeDependent = new Map<string, NowDependence>();
  /** The day (in the workspace's zone) the day-dependent results (forecasts) were checked on. */
  private checkedDay?: string;
  private generation = 0;
  disposed = false;

  constructor(
    readonly root: string,
    private readonly settings: () => Settings,
    private readonly events: ProjectEvents,
  ) {
    this.ws = new Workspace(new OverlayHost(root, this.open));
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  uriOf(file: string): string {
    return this.open.get(file)?.uri ?? pathToFileURL(path.join(this.root, ...file.split('/'))).href;
  }

  /** A file's text as the features should see it: the open document's, else the index's. */
  modelOf(file: string): TextModel | undefined {
    const open = this.open.get(file);
    if (open) return open.model;
    const text = this.ws.file(file)?.text;
    return text === undefined ? undefined : new TextModel(file, text);
  }

  /** Whether a workspace-relative path can be part of the index at all. */
  accepts(file: string): boolean {
    return isYamlFile(file) && !file.split('/').some((p) => p === '.git' || p === 'node_modules') && !this.ignored(file);
  }

  /**
   * Reads the whole root, a slice at a time, then checks every file. When `tam validate --cache`
   * left a cache in the root, unchanged files come from it instead: their diagnostics are
   * published as cached, and only what changed, what it affects and what moved with the time is
   * checked (see core/cache).
   */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const t0 = performance.now();
    this.loaded = false;
    this.events.progress('begin', 'reading files');
    const ws = this.ws;
    this.timeDependent.clear();
    const warm = fs.existsSync(path.join(this.root, CACHE_FILE)) ? await this.warmStart() : undefined;
    if (this.disposed || generation !== this.generation) return;
    let all: Set<string>;
    if (warm) {
      this.ignored = ignoreMatcher(ws.config.ignore);
      this.listingProblems = [...ws.problemsOfListing];
      for (const f of this.open.keys()) if (this.accepts(f) && !ws.file(f) && !ws.isForeign(f)) ws.refresh(f); // new files not saved yet
      all = new Set([...ws.files()].map((r) => r.file));
    } else {
      // startLoading forgets what was read before (a reload after `ignore:` changed).
      const files = ws.startLoading();
      this.ignored = ignoreMatcher(ws.config.ignore);
      this.listingProblems = [...ws.problemsOfListing];
      all = new Set([ROOT_FILE, ...files]);
      for (const f of this.open.keys()) if (this.accepts(f)) all.add(f); // new files not saved yet
      let done = 0;
      let sliceStart = performance.now();
      for (const file of all) {
        if (file !== ROOT_FILE) ws.refresh(file);
        done++;
        if (performance.now() - sliceStart > SLICE_MS * 2) {
          this.events.progress('report', `${done} of ${all.size} files`, Math.round((done / all.size) * 90));
          await yieldToEvents();
          if (this.disposed || generation !== this.generation) return;
          sliceStart = performance.now();
        }
      }
    }
    for (const [file, doc] of this.open) this.indexedVersion.set(file, doc.version);
    this.loaded = true;
    this.events.indexed(all.size, ws.entityCount, performance.now() - t0);
    this.events.progress('report', `checking ${all.size} files`, 90);
    this.initialCheck = true;
    this.checkedDay = this.today();
    if (warm) {
      for (const [file, list] of warm.cached) this.publish(file, list, false);
      for (const r of ws.files()) if (!warm.cached.has(r.file)) this.dirty.add(r.file);
    } else {
      for (const r of ws.files()) this.dirty.add(r.file);
    }
    // Files published before a reload that are no longer read (now ignored): cleared.
    for (const f of this.published.keys()) if (!ws.file(f)) this.dirty.add(f);
    this.publishListingProblems();
    this.kick();
  }

  /**
   * Loads the index from the cache `tam validate --cache` keeps in the root, if there is a
   * usable one: made by this build, with the same rule settings and tam.yaml, not committed to
   * git. Files git reports unmodified are known by their blob ids, unless open in the editor.
   */
  private async warmStart(): Promise<{ cached: Map<string, Diagnostic[]> } | undefined> {
    try {
      const git = await unmodifiedBlobIds(this.root);
      if (git?.tracked.has(CACHE_FILE)) return undefined;
      // The cache `tam validate --cache` keeps by default; the server reads it, never writes it.
      const previous = readCacheFile(path.join(this.root, CACHE_FILE));
      if (previous === undefined) return undefined;
      const knownIds = git?.ids;
      for (const f of this.open.keys()) knownIds?.delete(f);
      const s = this.settings();
      const { cached, dependence } = loadFromCache(this.ws, { now: s.now ?? Date.now(), rules: s.rules }, { build: THIS_BUILD, previous, knownIds });
      for (const [f, d] of dependence) this.timeDependent.set(f, d);
      this.events.log('info', `read ${CACHE_FILE}: ${cached.size} files as they were`);
      return { cached };
    } catch (e) {
      this.events.log('warn', `${CACHE_FILE} not used: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  setOpen(file: string, uri: string, version: number, text: string): void {
    const previous = this.open.get(file);
    this.open.set(file, { uri, version, model: new TextModel(file, text, version) });
    if (previous && previous.model.text === text) {
      this.indexedVersion.set(file, version);
      return;
    }
    this.deleted.delete(file);
    // A file that takes long to check (a 50 000-line chain) waits for a longer pause in the
    // typing, so that the thread is not kept busy checking texts already out of date.
    const cost = this.cost.get(file) ?? 0;
    this.schedule(file, cost > SLOW_FILE_MS ? Math.min(MAX_DEBOUNCE_MS, cost) : this.settings().debounceMs);
  }

  close(file: string): void {
    if (!this.open.delete(file)) return;
    this.cost.delete(file);
    this.indexedVersion.delete(file);
    // Back to what is on disk (unsaved edits are gone).
    this.schedule(file, 0);
  }

  /** A file changed on disk (created, changed or deleted). */
  fileChanged(file: string, type: 1 | 2 | 3): void {
    if (type === 3) {
      this.deleted.add(file);
      this.schedule(file, 0);
    } else if (!this.open.has(file)) {
      this.deleted.delete(file);
      this.schedule(file, 0);
    }
  }

  /** A folder was deleted: every indexed file below it is gone. */
  folderDeleted(folder: string): void {
    const prefix = folder === '' ? '' : folder + '/';
    for (const r of [...this.ws.files()]) {
      if (r.file.startsWith(prefix)) this.fileChanged(r.file, 3);
    }
  }

  /** A folder was created (or moved here): read the YAML files in it. */
  folderCreated(folder: string): void {
    const dir = path.join(this.root, ...folder.split('/'));
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      return;
    }
    if (!stat.isDirectory()) return;
    const walk = (abs: string, rel: string, depth: number): void => {
      if (depth > 32) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(abs, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const childRel = `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (e.name !== '.git' && e.name !== 'node_modules' && !this.ignored(childRel + '/')) walk(path.join(abs, e.name), childRel, depth + 1);
        } else if (e.isFile() && this.accepts(childRel)) {
          this.fileChanged(childRel, 1);
        }
      }
    };
    walk(dir, folder, 0);
  }

  /** Applies edits still waiting for their debounce, so that navigation sees the latest text. */
  flush(): void {
    for (const [file, timer] of this.timers) {
      clearTimeout(timer);
      this.pending.add(file);
    }
    this.timers.clear();
    if (this.loaded && this.pending.size) this.applyUpdates();
  }

  /** Re-checks everything (the settings changed). */
  recheckAll(): void {
    for (const r of this.ws.files()) this.dirty.add(r.file);
    this.checkedDay = this.today();
    this.publishListingProblems();
    this.kick();
  }

  /**
   * Time passed: re-checks what the time alone can change — running SLA clocks, postmortems
   * coming due, review dates, and on a new day the forecasts — not the 10 000 incidents that
   * are closed. Returns the files queued.
   */
  recheckTimeDependent(): string[] {
    const today = this.today();
    const newDay = today !== this.checkedDay;
    this.checkedDay = today;
    const queued: string[] = [];
    for (const [file, dependence] of this.timeDependent) {
      if ((dependence === 'instant' || newDay) && this.ws.file(file)) {
        this.dirty.add(file);
        queued.push(file);
      }
    }
    this.kick();
    return queued.sort();
  }

  /** The date in every zone of the workspace: forecasts and review dates move when one turns. */
  private today(): string {
    return dayStamp(this.ws, this.settings().now ?? Date.now());
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    // Clear what this root published.
    for (const file of this.published.keys()) this.events.publish(this.uriOf(file), undefined, []);
    this.published.clear();
  }

  private schedule(file: string, delay: number): void {
    const old = this.timers.get(file);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(file);
      this.pending.add(file);
      this.kick();
    }, delay);
    this.timers.set(file, timer);
  }

  private kick(): void {
    if (this.disposed) return;
    if (this.running) {
      // The run under way may already be past its last look at the queues (a reload that
      // finished while it was returning): run again after it.
      this.kickAgain = true;
      return;
    }
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      if (this.kickAgain) {
        this.kickAgain = false;
        this.kick();
      }
    });
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.disposed || !this.loaded) return; // a (re)load in progress kicks again when done
        if (this.pending.size) this.applyUpdates();
        if (!this.loaded) return; // the update started a reload (`ignore:` changed)
        if (!this.urgent.size && !this.dirty.size) break;
        const sliceStart = performance.now();
        while ((this.urgent.size || this.dirty.size) && performance.now() - sliceStart < SLICE_MS) {
          if (this.pending.size) break; // a newer edit goes first
          this.checkSome();
        }
        await yieldToEvents();
      }
      if (this.initialCheck && !this.dirty.size) {
        this.initialCheck = false;
        this.events.progress('end', `${this.ws.entityCount} entities`);
      }
    } catch (e) {
      this.events.log('error', `checking failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Re-reads the files whose debounce expired; marks what they affect for checking. */
  private applyUpdates(): void {
    const started = performance.now();
    const files = [...this.pending];
    this.pending.clear();
    const touched = new Set<string>();
    const changed: string[] = [];
    const ws = this.ws;
    let reload = false;
    for (const file of files) {
      try {
        const before = file === ROOT_FILE ? JSON.stringify(ws.config.ignore) : '';
        let keys: Set<string>;
        // A file deleted on disk leaves the index even if still open in an editor.
        if (this.deleted.has(file) || !this.accepts(file)) keys = ws.delete(file);
        else keys = ws.refresh(file);
        this.deleted.delete(file);
        for (const k of keys) touched.add(k);
        changed.push(file);
        const open = this.open.get(file);
        if (open) this.indexedVersion.set(file, open.version);
        if (file === ROOT_FILE && JSON.stringify(ws.config.ignore) !== before) reload = true;
      } catch (e) {
        this.events.log('error', `cannot update ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (reload) {
      void this.load();
      return;
    }
    for (const f of changed) {
      this.urgent.add(f);
      this.dirty.delete(f);
    }
    for (const f of ws.affectedBy(changed, touched)) if (!this.urgent.has(f)) this.dirty.add(f);
    this.lastUpdateMs = performance.now() - started;
  }

  private checkSome(): void {
    const batch: string[] = [];
    let urgent = false;
    if (this.urgent.size) {
      const f = this.urgent.values().next().value!;
      this.urgent.delete(f);
      batch.push(f);
      urgent = true;
    } else {
      for (const f of this.dirty) {
        batch.push(f);
        if (batch.length >= BATCH) break;
      }
      for (const f of batch) this.dirty.delete(f);
    }
    const s = this.settings();
    const started = performance.now();
    let results: Map<string, Diagnostic[]>;
    const nowDependent = new Map<string, NowDependence>();
    try {
      results = check(this.ws, { now: s.now ?? Date.now(), rules: s.rules, nowDependent }, batch);
      for (const file of batch) {
        const dependence = nowDependent.get(file);
        if (dependence) this.timeDependent.set(file, dependence);
        else this.timeDependent.delete(file);
      }
    } catch (e) {
      this.events.log('error', `check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      results = new Map();
    }
    for (const file of batch) {
      const record = this.ws.file(file);
      const list = record && !this.ws.isForeign(file) ? (results.get(file) ?? []) : [];
      this.publish(file, list, urgent);
    }
    if (urgent) {
      const checkMs = performance.now() - started;
      if (this.open.has(batch[0]!)) this.cost.set(batch[0]!, this.lastUpdateMs + checkMs);
      if (s.timings) this.events.log('log', `timing ${batch[0]}: read ${this.lastUpdateMs.toFixed(1)} ms, check ${checkMs.toFixed(1)} ms`);
    }
  }

  private publish(file: string, list: Diagnostic[], force: boolean): void {
    this.diagnostics.set(file, list);
    if (list.length === 0 && !this.ws.file(file)) this.diagnostics.delete(file);
    const signature = list.length ? JSON.stringify(list) : '';
    const before = this.published.get(file) ?? '';
    if (!force && signature === before) return;
    if (signature) this.published.set(file, signature);
    else this.published.delete(file);
    if (!force && !signature && !before) return;
    const version = this.open.has(file) ? this.indexedVersion.get(file) : undefined;
    this.events.publish(
      this.uriOf(file),
      version,
      list.map((d) => toLspDiagnostic(d, (f) => this.uriOf(f))),
    );
  }

  private publishListingProblems(): void {
    const severity = ruleSettings(this.ws, { rules: this.settings().rules }).get('yaml-syntax');
    if (severity === 'off' || !severity) return;
    for (const p of this.listingProblems) {
      const d: Diagnostic = { file: p.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code: 'yaml-syntax', message: p.problem };
      this.publish(p.file, [d], false);
    }
  }
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
