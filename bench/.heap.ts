import * as v8 from 'node:v8';
import { FileSystemHost } from '../server/src/core/workspace/host';
import { Workspace } from '../server/src/core/workspace/workspace';
const ws = new Workspace(new FileSystemHost(process.argv[2]!));
ws.loadAll();
(globalThis as any).gc();
const file = v8.writeHeapSnapshot('/tmp/ws.heapsnapshot');
console.log(file, [...ws.files()].length);
