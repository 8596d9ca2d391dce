// Entry of a worker thread that builds the records of its share of a workspace's files
// (see parallel.ts). Bundled as dist/build-worker.js.

import { parentPort, workerData } from 'node:worker_threads';
import { buildFiles, type WorkerRequest } from './parallel';

const request = workerData as WorkerRequest;
parentPort!.postMessage(buildFiles(request.root, request.files));
