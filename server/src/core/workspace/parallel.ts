// Reading and parsing a large workspace on every core. Parsing and schema checks of a file
// depend on that file alone, so worker threads build the records of their share of the files
// while the main thread builds its own; the index is then filled in one pass. Cross-file
// rules run afterwards on the main thread, which holds the whole index.

import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileSystemHost } from './host';
import { buildRecord, type FileRecord } from './workspace';

/** Below this many files a worker's start-up costs more than it saves. */
export const PARALLEL_THRESHOLD = 1500;

export interface BuiltFile {
  file: string;
  /** undefined: YAML that is not part of the workspace. */
  record: FileRecord | undefined;
}

export interface WorkerRequest {
  root: string;
  files: string[];
}

/** Builds the records of the files in the calling thread. */
export function buildFiles(root: string, files: readonly string[]): BuiltFile[] {
  const host = new FileSystemHost(root);
  return files.map((file) => {
    const read = host.readFile(file);
    if ('problem' in read) return { file, record: { file, readProblem: read.problem, entities: [], refs: [], local: [], suppressions: [] } };
    return { file, record: buildRecord(file, read.text) };
  });
}

/**
 * Builds the records of many files using worker threads running `workerScript` (the bundled
 * build-worker.js). Falls back to the calling thread when the script is missing or a worker
 * fails, so a result always comes back.
 */
export async function buildFilesInParallel(root: string, files: readonly string[], workerScript: string | undefined): Promise<BuiltFile[]> {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const workers = Math.min(3, cores - 1);
  if (!workerScript || workers < 1 || files.length < PARALLEL_THRESHOLD || !fs.existsSync(workerScript)) return buildFiles(root, files);

  // Interleave so each share has a similar mix of large and small files.
  const shares: string[][] = Array.from({ length: workers + 1 }, () => []);
  files.forEach((f, i) => shares[i % shares.length]!.push(f));
  const pending = shares.slice(1).map((share) => runWorker(workerScript, { root, files: share }).catch(() => buildFiles(root, share)));
  const own = buildFiles(root, shares[0]!);
  const others = await Promise.all(pending);
  return [own, ...others].flat();
}

function runWorker(script: string, request: WorkerRequest): Promise<BuiltFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: request });
    worker.once('message', (built: BuiltFile[]) => {
      resolve(built);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with code ${code}`));
    });
  });
}
