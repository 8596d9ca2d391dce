// The task graph of spec §5: every task of the given chains as a node, its depends_on as edges
// (same-chain ids and "chain-id/task-id" alike), and the dependency cycles in it. Shared by the
// cycle rule and the forecast, which must agree on what a cycle is.

import type { ChainDoc, TaskDoc } from '../model';
import { taskRefId } from '../workspace/entities';

export interface Node {
  chain: number;
  task: TaskDoc;
  key: string;
  /** Resolved predecessors (depends_on), duplicates and unknown targets dropped. */
  deps: number[];
}

export interface Graph {
  chains: readonly ChainDoc[];
  nodes: Node[];
  /** Node indexes of each chain's tasks, in document order. */
  chainNodes: number[][];
}

export function buildGraph(chains: readonly ChainDoc[]): Graph {
  const nodes: Node[] = [];
  const chainNodes: number[][] = [];
  const byKey = new Map<string, number>();
  chains.forEach((chain, ci) => {
    const own: number[] = [];
    const ids = new Set<string>();
    for (const task of Array.isArray(chain.tasks) ? chain.tasks : []) {
      // A duplicated task or chain id is another rule's report; the first definition wins.
      if (!task || typeof task.id !== 'string' || ids.has(task.id)) continue;
      ids.add(task.id);
      const key = `${chain.id}/${task.id}`;
      if (!byKey.has(key)) byKey.set(key, nodes.length);
      own.push(nodes.length);
      nodes.push({ chain: ci, task, key, deps: [] });
    }
    chainNodes.push(own);
  });
  for (const node of nodes) {
    const chainId = chains[node.chain]!.id;
    const seen = new Set<number>();
    for (const raw of Array.isArray(node.task.depends_on) ? node.task.depends_on : []) {
      if (typeof raw !== 'string') continue;
      const target = byKey.get(taskRefId(chainId, raw));
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      node.deps.push(target);
    }
  }
  return { chains, nodes, chainNodes };
}

/**
 * Strongly connected components (Tarjan), iteratively so that a chain of thousands of tasks
 * cannot overflow the stack. Returns the component of each node and which components are
 * cycles (more than one node, or a node depending on itself).
 */
function components(nodes: readonly Node[]): { comp: Int32Array; cyclic: boolean[] } {
  const n = nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const cyclic: boolean[] = [];
  let counter = 0;
  const work: { v: number; next: number }[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push({ v: root, next: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const frame = work[work.length - 1]!;
      const { v } = frame;
      const deps = nodes[v]!.deps;
      if (frame.next < deps.length) {
        const w = deps[frame.next++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const id = cyclic.length;
        let size = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = id;
          size++;
        } while (w !== v);
        cyclic.push(size > 1 || deps.includes(v));
      }
    }
  }
  return { comp, cyclic };
}

/**
 * Elementary cycles that together name every task on a cycle: for each task of a cyclic
 * component not yet named, the shortest way back to itself along depends_on. Node indexes,
 * each depending on the next and the last on the first.
 */
export function cyclesOf(graph: Graph): number[][] {
  const { nodes } = graph;
  const { comp, cyclic } = components(nodes);
  const covered = new Uint8Array(nodes.length);
  const out: number[][] = [];
  const parent = new Int32Array(nodes.length);
  for (let start = 0; start < nodes.length; start++) {
    if (covered[start] || !cyclic[comp[start]!]) continue;
    const c = comp[start]!;
    parent.fill(-1);
    const queue = [start];
    let last = -1;
    for (let q = 0; q < queue.length && last === -1; q++) {
      const v = queue[q]!;
      for (const w of nodes[v]!.deps) {
        if (comp[w] !== c) continue;
        if (w === start) {
          last = v;
          break;
        }
        if (parent[w] === -1) {
          parent[w] = v;
          queue.push(w);
        }
      }
    }
    const path: number[] = [];
    for (let v = last; v !== start && v !== -1; v = parent[v]!) path.push(v);
    path.push(start);
    path.reverse();
    for (const v of path) covered[v] = 1;
    out.push(path);
  }
  return out;
}

/**
 * The dependency cycles among the chains' tasks, as task keys ("chain-id/task-id"), each task
 * depending on the next and the last on the first. Every task on a cycle is named at least once.
 */
export function findCycles(chains: readonly ChainDoc[]): string[][] {
  const graph = buildGraph(chains);
  return cyclesOf(graph).map((cycle) => cycle.map((v) => graph.nodes[v]!.key));
}
