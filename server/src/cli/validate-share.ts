// `tam validate` on more than one core. Checking the incident files is most of a whole check,
// and one incident's check needs no other incident (core/load-and-check.ts), so other threads
// share them: each reads the files outside the incidents folders itself, then takes the next
// incident file from a counter in shared memory, checks it and sends back what the index keeps
// of it with its diagnostics — a few hundred bytes, never a parsed document. This thread does
// the same between taking in what they sent, and checks at the end whatever a thread that
// stopped early did not send. So the results are the one-thread results whatever happens to a
// helper; a test compares them.
//
// `--concurrency` says how many threads check: `auto` (the default) two when the machine has
// two cores and the workspace enough incident files to repay starting a thread, `off` or 1
// one, N at most N.

import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { debuglog } from 'node:util';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { THIS_BUILD } from '../core/cache/check-cache';
import type { CheckOptions } from '../core/check';
import type { Diagnostic } from '../core/diagnostic';
import { checkShare, IncidentsCheck, type SharedResult } from '../core/load-and-check';
import { FileSystemHost } from '../core/workspace/host';
import { Workspace } from '../core/workspace/workspace';
import { memoryPace } from '../runtime/memory';
import { UsageError } from './args';

/** How a helper thread knows what it is for (tam.ts asks `isShare`). */
const ROLE = 'tam-validate-share';
/**
 * Below this many incident files, `auto` checks on one thread: starting one (its code, its own
 * reading of the other files) costs about what it saves on 1 000 incidents here.
 */
const SHARE_FROM = 2000;
/** `auto` uses at most this many threads: each reads and holds the other kinds once more. */
const AUTO_MAX = 2;
/** A helper sends its results this many files at a time. */
const BATCH = 32;

/** NODE_DEBUG=tam tells how the work was shared. */
const debug = debuglog('tam');

export type Concurrency = number | 'auto';

/** `--concurrency auto|off|N`. */
export function concurrencyOption(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 1;
  if (/^[1-9]\d{0,2}$/.test(value)) return Number(value);
  throw new UsageError(`--concurrency must be auto, off or a number of threads (1 to 999), not "${value}"`);
}

interface ShareData {
  role: typeof ROLE;
  root: string;
  options: Pick<CheckOptions, 'now' | 'rules'>;
  files: string[];
  /** One Int32: the place in `files` of the next file to claim. */
  claims: SharedArrayBuffer;
  port: MessagePort;
}

type FromShare = { results: SharedResult[] } | { done: true } | { failed: string };

/** A whole check of the workspace at `root`, read into `ws`, on as many threads as `concurrency` allows. */
export async function loadAndCheckShared(ws: Workspace, root: string, options: Pick<CheckOptions, 'now' | 'rules'>, concurrency: Concurrency): Promise<Map<string, Diagnostic[]>> {
  const pace = memoryPace();
  const run = new IncidentsCheck(ws, options, pace);
  const threads = concurrency === 'auto' ? (run.files.length >= SHARE_FROM ? Math.min(AUTO_MAX, availableParallelism()) : 1) : Math.min(concurrency, run.files.length || 1);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const helpers: Helper[] = [];
  const data = { role: ROLE, root, options: { now: options.now, rules: options.rules }, files: run.files, claims: claims.buffer as SharedArrayBuffer } as const;
  for (let n = 1; n < threads; n++) helpers.push(new Helper(data, run));
  debug(`validate: ${run.files.length} files of incidents folders on ${threads} thread(s)`);
  run.readOthers();
  run.checkClaimed(
    () => Atomics.add(claims, 0, 1),
    helpers.length ? () => helpers.forEach((h) => h.poll()) : undefined,
  );
  await Promise.all(helpers.map((h) => h.end()));
  return run.finish();
}

/** Another thread sharing the incidents, as this one sees it. */
class Helper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private ended = false;

  constructor(
    data: Omit<ShareData, 'port'>,
    private readonly run: IncidentsCheck,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const { script, execArgv } = helperScript();
    this.worker = new Worker(script, { workerData: { ...data, port: port2 }, transferList: [port2], execArgv, stdout: true });
    // A helper that fails costs time, not results: what it did not send is checked here.
    this.worker.on('error', (e) => debug(`validate: a helper thread failed: ${e.stack ?? e.message}`));
  }

  /** Takes in what the helper has sent so far, without waiting. */
  poll(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) this.handle(m.message as FromShare);
  }

  /** Waits for the rest of the helper's results, or for its end. */
  end(): Promise<void> {
    this.poll();
    return new Promise<void>((resolve) => {
      if (this.ended) return resolve();
      this.port.on('message', (m: FromShare) => {
        this.handle(m);
        if (this.ended) resolve();
      });
      this.worker.once('exit', () => {
        this.poll();
        resolve();
      });
    }).finally(() => {
      this.port.close();
      void this.worker.terminate();
    });
  }

  private handle(m: FromShare): void {
    if ('results' in m) for (const result of m.results) this.run.take(result);
    else {
      this.ended = true;
      if ('failed' in m) debug(`validate: a helper thread stopped: ${m.failed}`);
    }
  }
}

/**
 * What a helper runs: in the bundle, the launcher beside it, which brings V8's compiled code of
 * the bundle (launcher.ts); from the sources (the tests), tam.ts through tsx.
 */
function helperScript(): { script: string; execArgv: string[] } {
  if (THIS_BUILD === 'source') return { script: path.join(__dirname, 'tam.ts'), execArgv: ['--import', 'tsx'] };
  const launcher = path.join(__dirname, 'tam.js');
  return { script: fs.existsSync(launcher) ? launcher : __filename, execArgv: [] };
}

/** Whether this thread is a helper of `tam validate` (tam.ts then runs `runShare` instead of the CLI). */
export function isShare(): boolean {
  return (workerData as ShareData | undefined)?.role === ROLE;
}

/** The helper's side: checks the incident files it claims and sends the results in batches. */
export function runShare(): void {
  const { root, options, files, claims, port } = workerData as ShareData;
  const counter = new Int32Array(claims);
  let batch: SharedResult[] = [];
  const flush = (): void => {
    if (batch.length) port.postMessage({ results: batch } satisfies FromShare);
    batch = [];
  };
  try {
    const ws = new Workspace(new FileSystemHost(root));
    const send = (result: SharedResult): void => {
      batch.push(result);
      if (batch.length >= BATCH) flush();
    };
    checkShare(ws, options, files, () => Atomics.add(counter, 0, 1), send, memoryPace());
    flush();
    port.postMessage({ done: true } satisfies FromShare);
  } catch (e) {
    // What was checked stands; the file being checked and the rest are the other thread's.
    flush();
    port.postMessage({ failed: e instanceof Error ? e.message : String(e) } satisfies FromShare);
  }
  port.close();
}
