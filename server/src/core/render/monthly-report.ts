// The monthly customer report (report/monthly.ts) as blocks of content — the words, tables and
// chart a customer's technical experts read — which monthly-markdown.ts and monthly-html.ts
// write out. Wording only: every figure comes from the report.

import type { Clock } from '../sla/clocks';
import type { MonthlyReport, ReportBreach, ReportChain } from '../report/monthly';
import type { SlaReportIncident, SlaStats } from '../sla/report';
import type { ProposalRow } from '../proposals/register';
import { isLateChain } from '../schedule/forecast';
import { formatMinutes } from '../time/duration';
import { wallClock } from '../time/zone';
import { line, type Block, type Inline, type Line } from './report-blocks';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NONE = '—';

/** "November 2026". */
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export function reportTitle(report: MonthlyReport): string {
  return `Monthly service report — ${report.project.client}, ${monthName(report.month)}`;
}

export function monthlyReportBlocks(report: MonthlyReport): Block[] {
  return [
    { kind: 'heading', level: 1, text: line(reportTitle(report)) },
    { kind: 'paragraph', text: intro(report) },
    {
      kind: 'paragraph',
      text: line(
        `Figures as of ${wallClock(report.now, report.zone)} (${report.zone}), for incidents opened ${report.from} to ${report.to}. SLA times are working time of the policy's calendar; met % counts the clocks that have stopped or already went over their target.`,
      ),
    },
    ...slaSection(report),
    ...trendSection(report),
    ...breachSection(report),
    ...chainSection(report),
    ...proposalSection(report),
    ...docSection(report),
    { kind: 'paragraph', text: line({ muted: `Prepared with TAM Workbench from ${report.workspaceName}.` }) },
  ];
}

function intro(report: MonthlyReport): Line {
  const p = report.project;
  const parts: Inline[] = [{ strong: 'Project:' }, ` ${p.name} (`, { code: p.id }, ') · ', { strong: 'Technical account manager:' }, ` ${p.tam.name}`];
  if (p.serviceManager) parts.push(' · ', { strong: 'Service manager:' }, ` ${p.serviceManager.name}`);
  if (p.slaPolicy) parts.push(' · ', { strong: 'SLA policy:' }, ' ', { code: p.slaPolicy });
  return parts;
}

// ---------------------------------------------------------------------------------------
// 1. SLA of the month

const pct = (v: number | null) => (v === null ? NONE : `${v.toFixed(1)}%`);
const minutes = (v: number | null) => (v === null ? NONE : formatMinutes(v));

function statsRow(label: Inline, s: SlaStats): Line[] {
  return [
    line(label),
    line(String(s.incidents)),
    line(pct(s.responseMetPct)),
    line(minutes(s.responseMedianMinutes)),
    line(minutes(s.responseP90Minutes)),
    line(pct(s.resolutionMetPct)),
    line(minutes(s.resolutionMedianMinutes)),
    line(minutes(s.resolutionP90Minutes)),
    line(String(s.open)),
    line(String(s.breaches)),
  ];
}

function slaSection(report: MonthlyReport): Block[] {
  const { sla } = report;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: line(`1. SLA in ${monthName(report.month)}`) }];
  if (sla.incidents.length === 0) {
    blocks.push({ kind: 'paragraph', text: line(`No incidents were opened in ${monthName(report.month)}.`) });
    return blocks;
  }
  blocks.push({
    kind: 'table',
    head: ['Priority', 'Incidents', 'Response met', 'Response median', 'Response P90', 'Resolution met', 'Resolution median', 'Resolution P90', 'Open', 'Breaches'],
    rows: [...sla.groups.map((g) => statsRow(g.key, g)), statsRow({ strong: 'Total' }, sla.totals)],
    right: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  });
  blocks.push({ kind: 'heading', level: 3, text: line('Incidents of the month') });
  blocks.push({
    kind: 'table',
    head: ['Incident', 'Priority', 'Opened', 'Response', 'Resolution', 'Cause'],
    rows: sla.incidents.map((i) => incidentRow(report, i)),
  });
  return blocks;
}

function incidentRow(report: MonthlyReport, i: SlaReportIncident): Line[] {
  const cause = i.causeCategory ? [i.causeCategory, report.causes[i.id]].filter(Boolean).join(': ') : (report.causes[i.id] ?? NONE);
  return [line({ code: i.id }, ` ${i.title}`), line(i.priority), line(wallClock(i.opened, report.zone)), clockText(report, i.clocks.response), clockText(report, i.clocks.resolution), line(cause)];
}

/** "met: 7m of 2h", "breached: 119h 55m of 24h", "running: 20h of 72h, due 2026-11-27 15:20". */
function clockText(report: MonthlyReport, c: Clock): Line {
  const of = `${formatMinutes(c.elapsedMinutes)} of ${formatMinutes(c.targetMinutes)}`;
  const over = c.elapsedMinutes > c.targetMinutes;
  if (c.stoppedAt !== undefined) return over ? line({ strong: 'breached' }, `: ${of}`) : line(`met: ${of}`);
  if (c.pausedSince !== undefined) return over ? line({ strong: 'breached' }, `: ${of}, paused`) : line(`paused: ${of}`);
  if (over) return line({ strong: 'breached' }, `: ${of}, still running`);
  return line(`running: ${of}${c.dueAt !== undefined ? `, due ${wallClock(c.dueAt, report.zone)}` : ''}`);
}

// ---------------------------------------------------------------------------------------
// 2. Trend

function trendSection(report: MonthlyReport): Block[] {
  const first = report.trend[0]!.month;
  const title = `SLA met %, ${monthName(first)} to ${monthName(report.month)}`;
  return [
    { kind: 'heading', level: 2, text: line(`2. Trend of the last ${report.trend.length} months`) },
    {
      kind: 'trend',
      title,
      series: { months: report.trend.map((t) => t.month), response: report.trend.map((t) => t.responseMetPct), resolution: report.trend.map((t) => t.resolutionMetPct) },
    },
    {
      kind: 'table',
      head: ['Month', 'Incidents', 'Response met', 'Resolution met', 'Breaches'],
      rows: report.trend.map((t) => [line(t.month), line(String(t.incidents)), line(pct(t.responseMetPct)), line(pct(t.resolutionMetPct)), line(String(t.breaches))]),
      right: [1, 2, 3, 4],
    },
  ];
}

// ---------------------------------------------------------------------------------------
// 3. Breaches

function breachSection(report: MonthlyReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: line('3. Breaches and their postmortems') }];
  if (report.breaches.length === 0) {
    blocks.push({ kind: 'paragraph', text: line(`No SLA target was missed by the incidents of ${monthName(report.month)}.`) });
    return blocks;
  }
  for (const b of report.breaches) blocks.push(...breachBlocks(report, b));
  return blocks;
}

function breachBlocks(report: MonthlyReport, b: ReportBreach): Block[] {
  const { breach } = b;
  const state = breach.open ? ' (still open)' : '';
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: line({ code: breach.id }, ` ${breach.title}: ${breach.clock} over by ${formatMinutes(breach.overByMinutes)}${state}`) },
  ];
  const facts: Line[] = [line(`${breach.priority}, target ${formatMinutes(breach.targetMinutes)}, took ${formatMinutes(breach.elapsedMinutes)}${breach.open ? ' so far' : ''}`)];
  if (breach.breachedAt !== undefined) facts.push(line(`Breached at ${wallClock(breach.breachedAt, report.zone)}`));
  facts.push(line('Cause: ', breach.causeCategory ?? 'not recorded yet', b.causeDescription ? ` — ${b.causeDescription}` : ''));
  facts.push(postmortemLine(b));
  blocks.push({ kind: 'list', items: facts });
  const items = b.postmortem?.actionItems ?? [];
  if (items.length) {
    blocks.push({
      kind: 'table',
      head: ['Action item', 'Owner', 'Due', 'Status'],
      rows: items.map((a) => [line(a.title), line(a.owner?.name ?? NONE), line(a.due ?? NONE), a.overdue ? line({ strong: 'overdue' }) : line(a.status)]),
    });
  }
  return blocks;
}

function postmortemLine(b: ReportBreach): Line {
  const pm = b.postmortem;
  if (pm?.published) {
    const late = b.postmortemState === 'late' ? ' (later than the policy asks)' : '';
    const open = pm.actionItems.filter((a) => a.status !== 'done').length;
    return line('Postmortem ', { code: pm.id }, `, published ${pm.published.slice(0, 10)}${late}; ${pm.actionItems.length - open} of ${pm.actionItems.length} action items done`);
  }
  if (pm) return line('Postmortem ', { code: pm.id }, ' is being written', b.postmortemState === 'overdue' ? ' (overdue)' : '');
  if (b.postmortemState === 'overdue') return line({ strong: 'Postmortem overdue' }, ': none written yet');
  if (b.postmortemState === 'pending') return line('Postmortem due soon: none written yet');
  return line(b.breach.open ? 'Postmortem: after the incident is resolved, if the policy asks for one' : 'Postmortem: not required by the SLA policy for this priority');
}

// ---------------------------------------------------------------------------------------
// 4. Chains

function chainSection(report: MonthlyReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: line('4. Requests in progress (task chains)') }];
  if (report.chains.length === 0) {
    blocks.push({ kind: 'paragraph', text: line('No task chains for this project.') });
    return blocks;
  }
  blocks.push({
    kind: 'table',
    head: ['Request', 'State', 'Forecast finish', 'Deadline', 'Waiting on'],
    rows: report.chains.map((c) => chainRow(report, c)),
  });
  const finished = report.chains.flatMap((c) => c.finished.map((t) => ({ chain: c.forecast, task: t })));
  if (finished.length) {
    blocks.push({ kind: 'heading', level: 3, text: line(`Done in ${monthName(report.month)}`) });
    blocks.push({
      kind: 'list',
      items: finished.map(({ chain, task }) => line(`${task.date}: ${task.title} (${report.departments[task.department] ?? task.department}) — `, { code: chain.id })),
    });
  }
  return blocks;
}

function chainRow(report: MonthlyReport, c: ReportChain): Line[] {
  const f = c.forecast;
  let state: Line;
  if (f.cycle) state = line('no forecast: its tasks depend on each other in a loop');
  else if (f.done) state = line(c.doneThisMonth ? 'done this month' : 'done', f.late ? `, ${f.lateByWorkingDays} working days after the deadline` : '');
  else if (isLateChain(f)) state = line({ strong: `late by ${f.lateByWorkingDays} working day${f.lateByWorkingDays === 1 ? '' : 's'}` });
  else state = line('on time');
  const dept = (id: string) => report.departments[id] ?? id;
  const waiting: string[] = [
    ...c.blocked.map((t) => `${t.title} (${dept(t.department)}, blocked${t.since ? ` since ${t.since}` : ''})`),
    ...f.waitingOn.filter((w) => w.status !== 'blocked').map((w) => `${w.title} (${dept(w.department)}, can start now)`),
  ];
  return [line({ code: f.id }, ` ${f.title}`), state, line(f.forecastFinish ?? NONE), line(f.deadline ?? NONE), line(waiting.length ? waiting.join('; ') : NONE)];
}

// ---------------------------------------------------------------------------------------
// 5. Proposals

function proposalSection(report: MonthlyReport): Block[] {
  const { proposals } = report;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: line('5. Risks and improvements') }];
  const groups: [string, ProposalRow[]][] = [
    [`New in ${monthName(report.month)}`, proposals.new],
    [`Decided in ${monthName(report.month)}`, proposals.decided],
    [`Implemented in ${monthName(report.month)}`, proposals.implemented],
    ['Waiting for your decision', proposals.waiting],
  ];
  if (groups.every(([, rows]) => rows.length === 0)) {
    blocks.push({ kind: 'paragraph', text: line('Nothing new, decided or implemented this month, and nothing waiting for a decision.') });
    return blocks;
  }
  for (const [title, rows] of groups) {
    if (!rows.length) continue;
    blocks.push({ kind: 'heading', level: 3, text: line(title) });
    blocks.push({
      kind: 'table',
      head: ['Proposal', 'Type', 'Status', 'Proposed', 'Value for you'],
      rows: rows.map((r) => [
        line({ code: r.id }, ` ${r.title}`),
        line(r.type === 'risk' && r.severity ? `risk (${r.severity})` : r.type),
        line(r.status.replace('_', ' ')),
        line(r.proposedOn),
        line(r.customerValue ?? NONE),
      ]),
    });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------
// 6. Documentation

function docSection(report: MonthlyReport): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: line('6. Documentation') }];
  if (report.docs.length === 0) {
    blocks.push({ kind: 'paragraph', text: line('No documents are listed for this project.') });
    return blocks;
  }
  const state = (s: string) => (s === 'fresh' ? line('current') : s === 'stale' ? line({ strong: 'review overdue' }) : s === 'never-reviewed' ? line({ strong: 'never reviewed' }) : line(NONE));
  blocks.push({
    kind: 'table',
    head: ['Document', 'Last reviewed', 'Next review', 'State'],
    rows: report.docs.map((d) => [line(d.title), line(d.reviewed ?? NONE), line(d.dueOn ?? NONE), state(d.state)]),
  });
  return blocks;
}
