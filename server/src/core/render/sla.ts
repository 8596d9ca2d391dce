// The SLA report (sla/report.ts) in the output formats of `tam sla`: an aligned table for the
// terminal, GitHub Markdown for pull-request comments and wikis, CSV for spreadsheets and the
// JSON object of spec §7. Formatting only; every number is decided in the report.

import { csvCell, markdownText, plainText } from '../text/shown';
import { formatMinutes } from '../time/duration';
import type { Clock } from '../sla/clocks';
import { isOpen } from '../sla/incident-state';
import type { SlaBreach, SlaGroupBy, SlaReport, SlaReportIncident, SlaStats } from '../sla/report';

const GROUP_TITLE: Record<SlaGroupBy, string> = {
  project: 'Project',
  department: 'Department',
  priority: 'Priority',
  month: 'Month',
};

/** A table column: its heading, how a value is shown, and which side it is aligned to. */
interface Column<T> {
  title: string;
  value: (row: T) => string;
  right?: boolean;
}

function statColumns(by: SlaGroupBy, none: string): Column<SlaStats>[] {
  const minutes = (v: number | null) => (v === null ? none : formatMinutes(v));
  const pct = (v: number | null) => (v === null ? none : `${v.toFixed(1)}%`);
  return [
    { title: GROUP_TITLE[by], value: (s) => s.key },
    { title: 'Incidents', value: (s) => String(s.incidents), right: true },
    { title: 'Response met', value: (s) => pct(s.responseMetPct), right: true },
    { title: 'Response median', value: (s) => minutes(s.responseMedianMinutes), right: true },
    { title: 'Response P90', value: (s) => minutes(s.responseP90Minutes), right: true },
    { title: 'Resolution met', value: (s) => pct(s.resolutionMetPct), right: true },
    { title: 'Resolution median', value: (s) => minutes(s.resolutionMedianMinutes), right: true },
    { title: 'Resolution P90', value: (s) => minutes(s.resolutionP90Minutes), right: true },
    { title: 'Open', value: (s) => String(s.open), right: true },
    { title: 'Paused', value: (s) => String(s.paused), right: true },
    { title: 'Breaches', value: (s) => String(s.breaches), right: true },
  ];
}

function breachColumns(none: string): Column<SlaBreach>[] {
  return [
    { title: 'Incident', value: (b) => b.id },
    { title: 'Project', value: (b) => b.project },
    { title: 'Department', value: (b) => b.department ?? none },
    { title: 'Priority', value: (b) => b.priority },
    // A breach of a clock that still runs grows until it stops; say so next to the number.
    { title: 'Clock', value: (b) => (b.open ? `${b.clock} (open)` : b.clock) },
    { title: 'Over by', value: (b) => formatMinutes(b.overByMinutes), right: true },
    { title: 'Target', value: (b) => formatMinutes(b.targetMinutes), right: true },
    { title: 'Cause', value: (b) => b.causeCategory ?? none },
    { title: 'Title', value: (b) => b.title },
  ];
}

/** "opened 2026-11-01 to 2026-11-30", or less when the period is open at either end. */
function period(report: SlaReport): string {
  if (report.from && report.to) return `opened ${report.from} to ${report.to}`;
  if (report.from) return `opened on or after ${report.from}`;
  if (report.to) return `opened on or before ${report.to}`;
  return '';
}

function emptyMessage(report: SlaReport): string {
  const when = period(report);
  return when ? `No incidents ${when} (${report.timezone}).` : 'No incidents.';
}

function heading(report: SlaReport): string {
  const when = period(report);
  return `SLA by ${report.by}${when ? `, incidents ${when}` : ''} (${report.timezone})`;
}

// ---------------------------------------------------------------------------------------
// Terminal table

/** Columns padded to their widest cell, two spaces apart; numbers to the right. */
export function renderSlaTable(report: SlaReport): string {
  if (report.incidents.length === 0) return plainText(emptyMessage(report)) + '\n';
  const lines = [plainText(heading(report)), ''];
  lines.push(...alignedTable(statColumns(report.by, '-'), report.groups, [{ ...report.totals, key: 'Total' }]));
  lines.push('');
  if (report.breaches.length === 0) {
    lines.push('No breaches.');
  } else {
    lines.push(`Breaches (${report.breaches.length}):`, '');
    lines.push(...alignedTable(breachColumns('-'), report.breaches, []));
  }
  return lines.join('\n') + '\n';
}

function alignedTable<T>(columns: Column<T>[], rows: readonly T[], footer: readonly T[]): string[] {
  // Titles and names may hold line breaks (a row must stay one line) and control characters,
  // which a terminal would run as escape sequences.
  const cells = (row: T) => columns.map((c) => plainText(c.value(row)));
  const body = rows.map(cells);
  const foot = footer.map(cells);
  const widths = columns.map((c, i) => Math.max(c.title.length, ...[...body, ...foot].map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  if (foot.length) out.push(line(widths.map((w) => '-'.repeat(w))), ...foot.map(line));
  return out;
}

// ---------------------------------------------------------------------------------------
// Markdown

/** GitHub Markdown: the groups with a total row, then the breaches with cause and department. */
export function renderSlaMarkdown(report: SlaReport): string {
  const lines = [`### ${markdownText(heading(report))}`, ''];
  if (report.incidents.length === 0) {
    lines.push(`_${markdownText(emptyMessage(report))}_`);
    return lines.join('\n') + '\n';
  }
  const total: SlaStats = { ...report.totals, key: '**Total**' };
  lines.push(...markdownTable(statColumns(report.by, '—'), [...report.groups, total], (s) => s === total));
  lines.push('', `#### Breaches (${report.breaches.length})`, '');
  if (report.breaches.length === 0) lines.push('No breaches.');
  else lines.push(...markdownTable(breachColumns('—'), report.breaches, () => false));
  return lines.join('\n') + '\n';
}

function markdownTable<T>(columns: Column<T>[], rows: readonly T[], trusted: (row: T) => boolean): string[] {
  const row = (values: string[]) => `| ${values.join(' | ')} |`;
  return [
    row(columns.map((c) => c.title)),
    row(columns.map((c) => (c.right ? '--:' : ':--'))),
    ...rows.map((r) => row(columns.map((c, i) => (i === 0 && trusted(r) ? c.value(r) : markdownText(c.value(r)))))),
  ];
}

// ---------------------------------------------------------------------------------------
// CSV

const CSV_HEADER = [
  'group',
  'id',
  'project',
  'department',
  'priority',
  'opened',
  'response_state',
  'response_elapsed_minutes',
  'response_target_minutes',
  'response_breached_at',
  'resolution_state',
  'resolution_elapsed_minutes',
  'resolution_target_minutes',
  'resolution_breached_at',
  'resolved_at',
  'cause_category',
  'title',
  'file',
];

/**
 * One row per incident, with the key of its group, so a spreadsheet can pivot it any other way.
 * RFC 4180 with CRLF line ends; each cell is made by csvCell (core/text/shown): one line,
 * quoted where needed, formulas defused.
 */
export function renderSlaCsv(report: SlaReport): string {
  const rows = report.incidents.map((i) => [
    i.group,
    i.id,
    i.project,
    i.department ?? '',
    i.priority,
    i.openedText,
    i.clocks.response.state,
    i.clocks.response.elapsedMinutes,
    target(i.clocks.response),
    instant(i.clocks.response.breachedAt),
    i.clocks.resolution.state,
    i.clocks.resolution.elapsedMinutes,
    target(i.clocks.resolution),
    instant(i.clocks.resolution.breachedAt),
    instant(i.clocks.resolvedAt),
    i.causeCategory ?? '',
    i.title,
    i.file ?? '',
  ]);
  return [CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

function target(clock: Clock): string | number {
  return Number.isFinite(clock.targetMinutes) ? clock.targetMinutes : '';
}

function instant(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString();
}

// ---------------------------------------------------------------------------------------
// JSON (spec §7)

export interface SlaJsonClock {
  state: Clock['state'];
  elapsedMinutes: number;
  /** null when the policy gives no readable target. */
  targetMinutes: number | null;
  breachedAt?: string;
  stoppedAt?: string;
  pausedSince?: string;
  dueAt?: string;
}

export interface SlaJsonIncident {
  id: string;
  project: string;
  priority: string;
  response: SlaJsonClock;
  resolution: SlaJsonClock;
  department?: string;
  opened: string;
  /** An open incident (core/sla/incident-state.ts): not resolved at "now". */
  open: boolean;
  resolvedAt?: string;
  causeCategory?: string;
  title: string;
  file?: string;
}

export interface SlaJson {
  incidents: SlaJsonIncident[];
  groups: SlaStats[];
  totals: SlaStats;
  breaches: Array<Omit<SlaBreach, 'breachedAt' | 'opened' | 'openedText'> & { breachedAt?: string; opened: string }>;
  by: SlaGroupBy;
  from?: string;
  to?: string;
  timezone: string;
}

/**
 * What `tam sla --format json` prints. Spec §7 fixes `incidents[].{id, project, priority,
 * response{state, elapsedMinutes, targetMinutes}, resolution{…}}` and `groups`; the rest is added.
 * Instants are ISO 8601 in UTC.
 */
export function slaJson(report: SlaReport): SlaJson {
  const json: SlaJson = {
    incidents: report.incidents.map(incidentJson),
    groups: report.groups,
    totals: report.totals,
    breaches: report.breaches.map(({ breachedAt, opened: _, openedText, ...rest }) => {
      const b: SlaJson['breaches'][number] = { ...rest, opened: openedText };
      if (breachedAt !== undefined) b.breachedAt = instant(breachedAt);
      return b;
    }),
    by: report.by,
    timezone: report.timezone,
  };
  if (report.from !== undefined) json.from = report.from;
  if (report.to !== undefined) json.to = report.to;
  return json;
}

function incidentJson(i: SlaReportIncident): SlaJsonIncident {
  // Spec §7's fields first, then the added ones; absent optional fields are left out.
  const json: SlaJsonIncident = {
    id: i.id,
    project: i.project,
    priority: i.priority,
    response: clockJson(i.clocks.response),
    resolution: clockJson(i.clocks.resolution),
    department: i.department,
    opened: i.openedText,
    open: isOpen(i.clocks),
    resolvedAt: i.clocks.resolvedAt === undefined ? undefined : instant(i.clocks.resolvedAt),
    causeCategory: i.causeCategory,
    title: i.title,
    file: i.file,
  };
  for (const key of ['department', 'resolvedAt', 'causeCategory', 'file'] as const) {
    if (json[key] === undefined) delete json[key];
  }
  return json;
}

function clockJson(c: Clock): SlaJsonClock {
  const json: SlaJsonClock = {
    state: c.state,
    elapsedMinutes: c.elapsedMinutes,
    targetMinutes: Number.isFinite(c.targetMinutes) ? c.targetMinutes : null,
  };
  for (const key of ['breachedAt', 'stoppedAt', 'pausedSince', 'dueAt'] as const) {
    const ms = c[key];
    if (ms !== undefined && Number.isFinite(ms)) json[key] = instant(ms);
  }
  return json;
}
