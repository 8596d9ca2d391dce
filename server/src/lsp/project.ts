// One workspace root in the analysis thread: its index (read from disk, with open documents
// laid over it), the updates that edits cause, and the checking of the files an update affects.
// Diagnostics are published for every file whose diagnostics changed, not only the edited one:
// renaming a department re-checks and republishes the chains that name it. Its parts, each in
// project/: the overlay of open documents on the disk (overlay-host.ts), the warm start from
// `tam validate --cache` (warm-start.ts), when work runs (scheduler.ts: the debounce and the
// checking in short slices) and what is published (publisher.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { check, ruleSettings } from '../core/check';
import type { Diagnostic } from '../core/diagnostic';
import type { NowDependence } from '../core/rules/rule';
import { dayStamp } from '../core/schedule/workspace-schedule';
import { ignoreMatcher, isYamlFile, type ListedProblem } from '../core/workspace/host';
import { ROOT_FILE, Workspace } from '../core/workspace/workspace';
import { TextModel } from '../service/text-model';
import { OverlayHost, type OpenDocument } from './project/overlay-host';
import { Publisher } from './project/publisher';
import { Scheduler, SLICE_MS, yieldToEvents } from './project/scheduler';
import { hasCacheFile, warmStart } from './project/warm-start';
import type { MemoryPace } from '../runtime/memory';
import type { Settings } from './settings';

export type { OpenDocument } from './project/overlay-host';

export interface ProjectEvents {
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void;
  progress(kind: 'begin' | 'report' | 'end', message?: string, percentage?: number): void;
  indexed(files: number, entities: number, ms: number): void;
  log(level: 'error' | 'warn' | 'info' | 'log', message: string): void;
  /** Called between files while a workspace is read and checked (runtime/memory.ts). */
  pace?: MemoryPace;
}

/** Files read between two calls of `pace`. */
const PACE_EVERY = 1000;

/** A file whose re-check takes longer than this is re-checked after a pause as long as that. */
const SLOW_FILE_MS = 250;
/** The longest wait after an edit, however slow the file is to check. */
const MAX_DEBOUNCE_MS = 2000;

export class Project {
  readonly ws: Workspace;
  readonly open = new Map<string, OpenDocument>();
  private readonly scheduler: Scheduler;
  private readonly publisher: Publisher;
  /** Files deleted on disk, waiting for their update. */
  private readonly deleted = new Set<string>();
  /** For open documents: the version whose text the index holds. */
  private readonly indexedVersion = new Map<string, number>();
  private listingProblems: ListedProblem[] = [];
  private ignored: (file: string) => boolean = () => false;
  private loaded = false;
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
    this.scheduler = new Scheduler({
      ready: () => this.loaded,
      update: (files) => this.applyUpdates(files),
      check: (files, urgent) => this.checkSome(files, urgent),
      drained: () => {
        if (this.initialCheck) {
          this.initialCheck = false;
          this.events.progress('end', `${this.ws.entityCount} entities`);
          // What the first index and check left behind goes now, not at some later edit.
          this.events.pace?.now();
        }
      },
      failed: (message) => this.events.log('error', message),
    });
    this.publisher = new Publisher({
      has: (file) => !!this.ws.file(file),
      versionOf: (file) => (this.open.has(file) ? this.indexedVersion.get(file) : undefined),
      uriOf: (file) => this.uriOf(file),
      publish: (uri, version, diagnostics) => this.events.publish(uri, version, diagnostics),
    });
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Latest core diagnostics per file, for code actions. */
  get diagnostics(): ReadonlyMap<string, Diagnostic[]> {
    return this.publisher.diagnostics;
  }

  uriOf(file: string): string {
    return this.open.get(file)?.uri ?? pathToFileURL(path.join(this.root, ...file.split('/'))).href;
  }

  /** A file's text as the features should see it: the open document's, else the file's. */
  modelOf(file: string): TextModel | undefined {
    const open = this.open.get(file);
    if (open) return open.model;
    const text = this.ws.file(file) ? this.ws.textOf(file) : undefined;
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
    const log = (level: 'warn' | 'info', message: string): void => this.events.log(level, message);
    const warm = hasCacheFile(this.root) ? await warmStart(this.root, ws, this.open, this.settings, log) : undefined;
    if (warm) for (const [f, d] of warm.dependence) this.timeDependent.set(f, d);
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
        if (++done % PACE_EVERY === 0) this.events.pace?.();
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
      for (const [file, list] of warm.cached) this.publisher.publish(file, list, false);
      for (const r of ws.files()) if (!warm.cached.has(r.file)) this.scheduler.checkSoon(r.file);
    } else {
      for (const r of ws.files()) this.scheduler.checkSoon(r.file);
    }
    // Files published before a reload that are no longer read (now ignored): cleared.
    for (const f of this.publisher.publishedFiles()) if (!ws.file(f)) this.scheduler.checkSoon(f);
    this.publishListingProblems();
    this.scheduler.kick();
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
    this.scheduler.schedule(file, cost > SLOW_FILE_MS ? Math.min(MAX_DEBOUNCE_MS, cost) : this.settings().debounceMs);
  }

  close(file: string): void {
    if (!this.open.delete(file)) return;
    this.cost.delete(file);
    this.indexedVersion.delete(file);
    // Back to what is on disk (unsaved edits are gone).
    this.scheduler.schedule(file, 0);
  }

  /** A file changed on disk (created, changed or deleted). */
  fileChanged(file: string, type: 1 | 2 | 3): void {
    if (type === 3) {
      this.deleted.add(file);
      this.scheduler.schedule(file, 0);
    } else if (!this.open.has(file)) {
      this.deleted.delete(file);
      this.scheduler.schedule(file, 0);
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

  /**
   * Applies edits still waiting for their debounce, so that navigation sees the latest text.
   * The files they queued are checked once the request that asked has been answered.
   */
  flush(): void {
    this.scheduler.endPauses();
    if (!this.loaded || !this.scheduler.hasDue) return;
    this.applyUpdates(this.scheduler.takeDue());
    setImmediate(() => this.scheduler.kick());
  }

  /** Re-checks everything (the settings changed). */
  recheckAll(): void {
    for (const r of this.ws.files()) this.scheduler.checkSoon(r.file);
    this.checkedDay = this.today();
    this.publishListingProblems();
    this.scheduler.kick();
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
        this.scheduler.checkSoon(file);
        queued.push(file);
      }
    }
    this.scheduler.kick();
    return queued.sort();
  }

  /** The date in every zone of the workspace: forecasts and review dates move when one turns. */
  private today(): string {
    return dayStamp(this.ws, this.settings().now ?? Date.now());
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.dispose();
    // Clear what this root published.
    this.publisher.clearAll();
  }

  /** Re-reads the files whose debounce expired; queues them and what they affect for checking. */
  private applyUpdates(files: string[]): void {
    const started = performance.now();
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
    for (const f of changed) this.scheduler.checkFirst(f);
    for (const f of ws.affectedBy(changed, touched, true)) if (!this.scheduler.isFirst(f)) this.scheduler.checkSoon(f);
    this.lastUpdateMs = performance.now() - started;
  }

  /** Checks files and publishes their diagnostics; `urgent` for the one edited file. */
  private checkSome(batch: string[], urgent: boolean): void {
    const s = this.settings();
    const started = performance.now();
    let results: Map<string, Diagnostic[]>;
    const nowDependent = new Map<string, NowDependence>();
    if (!urgent) this.events.pace?.();
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
      this.publisher.publish(file, list, urgent);
    }
    if (urgent) {
      const checkMs = performance.now() - started;
      if (this.open.has(batch[0]!)) this.cost.set(batch[0]!, this.lastUpdateMs + checkMs);
      if (s.timings) this.events.log('log', `timing ${batch[0]}: read ${this.lastUpdateMs.toFixed(1)} ms, check ${checkMs.toFixed(1)} ms`);
    }
  }

  private publishListingProblems(): void {
    const severity = ruleSettings(this.ws, { rules: this.settings().rules }).get('yaml-syntax');
    if (severity === 'off' || !severity) return;
    for (const p of this.listingProblems) {
      const d: Diagnostic = { file: p.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code: 'yaml-syntax', message: p.problem };
      this.publisher.publish(p.file, [d], false);
    }
  }
}
