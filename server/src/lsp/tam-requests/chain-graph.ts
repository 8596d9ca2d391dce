// tam/chainGraph: one chain as a Mermaid flowchart or Gantt chart with its forecast, and for
// each drawn node the task it stands for and the range of its id, so that a click in the
// webview opens the task in the editor.

import * as path from 'node:path';
import { chainFlowchart, chainGantt } from '../../core/render/mermaid';
import { planTasks } from '../../core/render/plan';
import { isLateChain, type ChainForecast } from '../../core/schedule/forecast';
import { chainSchedule, departmentNames, workspaceToday } from '../../core/schedule/workspace-schedule';
import type { Entity } from '../../core/workspace/entities';
import { Locator } from '../../core/workspace/locate';
import type { ChainGraph, ChainGraphParams, ChainGraphResult, GraphNode } from '../../protocol/tam-protocol';
import { drawableChain } from './half-typed';
import { fileOf, nowOf, uriIn, type TamHost, type TamWorkspaceRef } from './host';
import { plainText } from '../../core/text/shown';

interface FoundChain {
  ref: TamWorkspaceRef;
  entity: Entity;
}

/** The chain a request means: in the file it names (by id, else the first), else by id anywhere. */
function findChain(host: TamHost, uri: string | undefined, chainId: string | undefined): FoundChain | { error: string } {
  if (uri) {
    const ref = host.workspaceFor(uri);
    const file = ref && fileOf(ref.root, uri);
    if (!ref || file === undefined) return { error: 'This file is not in a TAM workspace (no tam.yaml in its folder or above).' };
    const chains = (ref.ws.file(file)?.entities ?? []).filter((e) => e.kind === 'chain');
    if (chains.length === 0) return { error: `${plainText(path.basename(file))} holds no task chain (kind: chain).` };
    return { ref, entity: chains.find((c) => c.id === chainId) ?? chains[0]! };
  }
  if (chainId) {
    for (const ref of host.workspaces()) {
      const entity = ref.ws.get('chain', chainId);
      if (entity) return { ref, entity };
    }
    return { error: `No chain "${plainText(chainId)}" in the workspace.` };
  }
  return { error: 'Name a chain: open a chain file or pick one.' };
}

export function chainGraph(host: TamHost, p: ChainGraphParams): ChainGraphResult {
  const found = findChain(host, p.uri, p.chainId);
  if ('error' in found) return found;
  const { ref, entity } = found;
  const { ws } = ref;
  const now = nowOf(host, p);
  const { chain, index } = drawableChain(entity.value);
  const forecast: ChainForecast | undefined = entity.valid ? chainSchedule(ws, now, entity.id)?.byId.get(entity.id) : undefined;
  const names = departmentNames(ws);
  const options = { departmentNames: names };
  const format = p.format === 'gantt' ? 'gantt' : 'flowchart';
  const mermaid = format === 'gantt' ? chainGantt(chain, forecast, options) : chainFlowchart(chain, forecast, options);

  const uri = uriIn(ref, entity.file);
  const text = ws.textOf(entity.file) ?? '';
  const locator = new Locator(text);
  const nodes: Record<string, GraphNode> = {};
  // Each task's dates, slack and critical path as `tam plan --format json` lists them.
  const planned = new Map((forecast ? planTasks(forecast) : []).map((t) => [t.id, t]));
  chain.tasks.forEach((t, i) => {
    const p = planned.get(t.id);
    nodes[`${format === 'gantt' ? 't' : 'n'}${i}`] = {
      taskId: t.id,
      title: t.title,
      status: t.status,
      department: t.department,
      uri,
      range: locator.range(entity.doc, [...entity.path, 'tasks', index[i]!, 'id']),
      critical: p?.critical ?? false,
      start: p?.start ?? undefined,
      finish: p?.finish ?? undefined,
      slack: p?.start ? p.slack : undefined,
      due: typeof t.due === 'string' ? t.due : undefined,
    };
  });
  const lanes: Record<string, string> = {};
  for (const t of chain.tasks) lanes[t.department] = names[t.department] ?? t.department;
  const graph: ChainGraph = {
    chainId: entity.id,
    title: chain.title,
    project: chain.project,
    uri,
    format,
    mermaid,
    nodes,
    taskCount: chain.tasks.length,
    forecastFinish: forecast?.forecastFinish,
    deadline: typeof entity.value.deadline === 'string' ? entity.value.deadline : undefined,
    late: forecast !== undefined && isLateChain(forecast),
    lateByWorkingDays: forecast?.lateByWorkingDays ?? 0,
    done: forecast?.done ?? false,
    criticalPath: forecast?.criticalPath ?? [],
    today: workspaceToday(ws, now),
    departments: lanes,
  };
  if (forecast?.cycle?.length) graph.cycle = forecast.cycle;
  if (!entity.valid) graph.problem = 'The chain has errors (see the Problems panel): no forecast until they are fixed.';
  return graph;
}
