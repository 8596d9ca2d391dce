// tam/tree and tam/status: the extension's tree view (projects → chains → tasks, incidents,
// proposals, each with where it is in the files) and the status bar's counts (open breaches,
// open incidents, late chains) with the soonest due clock (agenda.ts). Each concept is the
// core's one definition (core/sla/incident-state.ts, isLateChain), listed in the core's one
// order (core/text/order.ts).

import * as path from 'node:path';
import { isLateChain } from '../../core/schedule/forecast';
import { workspaceSchedule } from '../../core/schedule/workspace-schedule';
import { incidentSla } from '../../core/sla/incident-clocks';
import { incidentOpenBreaches, isIncidentOpen } from '../../core/sla/incident-state';
import { byId, compareText } from '../../core/text/order';
import { parseTimestamp } from '../../core/time/timestamp';
import type { Entity } from '../../core/workspace/entities';
import type { StatusAnswer, StatusParams, TreeAnswer, TreeChain, TreeIncident, TreeParams, TreeProject, TreeWorkspace } from '../../protocol/tam-protocol';
import { soonestDueOf } from './agenda';
import { drawableChain, str } from './half-typed';
import { folderUri, nowOf, uriIn, type TamHost, type TamWorkspaceRef } from './host';

function incidentNode(ref: TamWorkspaceRef, incident: Entity, now: number): TreeIncident {
  const { ws } = ref;
  const clocks = incidentSla(ws, incident, now)?.clocks;
  const v = incident.value;
  return {
    id: incident.id,
    title: str(v.title, incident.id),
    project: str(v.project),
    priority: str(v.priority),
    opened: str(v.opened),
    open: isIncidentOpen(ws, incident, now),
    response: clocks?.response.state,
    resolution: clocks?.resolution.state,
    openBreach: incidentOpenBreaches(ws, incident, now).length > 0,
    uri: uriIn(ref, incident.file),
    doc: incident.doc,
    path: [...incident.path],
  };
}

export function tree(host: TamHost, p: TreeParams): TreeAnswer {
  const now = nowOf(host, p);
  const workspaces: TreeWorkspace[] = [];
  for (const ref of host.workspaces()) {
    const { ws, root } = ref;
    const schedule = workspaceSchedule(ws, now);
    const projects = new Map<string, TreeProject>();
    for (const project of ws.entities('project')) {
      projects.set(project.id, {
        id: project.id,
        name: str(project.value.name, project.id),
        client: str(project.value.client),
        uri: uriIn(ref, project.file),
        doc: project.doc,
        path: [...project.path],
        chains: [],
      });
    }
    for (const chain of ws.entities('chain')) {
      const f = schedule.byId.get(chain.id);
      const { chain: doc, index } = drawableChain(chain.value);
      const uri = uriIn(ref, chain.file);
      const node: TreeChain = {
        id: chain.id,
        title: doc.title,
        forecastFinish: f?.forecastFinish,
        deadline: typeof chain.value.deadline === 'string' ? chain.value.deadline : undefined,
        late: f !== undefined && isLateChain(f),
        lateByWorkingDays: f?.lateByWorkingDays ?? 0,
        uri,
        doc: chain.doc,
        path: [...chain.path],
        tasks: doc.tasks.map((t, i) => {
          const tf = f?.tasks.get(t.id);
          return {
            id: t.id,
            title: t.title,
            status: t.status,
            department: t.department,
            start: tf?.start,
            finish: tf?.finish,
            critical: tf?.critical ?? false,
            uri,
            doc: chain.doc,
            path: [...chain.path, 'tasks', index[i]!],
          };
        }),
      };
      let project = projects.get(doc.project);
      if (!project) {
        project = { id: doc.project || '?', name: '(unknown project)', client: '', uri, doc: chain.doc, path: [], chains: [] };
        projects.set(doc.project, project);
      }
      project.chains.push(node);
    }
    const incidents = [...ws.entities('incident')].map((i) => incidentNode(ref, i, now));
    incidents.sort((a, b) => Number(b.open) - Number(a.open) || (parseTimestamp(b.opened) ?? 0) - (parseTimestamp(a.opened) ?? 0) || compareText(a.id, b.id));
    const proposals = [...ws.entities('proposal')].map((pr) => ({
      id: pr.id,
      title: str(pr.value.title, pr.id),
      project: str(pr.value.project),
      type: str(pr.value.type),
      status: str(pr.value.status, '(no status)'),
      uri: uriIn(ref, pr.file),
      doc: pr.doc,
      path: [...pr.path],
    }));
    proposals.sort((a, b) => compareText(a.status, b.status) || compareText(a.id, b.id));
    let openBreaches = 0;
    for (const i of ws.entities('incident')) openBreaches += incidentOpenBreaches(ws, i, now).length;
    const sortedProjects = [...projects.values()].sort(byId);
    for (const pr of sortedProjects) pr.chains.sort(byId);
    workspaces.push({
      rootUri: folderUri(root),
      name: str(ws.config.doc?.name, path.basename(root)),
      projects: sortedProjects,
      incidents,
      proposals,
      openBreaches,
    });
  }
  return { workspaces };
}

export function status(host: TamHost, p: StatusParams): StatusAnswer {
  const now = nowOf(host, p);
  const answer: StatusAnswer = { openBreaches: 0, openIncidents: 0, lateChains: 0, workspaces: 0 };
  for (const { ws } of host.workspaces()) {
    answer.workspaces++;
    for (const incident of ws.entities('incident')) {
      answer.openBreaches += incidentOpenBreaches(ws, incident, now).length;
      if (isIncidentOpen(ws, incident, now)) answer.openIncidents++;
    }
    for (const chain of workspaceSchedule(ws, now).chains) if (isLateChain(chain)) answer.lateChains++;
  }
  const due = soonestDueOf(host, now);
  if (due) answer.soonestDue = due;
  return answer;
}
