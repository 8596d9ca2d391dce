// `tam docs` pages: Markdown a team can publish from the repository (a wiki, GitHub Pages,
// MkDocs). An index of the projects and the workspace's SLA, and one page per project with its
// departments, contacts, chains (forecast, critical path, Mermaid graph), SLA tables, open
// incidents, postmortem action items, open risks and proposals, and documentation freshness.
// Pages link to each other by relative paths; every value from the workspace goes through
// markdownText or markdownCode (core/text/shown).

import type { Clock } from '../sla/clocks';
import { incidentSla } from '../sla/incident-clocks';
import { isIncidentOpen } from '../sla/incident-state';
import { workspaceSlaReport } from '../sla/workspace-report';
import { docFreshness } from '../project/doc-freshness';
import { textOf } from '../review/compare';
import { latestStatus } from '../review/incidents';
import { departmentNames, workspaceSchedule, workspaceZone } from '../schedule/workspace-schedule';
import { isLateChain, type ChainForecast } from '../schedule/forecast';
import { formatMinutes } from '../time/duration';
import { wallClock } from '../time/zone';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { chainFlowchart } from './mermaid';
import { markdownCode, markdownText } from '../text/shown';
import { details, mermaidBlock, plural, table } from './markdown';
import { renderSlaMarkdown } from './sla';
import { byId } from '../text/order';

export interface DocsPage {
  /** POSIX path relative to the output folder. */
  path: string;
  text: string;
}

export interface DocsOptions {
  /** Only projects whose file passes are published (the folder the user named). */
  inScope?: (file: string) => boolean;
}

/** Proposal statuses after which a proposal is no longer open. */
const CLOSED_PROPOSALS = new Set(['implemented', 'rejected', 'withdrawn']);
const NONE = '—';

export function renderDocsSite(ws: Workspace, now: number, options: DocsOptions = {}): DocsPage[] {
  const inScope = options.inScope ?? (() => true);
  const projects = [...ws.entities('project')].filter((p) => inScope(p.file)).sort(byId);
  const files = pageFiles(projects.map((p) => p.id));
  const site = new Site(ws, now);
  const pages: DocsPage[] = [{ path: 'index.md', text: site.index(projects, files) }];
  for (const project of projects) pages.push({ path: files.get(project.id)!, text: site.project(project) });
  return pages;
}

/** Page paths per project id: the id when it is a safe file name, else a cleaned, unique one. */
function pageFiles(ids: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    let name = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'project';
    if (name.toLowerCase() === 'index') name = `${name}-project`;
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    used.add(candidate.toLowerCase());
    files.set(id, `projects/${candidate}.md`);
  }
  return files;
}

class Site {
  private readonly zone: string;
  private readonly schedule: ReturnType<typeof workspaceSchedule>;
  private readonly departments: Record<string, string>;

  constructor(
    private readonly ws: Workspace,
    private readonly now: number,
  ) {
    this.zone = workspaceZone(ws);
    this.schedule = workspaceSchedule(ws, now);
    this.departments = departmentNames(ws);
  }

  // -------------------------------------------------------------------------------------
  // Index

  index(projects: Entity[], files: Map<string, string>): string {
    const name = textOf(this.ws.config.doc?.name) ?? 'TAM workspace';
    const lines = [`# ${markdownText(name)}`, '', this.generated(), '', '## Projects', ''];
    if (!projects.length) lines.push('_No projects._');
    else {
      const rows = projects.map((p) => {
        const v = p.value;
        const chains = this.chainsOf(p.id);
        const late = chains.filter((c) => {
          const f = this.schedule.byId.get(c.id);
          return f !== undefined && isLateChain(f);
        }).length;
        const stale = docFreshness(this.ws, p, this.now).filter((d) => d.state === 'stale' || d.state === 'never-reviewed').length;
        return [
          `[${markdownText(textOf(v.name) ?? p.id)}](${encodeURI(files.get(p.id)!)})`,
          text(textOf(v.client)),
          this.person(textOf(v.tam)),
          String(this.openIncidents(p.id).length),
          `${chains.length}${late ? ` (${late} late)` : ''}`,
          String(this.proposalsOf(p.id).filter((x) => !CLOSED_PROPOSALS.has(String(x.value.status))).length),
          String(stale),
        ];
      });
      lines.push(...table(['Project', 'Client', 'TAM', 'Open incidents', 'Chains', 'Open proposals', 'Stale docs'], rows, [3, 4, 5, 6]));
    }
    const scoped = new Set(projects.map((p) => p.id));
    const incidentFiles = new Set([...this.ws.entities('incident')].filter((i) => scoped.has(String(i.value.project))).map((i) => i.file));
    const report = workspaceSlaReport(this.ws, this.now, { by: 'project' }, (file) => incidentFiles.has(file));
    lines.push('', '## SLA', '', ...renderSlaMarkdown(report).trimEnd().split('\n'));
    return lines.join('\n') + '\n';
  }

  // -------------------------------------------------------------------------------------
  // A project

  project(p: Entity): string {
    const v = p.value;
    const lines = [`# ${markdownText(textOf(v.name) ?? p.id)}`, '', '[← All projects](../index.md)', '', this.generated(), ''];
    const policy = textOf(v.sla_policy);
    const fallback = textOf(this.ws.config.doc?.default_sla_policy);
    lines.push(
      ...table(
        ['', ''],
        [
          ['Project', markdownCode(p.id)],
          ['Client', text(textOf(v.client))],
          ['TAM', this.person(textOf(v.tam))],
          ['Service manager', this.person(textOf(v.service_manager))],
          ['SLA policy', policy ? markdownCode(policy) : fallback ? `${markdownCode(fallback)} (workspace default)` : NONE],
        ],
      ),
    );
    lines.push('', ...this.departmentsOf(v), '', ...this.contactsOf(v), '', ...this.chainSection(p.id), '', ...this.slaSection(p.id));
    lines.push('', ...this.actionItemSection(p.id), '', ...this.proposalSection(p.id), '', ...this.docSection(p));
    return lines.join('\n') + '\n';
  }

  private departmentsOf(v: any): string[] {
    const ids = Array.isArray(v.departments) ? v.departments.map((d: unknown) => String(textOf(d))) : [];
    const lines = ['## Departments', ''];
    if (!ids.length) return [...lines, '_None listed._'];
    const rows = ids.map((id: string) => {
      const d = this.ws.get('department', id)?.value;
      return [`${markdownText(textOf(d?.name) ?? id)} (${markdownCode(id)})`, this.person(textOf(d?.lead)), d?.calendar ? markdownCode(String(d.calendar)) : NONE];
    });
    return [...lines, ...table(['Department', 'Lead', 'Calendar'], rows)];
  }

  private contactsOf(v: any): string[] {
    const contacts = Array.isArray(v.contacts) ? v.contacts.filter((c: unknown) => c && typeof c === 'object') : [];
    const lines = ['## Contacts', ''];
    if (!contacts.length) return [...lines, '_None listed._'];
    const rows = contacts.map((c: any) => [text(textOf(c.name)), words(textOf(c.role)), text(textOf(c.email)), text(textOf(c.phone))]);
    return [...lines, ...table(['Name', 'Role', 'Email', 'Phone'], rows)];
  }

  private chainSection(project: string): string[] {
    const chains = this.chainsOf(project);
    const lines = ['## Task chains'];
    if (!chains.length) return [...lines, '', '_No chains._'];
    for (const chain of chains) {
      const c = chain.value;
      const forecast = chain.valid ? this.schedule.byId.get(chain.id) : undefined;
      lines.push('', `### ${markdownText(textOf(c.title) ?? chain.id)}`, '', `${markdownCode(chain.id)}${c.requested ? ` · requested ${text(textOf(c.requested))}` : ''}`, '');
      lines.push(this.forecastLine(forecast, chain.valid));
      for (const w of forecast?.waitingOn ?? []) {
        const due = w.due ? `, due ${w.due}` : '';
        const overdue = w.daysOverdue > 0 ? `, ${plural(w.daysOverdue, 'day')} overdue` : '';
        lines.push(`- Waiting on ${markdownText(this.departments[w.department] ?? w.department)}: ${markdownCode(w.task)} ${markdownText(w.title)}${due}${overdue}`);
      }
      if (!chain.valid) continue;
      const tasks: any[] = Array.isArray(c.tasks) ? c.tasks.filter((t: any) => t && typeof t.id === 'string') : [];
      const rows = tasks.map((t) => {
        const f = forecast?.tasks.get(t.id);
        return [
          `${markdownCode(t.id)} ${markdownText(textOf(t.title) ?? '')}`,
          markdownText(this.departments[t.department] ?? String(t.department)),
          words(textOf(t.status)),
          t.assignee ? this.person(textOf(t.assignee)) : NONE,
          text(f?.start),
          text(f?.finish),
          `${text(textOf(t.due))}${f?.finishAfterDue ? ' ⚠️' : ''}`,
          f?.critical ? 'critical' : f && f.basis !== 'cancelled' ? `${f.slackDays}d slack` : NONE,
        ];
      });
      const body = table(['Task', 'Department', 'Status', 'Assignee', 'Start', 'Finish', 'Due', 'Path'], rows);
      lines.push('', ...(rows.length > 12 ? details(plural(rows.length, 'task'), body) : body));
      lines.push('', ...mermaidBlock(chainFlowchart(c, forecast, { departmentNames: this.departments })));
    }
    return lines;
  }

  private forecastLine(f: ChainForecast | undefined, valid: boolean): string {
    if (!valid) return '_No forecast: the chain has errors; run `tam validate`._';
    if (!f) return '_No forecast._';
    if (f.cycle) return `**No forecast**: dependency cycle ${f.cycle.map(markdownCode).join(' → ')}.`;
    if (!f.forecastFinish) return '_No tasks to forecast._';
    const lateness = !f.deadline
      ? 'no deadline'
      : isLateChain(f)
        ? `deadline ${f.deadline}: **late by ${plural(f.lateByWorkingDays, 'working day')}**`
        : f.late
          ? `deadline ${f.deadline}: finished ${plural(f.lateByWorkingDays, 'working day')} after it`
          : `deadline ${f.deadline}: on time`;
    const path = f.criticalPath.length ? ` Critical path: ${f.criticalPath.map(markdownCode).join(' → ')}.` : '';
    return `${f.done ? 'Finished' : 'Forecast to finish'} ${f.forecastFinish}; ${lateness}.${path}`;
  }

  private slaSection(project: string): string[] {
    const files = new Set([...this.ws.entities('incident')].filter((i) => i.value.project === project).map((i) => i.file));
    const report = workspaceSlaReport(this.ws, this.now, { by: 'priority' }, (file) => files.has(file));
    const lines = ['## SLA', '', ...renderSlaMarkdown(report).trimEnd().split('\n')];
    const open = this.openIncidents(project);
    lines.push('', `### Open incidents (${open.length})`, '');
    if (!open.length) return [...lines, '_None._'];
    const rows = open.map(({ entity, clocks }) => [
      `${markdownCode(entity.id)} ${markdownText(textOf(entity.value.title) ?? '')}`,
      text(textOf(entity.value.priority)),
      text(textOf(entity.value.opened)),
      words(latestStatus(entity.value) ?? 'opened'),
      clocks ? clockText(clocks.response, this.zone) : NONE,
      clocks ? clockText(clocks.resolution, this.zone) : NONE,
    ]);
    return [...lines, ...table(['Incident', 'Priority', 'Opened', 'Status', 'Response', 'Resolution'], rows), '', `Times are on the ${markdownText(this.zone)} clock.`];
  }

  private actionItemSection(project: string): string[] {
    const incidents = new Set([...this.ws.entities('incident')].filter((i) => i.value.project === project).map((i) => i.id));
    const rows: string[][] = [];
    let postmortems = 0;
    for (const pm of this.ws.entities('postmortem')) {
      if (!incidents.has(String(pm.value.incident))) continue;
      postmortems++;
      const items = Array.isArray(pm.value.action_items) ? pm.value.action_items : [];
      for (const item of items) {
        if (!item || typeof item !== 'object' || item.status === 'done') continue;
        rows.push([markdownCode(pm.id), markdownCode(String(pm.value.incident)), markdownText(textOf(item.title) ?? String(item.id)), this.person(textOf(item.owner)), text(textOf(item.due))]);
      }
    }
    const lines = ['## Postmortem action items', '', `${plural(postmortems, 'postmortem')}; open action items:`, ''];
    if (!rows.length) return [...lines, '_None open._'];
    return [...lines, ...table(['Postmortem', 'Incident', 'Action item', 'Owner', 'Due'], rows)];
  }

  private proposalSection(project: string): string[] {
    const all = this.proposalsOf(project);
    const row = (p: Entity) => [
      `${markdownCode(p.id)} ${markdownText(textOf(p.value.title) ?? '')}`,
      words(textOf(p.value.type)),
      text(textOf(p.value.severity)),
      words(textOf(p.value.status)),
      this.person(textOf(p.value.proposed_by)),
      text(textOf(p.value.proposed_on)),
    ];
    const headers = ['Proposal', 'Type', 'Severity', 'Status', 'Proposed by', 'On'];
    const open = all.filter((p) => !CLOSED_PROPOSALS.has(String(p.value.status)));
    const closed = all.filter((p) => CLOSED_PROPOSALS.has(String(p.value.status)));
    // Risks first: they are what the customer has not noticed yet.
    open.sort((a, b) => Number(b.value.type === 'risk') - Number(a.value.type === 'risk'));
    const lines = ['## Open risks and proposals', ''];
    lines.push(...(open.length ? table(headers, open.map(row)) : ['_None open._']));
    if (closed.length) lines.push('', ...details(`Closed proposals (${closed.length})`, table(headers, closed.map(row))));
    return lines;
  }

  private docSection(p: Entity): string[] {
    const docs = docFreshness(this.ws, p, this.now);
    const lines = ['## Documentation freshness', ''];
    if (!docs.length) return [...lines, '_No documents listed._'];
    const state = (d: (typeof docs)[number]) =>
      d.state === 'stale'
        ? `⚠️ **stale** (${d.daysSinceReview} days since review)`
        : d.state === 'never-reviewed'
          ? '⚠️ **never reviewed**'
          : d.state === 'fresh'
            ? 'current'
            : 'unknown';
    const rows = docs.map((d) => [markdownText(d.title), d.path ? markdownCode(d.path) : NONE, this.person(d.owner), text(d.reviewed), markdownText(d.reviewEvery), text(d.dueOn), state(d)]);
    return [...lines, ...table(['Document', 'Path', 'Owner', 'Reviewed', 'Every', 'Next review', 'State'], rows)];
  }

  // -------------------------------------------------------------------------------------
  // Look-ups

  private chainsOf(project: string): Entity[] {
    return [...this.ws.entities('chain')].filter((c) => c.value.project === project).sort(byId);
  }

  private proposalsOf(project: string): Entity[] {
    return [...this.ws.entities('proposal')].filter((c) => c.value.project === project).sort(byId);
  }

  /** The project's open incidents (core/sla/incident-state.ts), with their clocks when a policy applies. */
  private openIncidents(project: string): { entity: Entity; clocks?: { response: Clock; resolution: Clock } }[] {
    const open = [];
    for (const entity of this.ws.entities('incident')) {
      if (entity.value.project !== project || !isIncidentOpen(this.ws, entity, this.now)) continue;
      open.push({ entity, clocks: incidentSla(this.ws, entity, this.now)?.clocks });
    }
    return open.sort((a, b) => (a.entity.id < b.entity.id ? -1 : 1));
  }

  /** A person's name and id, or the id alone when unknown. */
  private person(id: string | null): string {
    if (!id) return NONE;
    const name = textOf(this.ws.get('person', id)?.value.name);
    return name ? `${markdownText(name)} (${markdownCode(id)})` : markdownCode(id);
  }

  private generated(): string {
    const when = wallClock(this.now, this.zone);
    return `<sub>Generated by tam docs on ${when} (${markdownText(this.zone)}); forecasts and SLA clocks as of that moment.</sub>`;
  }
}


function text(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? NONE : markdownText(value);
}

function words(value: string | null | undefined): string {
  return text(value?.replace(/_/g, ' '));
}

/** A clock for the page, its "breaches at" on the workspace's wall clock (the page names the zone). */
function clockText(c: Clock, zone: string): string {
  const target = Number.isFinite(c.targetMinutes) ? ` / ${formatMinutes(c.targetMinutes)}` : '';
  const state = c.state === 'breached' ? '**breached**' : c.state;
  const due = c.state === 'running' && c.dueAt !== undefined && Number.isFinite(c.dueAt) ? `, breaches at ${wallClock(c.dueAt, zone)}` : '';
  return `${state} ${formatMinutes(c.elapsedMinutes)}${target}${due}`;
}
