// The SLA report of a whole workspace at "now": every valid incident's clocks as rows, grouped
// as asked. The CLI prints it, the language server sends it to the SLA Summary webview, so
// both show the same figures.

import type { Priority } from '../model';
import { parseTimestamp } from '../time/timestamp';
import { isDate } from '../time/dates';
import { workspaceToday, workspaceZone } from '../schedule/workspace-schedule';
import type { Workspace } from '../workspace/workspace';
import { incidentSla } from './incident-clocks';
import { buildSlaReport, type SlaReport, type SlaReportOptions, type SlaRow } from './report';
import { monthOf, slaTrend, type TrendPoint } from './trend';

export function slaRows(ws: Workspace, nowMs: number, inScope: (file: string) => boolean = () => true): SlaRow[] {
  const rows: SlaRow[] = [];
  for (const incident of ws.entities('incident')) {
    if (!inScope(incident.file)) continue;
    const sla = incidentSla(ws, incident, nowMs);
    const opened = parseTimestamp(incident.value.opened);
    if (!sla || opened === undefined) continue;
    const v = incident.value;
    rows.push({
      id: incident.id,
      project: v.project,
      department: typeof v.department === 'string' ? v.department : undefined,
      priority: v.priority as Priority,
      opened,
      openedText: v.opened,
      clocks: sla.clocks,
      causeCategory: typeof v.cause?.category === 'string' ? v.cause.category : undefined,
      title: v.title,
      file: incident.file,
    });
  }
  return rows;
}

/** The rows of one project's incidents, by the `project` they name; of every incident without one. */
export function projectSlaRows(ws: Workspace, nowMs: number, project?: string): SlaRow[] {
  const rows = slaRows(ws, nowMs);
  return project === undefined ? rows : rows.filter((row) => row.project === project);
}

export function workspaceSlaReport(ws: Workspace, nowMs: number, options: Omit<SlaReportOptions, 'timezone'> = {}, inScope?: (file: string) => boolean): SlaReport {
  return buildSlaReport(slaRows(ws, nowMs, inScope), { ...options, timezone: workspaceZone(ws) });
}

/**
 * The met % of the `months` months (12) up to the month of `to` (a date), else of today in the
 * workspace's zone, of one project's incidents or all: the SLA Summary's trend, the figures of
 * `tam sla --by month`.
 */
export function workspaceSlaTrend(ws: Workspace, nowMs: number, options: { to?: string; months?: number; project?: string } = {}): TrendPoint[] {
  const last = monthOf(isDate(options.to) ? options.to : workspaceToday(ws, nowMs));
  return slaTrend(projectSlaRows(ws, nowMs, options.project), last, options.months ?? 12, workspaceZone(ws));
}
