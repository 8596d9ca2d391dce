import * as v8 from 'node:v8';
import { FileSystemHost } from '../server/src/core/workspace/host';
import { Workspace } from '../server/src/core/workspace/workspace';
import { loadAndCheck } from '../server/src/core/load-and-check';
const ws = new Workspace(new FileSystemHost(process.argv[2]!));
const results = loadAndCheck(ws, { now: Date.parse('2026-11-25T12:00:00+03:00') });
(globalThis as any).gc();
console.log(v8.writeHeapSnapshot('/tmp/ws2.heapsnapshot'), results.size, [...ws.files()].length);
