// How the editor names and describes an entity: a short label for completion lists and
// symbols, and a few lines of Markdown for hovers (a department's name and lead, a task's
// status and forecast, an incident's clocks, a chain's forecast and critical path). Hovers are
// Markdown: every value from the workspace in them goes through markdownText or markdownCode
// (core/text/shown), so a title can add no link, HTML, command or formatting.

import { SymbolKind } from 'vscode-languageserver-types';
import type { TargetKind } from '../core/model';
import type { ChainForecast } from '../core/schedule/forecast';
import { chainSchedule } from '../core/schedule/workspace-schedule';
import type { Clock } from '../core/sla/clocks';
import { incidentSla } from '../core/sla/incident-clocks';
import { markdownCode, markdownText } from '../core/text/shown';
import { formatMinutes } from '../core/time/duration';
import type { Entity } from '../core/workspace/entities';
import type { Workspace } from '../core/workspace/workspace';

/** The human name of an entity: a department's name, a task's title, an incident's title. */
export function entityLabel(e: Entity): string | undefined {
  const v = e.value ?? {};
  const text = v.name ?? v.title ?? (e.kind === 'calendar' ? v.timezone : undefined) ?? (e.kind === 'postmortem' ? firstLine(v.summary) : undefined);
  return typeof text === 'string' ? text : undefined;
}

/** One line for a completion item's detail. */
export function entityDetail(e: Entity): string {
  const v = e.value ?? {};
  const label = entityLabel(e);
  const extra: string[] = [];
  if (e.kind === 'person' && Array.isArray(v.roles)) extra.push(v.roles.join(', '));
  if (e.kind === 'task' && typeof v.status === 'string') extra.push(v.status);
  if (e.kind === 'incident' && typeof v.priority === 'string') extra.push(v.priority);
  return [label, ...extra].filter(Boolean).join(' · ');
}

/** "breached, 5h 10m of 4h". */
export function clockText(clock: Clock): string {
  const target = Number.isFinite(clock.targetMinutes) ? formatMinutes(clock.targetMinutes) : 'no target';
  return `${clock.state}, ${formatMinutes(clock.elapsedMinutes)} of ${target}`;
}

/** "forecast 2026-11-19 · late by 1 day · critical path: 5 tasks". */
export function chainSummary(f: ChainForecast): string {
  if (f.cycle) {
    // In the direction work flows, as tam validate and tam plan say it.
    const flow = [...f.cycle].reverse();
    return `no forecast: dependency cycle ${[...flow, flow[0]].join(' → ')}`;
  }
  const parts: string[] = [f.forecastFinish ? `forecast ${f.forecastFinish}` : 'no forecast'];
  if (f.deadline) parts.push(f.late ? `late by ${plural(f.lateByWorkingDays, 'day')}` : `on time for ${f.deadline}`);
  if (f.criticalPath.length) parts.push(`critical path: ${plural(f.criticalPath.length, 'task')}`);
  return parts.join(' · ');
}

export function chainForecast(ws: Workspace, chainId: string, now: number): ChainForecast | undefined {
  try {
    return chainSchedule(ws, now, chainId)?.byId.get(chainId);
  } catch {
    return undefined; // a defect in the engine must not cost the hover
  }
}

/** Markdown describing an entity, for hovers over its id or a reference to it. */
export function describeEntity(ws: Workspace, e: Entity, now: number): string {
  const v = e.value ?? {};
  const lines: string[] = [];
  const label = entityLabel(e);
  lines.push(`**${KIND_TITLES[e.kind]}** ${markdownCode(e.id)}${label && e.kind !== 'calendar' ? ` — ${markdownText(label)}` : ''}`);
  /** A line of Markdown already made safe. */
  const field = (name: string, markdown: string | undefined): void => {
    if (markdown) lines.push(`- ${name}: ${markdown}`);
  };
  /** A value as the workspace wrote it (any YAML type), as Markdown text. */
  const raw = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : markdownText(String(value)));
  const ref = (id: unknown): string | undefined => (typeof id === 'string' ? markdownCode(id) : undefined);
  const person = (id: unknown): string | undefined => {
    if (typeof id !== 'string') return undefined;
    const p = ws.get('person', id);
    return p && typeof p.value.name === 'string' ? `${markdownText(p.value.name)} (${markdownCode(id)})` : markdownCode(id);
  };
  const department = (id: unknown): string | undefined => {
    if (typeof id !== 'string') return undefined;
    const d = ws.get('department', id);
    return d && typeof d.value.name === 'string' ? `${markdownText(d.value.name)} (${markdownCode(id)})` : markdownCode(id);
  };
  switch (e.kind) {
    case 'department':
      field('lead', person(v.lead));
      field('calendar', ref(v.calendar));
      if (Array.isArray(v.aliases) && v.aliases.length) field('aliases', raw(v.aliases.join(', ')));
      break;
    case 'person':
      if (Array.isArray(v.roles)) field('roles', raw(v.roles.join(', ')));
      field('department', department(v.department));
      field('email', raw(v.email));
      break;
    case 'calendar':
      field('time zone', raw(v.timezone));
      field('working hours', Array.isArray(v.working_hours) ? raw(v.working_hours.map((h: any) => `${(Array.isArray(h?.days) ? h.days : []).join(' ')} ${h?.from}–${h?.to}`).join('; ')) : '24×7');
      if (Array.isArray(v.holidays)) field('holidays', String(v.holidays.length));
      break;
    case 'sla-policy':
      field('calendar', ref(v.calendar));
      if (v.targets && typeof v.targets === 'object') {
        for (const p of ['P1', 'P2', 'P3', 'P4']) {
          const t = v.targets[p];
          if (t) field(p, raw(`response ${t.response}, resolution ${t.resolution}`));
        }
      }
      break;
    case 'project':
      field('client', raw(v.client));
      field('TAM', person(v.tam));
      field('SLA policy', ref(v.sla_policy));
      break;
    case 'chain': {
      field('project', ref(v.project));
      field('deadline', raw(v.deadline));
      const f = chainForecast(ws, e.id, now);
      if (f) {
        field('forecast', raw(chainSummary(f)));
        if (f.criticalPath.length) field('critical path', f.criticalPath.map(markdownCode).join(' → '));
      }
      break;
    }
    case 'task': {
      field('status', raw(v.status));
      field('department', department(v.department));
      field('assignee', person(v.assignee));
      field('estimate', raw(v.estimate));
      field('due', raw(v.due));
      const slash = e.id.indexOf('/');
      const f = chainForecast(ws, e.id.slice(0, slash), now)?.tasks.get(e.id.slice(slash + 1));
      if (f?.start && f.finish) {
        const basis = f.basis === 'actual' ? 'actual' : 'forecast';
        field(basis, raw(f.start === f.finish ? f.start : `${f.start} → ${f.finish}${f.critical ? ' (critical path)' : f.slackDays ? ` (slack ${plural(f.slackDays, 'day')})` : ''}`));
      }
      break;
    }
    case 'incident': {
      field('priority', raw(v.priority));
      field('project', ref(v.project));
      field('opened', raw(v.opened));
      const sla = safeSla(ws, e, now);
      if (sla) {
        field('response', clockText(sla.clocks.response));
        field('resolution', clockText(sla.clocks.resolution));
        field('policy', `${markdownCode(sla.policy.id)} (from the ${sla.via})`);
      }
      break;
    }
    case 'postmortem':
      field('incident', ref(v.incident));
      field('published', raw(v.published ?? 'not yet'));
      break;
    case 'proposal':
      field('type', raw(v.type));
      field('status', raw(v.status));
      field('proposed by', person(v.proposed_by));
      break;
    case 'workspace':
      field('time zone', raw(v.timezone));
      break;
  }
  lines.push('', `_${markdownText(e.file)}_`);
  return lines.join('\n');
}

export function safeSla(ws: Workspace, e: Entity, now: number): ReturnType<typeof incidentSla> {
  try {
    return incidentSla(ws, e, now);
  } catch {
    return undefined;
  }
}

/** How editors draw each kind in outlines and symbol searches. */
export const SYMBOL_KINDS: Record<TargetKind, SymbolKind> = {
  workspace: SymbolKind.Package,
  department: SymbolKind.Namespace,
  person: SymbolKind.Object,
  calendar: SymbolKind.Interface,
  'sla-policy': SymbolKind.Struct,
  project: SymbolKind.Module,
  chain: SymbolKind.Class,
  task: SymbolKind.Method,
  incident: SymbolKind.Event,
  postmortem: SymbolKind.File,
  proposal: SymbolKind.Constant,
};

export const KIND_TITLES: Record<TargetKind, string> = {
  workspace: 'Workspace',
  department: 'Department',
  person: 'Person',
  calendar: 'Calendar',
  'sla-policy': 'SLA policy',
  project: 'Project',
  chain: 'Chain',
  task: 'Task',
  incident: 'Incident',
  postmortem: 'Postmortem',
  proposal: 'Proposal',
};

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function firstLine(text: unknown): string | undefined {
  return typeof text === 'string' ? text.trim().split('\n')[0] : undefined;
}
