// tam/serverStats: what the server holds, for benchmarks and bug reports — the heap of each
// thread, the process's resident memory, and the size of each workspace index.

import * as v8 from 'node:v8';
import type { FeatureContext } from './context';

export interface HeapStats {
  heapUsedMb: number;
  heapTotalMb: number;
}

export function heapStats(): HeapStats {
  // Under --expose-gc (benchmarks), count live data only.
  (globalThis as { gc?: () => void }).gc?.();
  const h = v8.getHeapStatistics();
  return { heapUsedMb: round(h.used_heap_size), heapTotalMb: round(h.total_heap_size) };
}

export function onStats(ctx: FeatureContext): unknown {
  return {
    analysis: heapStats(),
    rssMb: round(process.memoryUsage().rss),
    workspaces: [...ctx.projects()].map((p) => ({ root: p.root, files: [...p.ws.files()].length, entities: p.ws.entityCount })),
  };
}

function round(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
