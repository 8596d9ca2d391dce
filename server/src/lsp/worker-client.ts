// The main thread's side of the analysis thread: starts it (the same script, as a worker),
// sends it documents and requests, matches responses, and starts it again should it die,
// replaying what it needs to know. While it is away, or too slow for a request that has a
// text-only answer, the caller answers without it.

import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';

interface Pending {
  resolve(value: { result?: unknown; error?: string; failure?: boolean; late?: boolean }): void;
  timer?: NodeJS.Timeout;
}

/** At most this many restarts within RESTART_WINDOW_MS; after that the server stays text-only. */
const MAX_RESTARTS = 5;
const INITIAL_HEAP_MB = Number(process.env.TAM_LSP_HEAP_MB) || 1024;
const MAX_HEAP_MB = 4096;
const YOUNG_MB = Number(process.env.TAM_LSP_YOUNG_MB) || 32;
const RESTART_WINDOW_MS = 60_000;

export class WorkerClient {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private restarts: number[] = [];
  private answered = false;
  private stopped = false;
  /**
   * The analysis thread's old-generation limit, doubled if a workspace ever needs more (the
   * thread starts again and reads everything anew). It is a ceiling, not the pacing of the
   * collections: runtime/memory.ts keeps the heap near what the index holds while it is read.
   * It was 256 MB once: 100 000 incidents (a 270 MB index) ran out of it, and the restart read
   * all of them twice (26 s to the first diagnostics instead of 14.5 s).
   */
  private heapLimitMb = INITIAL_HEAP_MB;

  constructor(
    private readonly script: string,
    private readonly onMessage: (m: FromWorker) => void,
    /** Messages that bring a fresh worker up to date (init, open documents). */
    private readonly replay: () => ToWorker[],
    private readonly log: (message: string) => void,
  ) {}

  get alive(): boolean {
    return !!this.worker;
  }

  /**
   * Whether the thread has answered a request since it (re)started: until then it is still
   * loading its code and reading the workspace, and a request may wait long for its turn.
   */
  get settled(): boolean {
    return this.answered;
  }

  start(): void {
    if (this.stopped) return;
    // V8 flags are the process's already (and refused per worker); keep loaders such as --import.
    const execArgv = process.execArgv.filter((a) => !/^--(expose[-_]gc|max[-_]old[-_]space[-_]size|max[-_]semi[-_]space[-_]size)/.test(a));
    const worker = new Worker(this.script, {
      stdout: true,
      stderr: true,
      execArgv,
      workerData: { role: 'analysis' },
      resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    this.worker = worker;
    this.answered = false;
    worker.stdout.on('data', (d: Buffer) => this.log(d.toString().trimEnd()));
    worker.stderr.on('data', (d: Buffer) => this.log(d.toString().trimEnd()));
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'response') {
        if (this.worker === worker) this.answered = true;
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (p.timer) clearTimeout(p.timer);
        p.resolve(m);
      } else {
        this.onMessage(m);
      }
    });
    worker.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && this.heapLimitMb < MAX_HEAP_MB) {
        // A bigger workspace than the first limit allows: give it room and start again.
        this.heapLimitMb = Math.min(MAX_HEAP_MB, this.heapLimitMb * 2);
        this.log(`analysis thread needs more memory; restarting it with ${this.heapLimitMb} MB`);
      } else {
        this.log(`analysis thread failed: ${e.stack ?? e.message}`);
      }
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [id, p] of this.pending) {
        if (p.timer) clearTimeout(p.timer);
        p.resolve({ error: 'the analysis thread stopped' });
        this.pending.delete(id);
      }
      if (this.stopped) return;
      const now = Date.now();
      this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
      if (this.restarts.length >= MAX_RESTARTS) {
        this.log(`analysis thread exited (code ${code}) ${MAX_RESTARTS} times in a minute; continuing without the workspace index`);
        return;
      }
      this.restarts.push(now);
      this.log(`analysis thread exited (code ${code}); starting it again`);
      setTimeout(() => {
        this.start();
        for (const m of this.replay()) this.post(m);
      }, 200);
    });
  }

  post(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  /**
   * Sends a request. With `patienceMs`, resolves `{ late: true }` when the thread has not
   * answered in time (the caller answers without it; the late answer is dropped).
   */
  request(method: string, params: unknown, patienceMs?: number): Promise<{ result?: unknown; error?: string; failure?: boolean; late?: boolean }> {
    if (!this.worker) return Promise.resolve({ late: true });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const p: Pending = { resolve };
      if (patienceMs !== undefined) {
        p.timer = setTimeout(() => {
          this.pending.delete(id);
          resolve({ late: true });
        }, patienceMs);
      }
      this.pending.set(id, p);
      this.worker!.postMessage({ type: 'request', id, method, params } satisfies ToWorker);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
