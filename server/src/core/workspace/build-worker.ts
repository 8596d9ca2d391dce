// Entry of a worker thread that builds the records of its share of a workspace's files
// (see parallel.ts). Bundled as dist/build-worker.js.

import { parentPort, workerData } from 'node:worker_threads';
import { buildFiles, type WorkerRequest } from './parallel';

const request = workerData as WorkerRequest;
const built = buildFiles(request.root, request.files);
// yaml's documents are class instances that do not survive the copy to the other thread;
// the main thread parses again the few files that need them.
for (const { record } of built) if (record?.parsed) delete record.parsed.precise;
parentPort!.postMessage(built);
