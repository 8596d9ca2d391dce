// Keeps a process's memory near what it holds while it reads a workspace of 100 000 files
// (`tam validate`, the language server's first index). In work that allocates gigabytes and
// keeps little of it, V8 favours throughput: it lets the garbage of parsed and checked files
// grow to two or three times the live heap before collecting, and that garbage was most of
// the peak memory (600 MB on 100 000 incidents, 150 MB of it live). The shells call `pace`
// between files; once the heap has grown well past what was live after the last collection,
// it collects. On small workspaces it never does. The core knows nothing of it.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Collect once the heap holds this much more than the last collection left live… */
const GROWTH = 1.5;
/** …and at least this much more. */
const SLACK_BYTES = 64 * 1024 * 1024;

/**
 * A function to call between units of work, or undefined when the runtime offers no way to
 * collect. `--expose-gc` is set for the contexts made from now on (a flag V8 reads when a context
 * is created), and one such context lends its `gc`.
 */
export function memoryPace(): MemoryPace | undefined {
  let collect: (() => void) | undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
    // The lent `gc` stays; the flag goes back, for it is part of what V8 checks before it
    // takes compiled code from a cache (cli/launcher.ts writes that cache at the end of a run).
    v8.setFlagsFromString('--no-expose-gc');
  } catch {
    return undefined;
  }
  if (typeof collect !== 'function') return undefined;
  let live = v8.getHeapStatistics().used_heap_size;
  const now = (): void => {
    collect!();
    live = v8.getHeapStatistics().used_heap_size;
  };
  const pace = (): void => {
    if (v8.getHeapStatistics().used_heap_size >= Math.max(live * GROWTH, live + SLACK_BYTES)) now();
  };
  return Object.assign(pace, { now });
}

/** Called between units of work; `now` collects at once (when a long piece of work ends). */
export interface MemoryPace {
  (): void;
  now(): void;
}
