// SLA statistics for `tam sla` and the SLA webview: the incidents opened in a period, grouped by
// project, department, priority or month, with how often each clock met its target, how long
// the clocks took, and the list of breaches with their causes. Input rows carry clocks already
// computed (clocks.ts); this file only filters, groups and counts.
//
// How the numbers are defined:
// - Met % counts the clocks that are decided: stopped (met or breached), or still running or
//   paused but already over target (that breach cannot be undone). A clock still running under
//   its target could go either way and is left out. null when no clock is decided.
// - Median and P90 are over the clocks that have stopped (how long a response or resolution
//   actually took), by nearest rank: the value at position ceil(p/100 · n) of the sorted list,
//   so they are always a real observation (the median of an even count is the lower middle).
// - `open` counts incidents whose resolution clock has not stopped; `paused` those of them
//   whose resolution clock is paused now; `breaches` counts breached clocks (an incident late on
//   both clocks counts twice), so it matches the length of the breaches list.
// - Dates (the --from/--to filter, inclusive, and the month key YYYY-MM) are read in the
//   workspace time zone.

import type { Priority } from '../model';
import { isDate } from '../time/dates';
import { isValidZone, localDate } from '../time/zone';
import { isBreached, type Clock, type ClockName, type IncidentClocks } from './clocks';
import { isOpen, isOpenBreach } from './incident-state';
import { compareText } from '../text/order';

export type SlaGroupBy = 'project' | 'department' | 'priority' | 'month';
export type SlaClockName = ClockName;

/** One incident with its clocks, as the workspace index hands it over. */
export interface SlaRow {
  id: string;
  project: string;
  department?: string;
  priority: Priority;
  /** When it was opened, ms since the epoch. */
  opened: number;
  /** `opened` as written in the file. */
  openedText: string;
  clocks: IncidentClocks;
  causeCategory?: string;
  title: string;
  file?: string;
}

export interface SlaReportOptions {
  /** Default `project`. */
  by?: SlaGroupBy;
  /** First opening date to include, YYYY-MM-DD. */
  from?: string;
  /** Last opening date to include, YYYY-MM-DD. */
  to?: string;
  /** IANA zone in which dates and months are read; the workspace `timezone`, default UTC. */
  timezone?: string;
}

export interface SlaStats {
  key: string;
  incidents: number;
  responseMetPct: number | null;
  resolutionMetPct: number | null;
  responseMedianMinutes: number | null;
  responseP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
  open: number;
  paused: number;
  breaches: number;
}

export interface SlaReportIncident extends SlaRow {
  /** The key of the group it falls in. */
  group: string;
  /** Its opening date in the report's time zone. */
  openedDate: string;
}

export interface SlaBreach {
  id: string;
  project: string;
  department?: string;
  priority: Priority;
  clock: SlaClockName;
  overByMinutes: number;
  targetMinutes: number;
  elapsedMinutes: number;
  /** Whether the clock has stopped; a breach of a running or paused clock still grows. */
  stopped: boolean;
  /** An open breach (incident-state.ts): over target and not stopped. */
  open: boolean;
  breachedAt?: number;
  causeCategory?: string;
  title: string;
  opened: number;
  openedText: string;
  file?: string;
}

export interface SlaReport {
  by: SlaGroupBy;
  from?: string;
  to?: string;
  timezone: string;
  /** Sorted by opening time, then id. */
  incidents: SlaReportIncident[];
  /** Sorted by key: priorities P1→P4, months in time order, names alphabetically; no department last. */
  groups: SlaStats[];
  /** In the order of the incidents, response before resolution. */
  breaches: SlaBreach[];
  totals: SlaStats;
}

/** The group key of incidents without a department. */
export const NO_DEPARTMENT = '(none)';

/** Throws an Error with a message fit for the user when a date or the time zone is malformed. */
export function buildSlaReport(rows: readonly SlaRow[], options: SlaReportOptions = {}): SlaReport {
  const by = options.by ?? 'project';
  const timezone = options.timezone ?? 'UTC';
  if (!isValidZone(timezone)) throw new Error(`unknown time zone "${timezone}"; use an IANA name such as Europe/Moscow or UTC`);
  for (const [name, value] of [['from', options.from], ['to', options.to]] as const) {
    if (value !== undefined && !isDate(value)) throw new Error(`--${name} must be a date written YYYY-MM-DD, not "${value}"`);
  }

    const incidents: SlaReportIncident[] = [];
  for (const row of rows) {
    const openedDate = Number.isFinite(row.opened) ? localDate(timezone, row.opened) : undefined;
    if (openedDate === undefined) continue; // an unreadable opening time has no date to filter on
    // YYYY-MM-DD compares as text in date order.
    if (options.from !== undefined && openedDate < options.from) continue;
    if (options.to !== undefined && openedDate > options.to) continue;
    // Spelled out rather than spread: objects of one shape keep sorting and grouping fast.
    incidents.push({
      id: row.id,
      project: row.project,
      department: row.department,
      priority: row.priority,
      opened: row.opened,
      openedText: row.openedText,
      clocks: row.clocks,
      causeCategory: row.causeCategory,
      title: row.title,
      file: row.file,
      openedDate,
      group: groupKey(row, by, openedDate),
    });
  }
  incidents.sort((a, b) => a.opened - b.opened || compareText(a.id, b.id));

  const members = new Map<string, SlaReportIncident[]>();
  for (const incident of incidents) {
    const list = members.get(incident.group);
    if (list) list.push(incident);
    else members.set(incident.group, [incident]);
  }
  const groups = [...members.keys()].sort(compareKeys).map((key) => stats(key, members.get(key)!));

  const breaches: SlaBreach[] = [];
  for (const incident of incidents) {
    for (const name of ['response', 'resolution'] as const) {
      const clock = incident.clocks[name];
      if (isBreached(clock)) breaches.push(breachOf(incident, name, clock));
    }
  }

  const report: SlaReport = { by, timezone, incidents, groups, breaches, totals: stats('total', incidents) };
  if (options.from !== undefined) report.from = options.from;
  if (options.to !== undefined) report.to = options.to;
  return report;
}

/** The nearest-rank percentile of sorted values: the one at position ceil(p/100 · n). */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function groupKey(row: SlaRow, by: SlaGroupBy, openedDate: string): string {
  switch (by) {
    case 'project':
      return row.project;
    case 'department':
      return row.department || NO_DEPARTMENT;
    case 'priority':
      return row.priority;
    case 'month':
      return openedDate.slice(0, 7);
  }
}

function stats(key: string, incidents: readonly SlaReportIncident[]): SlaStats {
  const response = clockStats(incidents.map((i) => i.clocks.response));
  const resolution = clockStats(incidents.map((i) => i.clocks.resolution));
  let open = 0;
  let paused = 0;
  for (const { clocks } of incidents) {
    if (isOpen(clocks)) open++;
    if (clocks.resolution.pausedSince !== undefined) paused++;
  }
  return {
    key,
    incidents: incidents.length,
    responseMetPct: response.metPct,
    resolutionMetPct: resolution.metPct,
    responseMedianMinutes: response.median,
    responseP90Minutes: response.p90,
    resolutionMedianMinutes: resolution.median,
    resolutionP90Minutes: resolution.p90,
    open,
    paused,
    breaches: response.breached + resolution.breached,
  };
}

function clockStats(clocks: readonly Clock[]) {
  let met = 0;
  let breached = 0;
  const took: number[] = [];
  for (const clock of clocks) {
    if (isBreached(clock)) breached++;
    else if (clock.state === 'met') met++;
    if (clock.stoppedAt !== undefined) took.push(clock.elapsedMinutes);
  }
  took.sort((a, b) => a - b);
  const decided = met + breached;
  return {
    metPct: decided === 0 ? null : Math.round((met / decided) * 1000) / 10,
    breached,
    median: nearestRank(took, 50),
    p90: nearestRank(took, 90),
  };
}

function breachOf(incident: SlaReportIncident, clock: SlaClockName, c: Clock): SlaBreach {
  const breach: SlaBreach = {
    id: incident.id,
    project: incident.project,
    priority: incident.priority,
    clock,
    overByMinutes: c.elapsedMinutes - c.targetMinutes,
    targetMinutes: c.targetMinutes,
    elapsedMinutes: c.elapsedMinutes,
    stopped: c.stoppedAt !== undefined,
    open: isOpenBreach(c),
    title: incident.title,
    opened: incident.opened,
    openedText: incident.openedText,
  };
  if (incident.department !== undefined) breach.department = incident.department;
  if (c.breachedAt !== undefined) breach.breachedAt = c.breachedAt;
  if (incident.causeCategory !== undefined) breach.causeCategory = incident.causeCategory;
  if (incident.file !== undefined) breach.file = incident.file;
  return breach;
}

/** Group keys in reading order; "(none)" after every real department. */
function compareKeys(a: string, b: string): number {
  if (a === NO_DEPARTMENT || b === NO_DEPARTMENT) return (a === NO_DEPARTMENT ? 1 : 0) - (b === NO_DEPARTMENT ? 1 : 0);
  return compareText(a, b);
}

