// The monthly report a TAM sends the customer, as data: the SLA of the month (the same figures as
// `tam sla --from --to` for the project's incidents), each incident with its clocks and cause,
// the 12-month trend of met %, the breaches with their postmortems and action items, the
// chains (done this month, forecast against deadline, what waits on whom), the risks and
// proposals of the month, and the documentation's freshness. Renderers (render/monthly-*.ts)
// only lay it out.

import type { ChainDoc, ProjectDoc } from '../model';
import { docFreshness, type DocFreshness } from '../project/doc-freshness';
import { proposalRegister, type ProposalRow } from '../proposals/register';
import { isLateChain, type ChainForecast } from '../schedule/forecast';
import { departmentNames, workspaceSchedule, workspaceToday, workspaceZone } from '../schedule/workspace-schedule';
import { postmortemDue, postmortemOf, type PostmortemState } from '../sla/postmortem-due';
import { buildSlaReport, type SlaBreach, type SlaReport } from '../sla/report';
import { monthRange, slaTrend, type TrendPoint } from '../sla/trend';
import { projectSlaRows } from '../sla/workspace-report';
import { compareText } from '../text/order';
import { isDate } from '../time/dates';
import type { Workspace } from '../workspace/workspace';

export const TREND_MONTHS = 12;

export interface ReportPerson {
  id: string;
  name: string;
}

export interface ReportActionItem {
  id: string;
  title: string;
  owner?: ReportPerson;
  due?: string;
  status: string;
  /** Open and its due date has passed. */
  overdue: boolean;
}

export interface ReportBreach {
  breach: SlaBreach;
  /** The incident's cause as written, when it has one. */
  causeDescription?: string;
  postmortem?: {
    id: string;
    /** When it was published, as written; absent for a draft. */
    published?: string;
    summary?: string;
    actionItems: ReportActionItem[];
  };
  /** Whether its policy wants a postmortem, and where that stands. */
  postmortemState?: PostmortemState;
}

export interface ReportChain {
  forecast: ChainForecast;
  /** Every task done or cancelled, the last finished this month. */
  doneThisMonth: boolean;
  /** Tasks finished this month: id, title, department, date. */
  finished: { id: string; title: string; department: string; date: string }[];
  /** Tasks blocked now: id, title, department, since. */
  blocked: { id: string; title: string; department: string; since?: string }[];
}

export interface MonthlyReport {
  workspaceName: string;
  project: { id: string; name: string; client: string; tam: ReportPerson; serviceManager?: ReportPerson; slaPolicy?: string };
  month: string;
  from: string;
  to: string;
  zone: string;
  now: number;
  today: string;
  /** The month's SLA, by priority; `totals` are the month's figures. */
  sla: SlaReport;
  /** Incident id → the description of its cause. */
  causes: Record<string, string>;
  trend: TrendPoint[];
  breaches: ReportBreach[];
  chains: ReportChain[];
  departments: Record<string, string>;
  proposals: { new: ProposalRow[]; decided: ProposalRow[]; implemented: ProposalRow[]; waiting: ProposalRow[] };
  docs: DocFreshness[];
}

/** Throws an Error with a message for the user when the project does not exist. */
export function monthlyReport(ws: Workspace, nowMs: number, projectId: string, month: string): MonthlyReport {
  const project = ws.get('project', projectId);
  if (!project) throw new Error(`no project "${projectId}" in the workspace`);
  const p = project.value as ProjectDoc;
  const zone = workspaceZone(ws);
  const { from, to } = monthRange(month);
  const person = (id: unknown): ReportPerson | undefined => {
    if (typeof id !== 'string') return undefined;
    const name = ws.get('person', id)?.value.name;
    return { id, name: typeof name === 'string' ? name : id };
  };

  // The project's incidents, by the `project` they name: `tam sla` on the project's folder counts the same.
  const rows = projectSlaRows(ws, nowMs, projectId);
  const sla = buildSlaReport(rows, { by: 'priority', from, to, timezone: zone });
  const causes: Record<string, string> = {};
  for (const i of sla.incidents) {
    const description = ws.get('incident', i.id)?.value.cause?.description;
    if (typeof description === 'string') causes[i.id] = description;
  }

  const breaches: ReportBreach[] = sla.breaches.map((breach) => {
    const incident = ws.get('incident', breach.id)!;
    const out: ReportBreach = { breach };
    if (causes[breach.id] !== undefined) out.causeDescription = causes[breach.id];
    const pm = postmortemOf(ws, incident);
    if (pm) {
      const items: unknown[] = Array.isArray(pm.value.action_items) ? pm.value.action_items : [];
      out.postmortem = {
        id: pm.id,
        actionItems: items.filter(isRecord).map((a) => {
          const due = isDate(a.due) ? a.due : undefined;
          const item: ReportActionItem = { id: String(a.id), title: String(a.title ?? a.id), status: String(a.status), overdue: a.status !== 'done' && due !== undefined && due < workspaceToday(ws, nowMs) };
          const owner = person(a.owner);
          if (owner) item.owner = owner;
          if (due) item.due = due;
          return item;
        }),
      };
      if (typeof pm.value.published === 'string') out.postmortem.published = pm.value.published;
      if (typeof pm.value.summary === 'string') out.postmortem.summary = pm.value.summary;
    }
    const due = postmortemDue(ws, incident, nowMs);
    if (due) out.postmortemState = due.state;
    return out;
  });

  const schedule = workspaceSchedule(ws, nowMs);
  const chains: ReportChain[] = [];
  for (const chain of ws.entities('chain')) {
    if (!chain.valid || chain.value.project !== projectId) continue;
    const forecast = schedule.byId.get(chain.id);
    if (!forecast) continue;
    const doc = chain.value as ChainDoc;
    const finished: ReportChain['finished'] = [];
    const blocked: ReportChain['blocked'] = [];
    for (const task of doc.tasks) {
      const f = forecast.tasks.get(task.id);
      if (task.status === 'done' && f?.finish && f.finish >= from && f.finish <= to) finished.push({ id: task.id, title: task.title, department: task.department, date: f.finish });
      if (task.status === 'blocked') blocked.push({ id: task.id, title: task.title, department: task.department, ...(isDate(task.blocked_since) ? { since: task.blocked_since } : {}) });
    }
    finished.sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
    const finish = forecast.forecastFinish;
    chains.push({ forecast, doneThisMonth: forecast.done && finish !== undefined && finish >= from && finish <= to, finished, blocked });
  }
  // Late chains first, then by forecast finish.
  chains.sort((a, b) => Number(isLateChain(b.forecast)) - Number(isLateChain(a.forecast)) || compareText(a.forecast.forecastFinish ?? '', b.forecast.forecastFinish ?? '') || compareText(a.forecast.id, b.forecast.id));

  const register = proposalRegister(ws).rows.filter((r) => r.project === projectId);
  const inMonth = (date: string | undefined) => date !== undefined && date >= from && date <= to;
  const proposals = {
    new: register.filter((r) => inMonth(r.proposedOn) && r.status !== 'draft'),
    decided: register.filter((r) => inMonth(r.decidedOn)),
    implemented: register.filter((r) => r.status === 'implemented' && inMonth(r.implementedOn)),
    waiting: register.filter((r) => r.status === 'proposed'),
  };

  const report: MonthlyReport = {
    workspaceName: typeof ws.config.doc?.name === 'string' ? ws.config.doc.name : 'TAM workspace',
    project: { id: project.id, name: String(p.name ?? project.id), client: String(p.client ?? project.id), tam: person(p.tam) ?? { id: '', name: '' } },
    month,
    from,
    to,
    zone,
    now: nowMs,
    today: workspaceToday(ws, nowMs),
    sla,
    causes,
    trend: slaTrend(rows, month, TREND_MONTHS, zone),
    breaches,
    chains,
    departments: departmentNames(ws),
    proposals,
    docs: docFreshness(ws, project, nowMs),
  };
  const manager = person(p.service_manager);
  if (manager) report.project.serviceManager = manager;
  const policy = typeof p.sla_policy === 'string' ? p.sla_policy : ws.config.doc?.default_sla_policy;
  if (typeof policy === 'string') report.project.slaPolicy = policy;
  return report;
}

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
