// The graph of a chain in a review: the `tam graph` flowchart (lanes per department, critical
// path thick) with the tasks the change added or edited outlined, so a reviewer sees where in
// the chain the edit lands.

import type { ChainDoc } from '../model';
import type { ChainForecast } from '../schedule/forecast';
import { chainFlowchart, type MermaidOptions } from './mermaid';

const CHANGED_CLASS = 'classDef reviewChanged stroke:#7048e8,stroke-width:4px';

export function reviewChainGraph(chain: ChainDoc, forecast: ChainForecast | undefined, changedTasks: ReadonlySet<string>, options: MermaidOptions = {}): string {
  const graph = chainFlowchart(chain, forecast, options);
  // Node ids follow chainFlowchart's numbering: tasks with an id, first definition, in order.
  const seen = new Set<string>();
  const nodes: string[] = [];
  let index = 0;
  for (const task of Array.isArray(chain.tasks) ? chain.tasks : []) {
    if (!task || typeof task.id !== 'string' || seen.has(task.id)) continue;
    seen.add(task.id);
    if (changedTasks.has(task.id)) nodes.push(`n${index}`);
    index++;
  }
  if (!nodes.length) return graph;
  return `${graph}  ${CHANGED_CLASS}\n  class ${nodes.join(',')} reviewChanged\n`;
}
