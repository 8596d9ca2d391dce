// Code lenses: above a chain, its forecast ("forecast 2026-11-19 · late by 1 day · critical
// path: 5 tasks") and the graph and Gantt chart of it; above an incident, its two SLA clocks,
// the SLA Summary of its project and, when its policy wants a postmortem that does not exist
// yet, "Create postmortem"; above a project, its open SLA breaches and its late chains.
// Computed from the index, so they follow edits once the index has them. Each lens says what
// clicking it does (`action`); the server turns that into a command the editor can run, and
// drops the lenses that only exist to be clicked where it cannot (lsp/code-lenses.ts).

import type { Range } from '../core/model';
import { postmortemOf, requiresPostmortem } from '../core/sla/postmortem-due';
import { isLateChain } from '../core/schedule/forecast';
import { openBreaches } from '../core/sla/incident-state';
import type { Entity } from '../core/workspace/entities';
import type { Workspace } from '../core/workspace/workspace';
import { chainForecast, chainSummary, clockText, plural, safeSla } from './describe';
import type { TextModel } from './text-model';
import { findPair, rootScalar } from './yaml-tree';

/** What clicking a lens does. */
export type LensAction =
  /** Open the chain graph (a flowchart or a Gantt chart) of a chain. */
  | { kind: 'graph'; chain: string; file: string; format: 'flowchart' | 'gantt' }
  /** Open the SLA Summary of one project's incidents. */
  | { kind: 'sla'; project: string }
  /** Create the postmortem of an incident (the file, and `postmortem:` in the incident). */
  | { kind: 'create-postmortem'; incident: string };

export interface Lens {
  range: Range;
  title: string;
  action?: LensAction;
  /** The lens is only there to be clicked ("Show graph"): without its action it says nothing. */
  actionOnly?: boolean;
}

export function codeLenses(model: TextModel, ws: Workspace, now: number): Lens[] {
  const out: Lens[] = [];
  for (const doc of model.tree.docs) {
    const kind = rootScalar(doc, 'kind')?.value;
    const id = rootScalar(doc, 'id')?.value;
    if (!id || doc.root?.type !== 'map' || (kind !== 'chain' && kind !== 'incident' && kind !== 'project')) continue;
    const pair = findPair(doc.root, 'kind') ?? doc.root.pairs[0]!;
    const range = model.range(pair.keyStart, pair.keyStart);
    // The entity this document stands for, not one of the same id in another file.
    const entity = ws.all(kind, id).find((e) => e.file === model.file);
    if (!entity) continue;
    if (kind === 'chain') out.push(...chainLenses(ws, entity, range, now));
    else if (kind === 'incident') out.push(...incidentLenses(ws, entity, range, now));
    else out.push(...projectLenses(ws, entity, range, now));
  }
  return out;
}

function chainLenses(ws: Workspace, chain: Entity, range: Range, now: number): Lens[] {
  const graph = (format: 'flowchart' | 'gantt'): LensAction => ({ kind: 'graph', chain: chain.id, file: chain.file, format });
  const forecast = chain.valid ? chainForecast(ws, chain.id, now) : undefined;
  const out: Lens[] = [];
  if (forecast) out.push({ range, title: chainSummary(forecast), action: graph('flowchart') });
  else if (!chain.valid) out.push({ range, title: 'no forecast until the errors of this chain are fixed' });
  out.push({ range, title: 'Show graph', action: graph('flowchart'), actionOnly: true });
  out.push({ range, title: 'Gantt', action: graph('gantt'), actionOnly: true });
  return out;
}

function incidentLenses(ws: Workspace, incident: Entity, range: Range, now: number): Lens[] {
  const sla = safeSla(ws, incident, now);
  const project = typeof incident.value.project === 'string' ? incident.value.project : undefined;
  const summary: LensAction | undefined = project ? { kind: 'sla', project } : undefined;
  const out: Lens[] = [];
  if (sla) {
    out.push({ range, title: `response: ${clockText(sla.clocks.response)}`, action: summary });
    out.push({ range, title: `resolution: ${clockText(sla.clocks.resolution)}`, action: summary });
  }
  if (summary) out.push({ range, title: 'SLA Summary', action: summary, actionOnly: true });
  if (sla && requiresPostmortem(sla, incident) && !postmortemOf(ws, incident)) {
    out.push({ range, title: 'Create postmortem', action: { kind: 'create-postmortem', incident: incident.id }, actionOnly: true });
  }
  return out;
}

function projectLenses(ws: Workspace, project: Entity, range: Range, now: number): Lens[] {
  const summary: LensAction = { kind: 'sla', project: project.id };
  let breaches = 0;
  for (const incident of ws.entities('incident')) {
    if (incident.value.project !== project.id) continue;
    const sla = safeSla(ws, incident, now);
    if (sla) breaches += openBreaches(sla.clocks).length;
  }
  const out: Lens[] = [{ range, title: breaches === 0 ? 'no open SLA breaches' : `${breaches} open SLA breach${breaches === 1 ? '' : 'es'}`, action: summary }];
  for (const chain of ws.entities('chain')) {
    if (chain.value.project !== project.id || !chain.valid) continue;
    const forecast = chainForecast(ws, chain.id, now);
    if (forecast && isLateChain(forecast)) {
      out.push({ range, title: `late: ${chain.id} by ${plural(forecast.lateByWorkingDays, 'working day')}`, action: { kind: 'graph', chain: chain.id, file: chain.file, format: 'gantt' } });
    }
  }
  return out;
}
