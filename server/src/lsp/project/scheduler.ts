// When a project's work runs. An edit waits for a pause in the typing (a debounce per file);
// then the edited files are re-read, and they and the files they affect are queued for checking:
// edited files first, one at a time, the others in batches. The checking runs in slices of about
// SLICE_MS and yields to the event loop between them, so that requests are answered while a
// large workspace is checked, and a newer edit goes before the rest of the queue.

/** Checking yields to requests after this much work. */
export const SLICE_MS = 12;
/** Files checked per call of the core checker while catching up (one at a time when edited). */
const BATCH = 40;

/** What the scheduler runs; the project provides it. */
export interface ScheduledWork {
  /** False while the index is (re)loading: the run stops, and the finished load kicks again. */
  ready(): boolean;
  /** Re-reads the files whose pause has come and queues what they change (checkFirst, checkSoon). */
  update(files: string[]): void;
  /** Checks the files and publishes their diagnostics; `urgent` for an edited file. */
  check(files: string[], urgent: boolean): void;
  /** The queue of files to check has just run empty. */
  drained(): void;
  failed(message: string): void;
}

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Files whose pause has come, to be re-read. */
  private readonly pending = new Set<string>();
  /** Files to check, edited ones first. */
  private readonly urgent = new Set<string>();
  private readonly dirty = new Set<string>();
  private running = false;
  private kickAgain = false;
  private disposed = false;

  constructor(private readonly work: ScheduledWork) {}

  /** Re-reads a file after `delayMs` without a newer call for it. */
  schedule(file: string, delayMs: number): void {
    const old = this.timers.get(file);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(file);
      this.pending.add(file);
      this.kick();
    }, delayMs);
    this.timers.set(file, timer);
  }

  /** Ends every pause now: the files waiting for one are due (takeDue). */
  endPauses(): void {
    for (const [file, timer] of this.timers) {
      clearTimeout(timer);
      this.pending.add(file);
    }
    this.timers.clear();
  }

  get hasDue(): boolean {
    return this.pending.size > 0;
  }

  /** The files due to be re-read; they are no longer due. */
  takeDue(): string[] {
    const files = [...this.pending];
    this.pending.clear();
    return files;
  }

  /** Queues an edited file for checking before any other. */
  checkFirst(file: string): void {
    this.urgent.add(file);
    this.dirty.delete(file);
  }

  isFirst(file: string): boolean {
    return this.urgent.has(file);
  }

  /** Queues a file for checking after the edited ones. */
  checkSoon(file: string): void {
    this.dirty.add(file);
  }

  /** Runs the queued work unless it is running already. */
  kick(): void {
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

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.disposed || !this.work.ready()) return; // a (re)load in progress kicks again when done
        if (this.pending.size) this.work.update(this.takeDue());
        if (!this.work.ready()) return; // the update started a reload (`ignore:` changed)
        if (!this.urgent.size && !this.dirty.size) break;
        const sliceStart = performance.now();
        while ((this.urgent.size || this.dirty.size) && performance.now() - sliceStart < SLICE_MS) {
          if (this.pending.size) break; // a newer edit goes first
          this.checkNext();
        }
        await yieldToEvents();
      }
      this.work.drained();
    } catch (e) {
      this.work.failed(`checking failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Checks the first edited file, else the next batch of the others. */
  private checkNext(): void {
    if (this.urgent.size) {
      const f = this.urgent.values().next().value!;
      this.urgent.delete(f);
      this.work.check([f], true);
      return;
    }
    const batch: string[] = [];
    for (const f of this.dirty) {
      batch.push(f);
      if (batch.length >= BATCH) break;
    }
    for (const f of batch) this.dirty.delete(f);
    this.work.check(batch, false);
  }
}

export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
