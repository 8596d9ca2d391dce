// `tam agenda` and the editor's Agenda view: what needs the TAM now, most urgent first — SLA
// clocks that will breach within the horizon, open breaches, postmortems falling due, tasks that
// can start, are blocked or fall due, late chains, document reviews falling due, and proposals
// waiting too long for the customer's decision. Every item is read from the engine's own
// definitions (at-risk.ts, incident-state.ts, postmortem-due.ts, forecast.ts, doc-freshness.ts):
// the agenda only selects, words and orders them.
//
// Where the issue is silent, this file decides (docs/cli.md says it to users):
// - Items come in the order of AGENDA_TYPES (what can still be prevented first, then what is
//   already wrong, then what is coming), and within a type by their own urgency (soonest due,
//   highest priority, longest waiting).
// - "Within N days" counts dates from today to today + N in the workspace's zone, today
//   included; what is already overdue is listed too (an overdue postmortem, task or review).
// - A task appears once, under its most pressing type: blocked, else ready to start, else due.

import type { NodeAddress } from '../model';
import type { ClockName } from '../sla/clocks';
import { workspaceToday, workspaceZone } from '../schedule/workspace-schedule';
import type { Entity } from '../workspace/entities';
import { compareText } from '../text/order';
import type { Workspace } from '../workspace/workspace';
import { agendaSettings, type AgendaSettings } from './settings';
import { slaItems } from './sla-items';
import { taskItems } from './task-items';
import { reviewItems } from './review-items';

/** The kinds of item, in the order the agenda lists them. */
export const AGENDA_TYPES = [
  'sla-due',
  'sla-breach',
  'postmortem-due',
  'chain-at-risk',
  'task-blocked',
  'task-ready',
  'task-due',
  'doc-review-due',
  'decision-waiting',
] as const;
export type AgendaItemType = (typeof AGENDA_TYPES)[number];

export interface AgendaItem {
  type: AgendaItemType;
  project: string;
  /** What the item is about: an incident id, "chain-id/task-id", a chain id, a document's path, a proposal id. */
  id: string;
  /** The node to open: the incident's `opened`, the task's `status`, the document's `reviewed`… */
  at: NodeAddress;
  /** An instant (ms) for SLA and postmortem items, a YYYY-MM-DD date for the others. */
  when?: number | string;
  /** A sentence for a person; the workspace's text in it is raw (renderers escape it). */
  message: string;
  /** A few words for a narrow list (the editor's Agenda view): "resolution due 14:35, 2h 35m left". */
  summary: string;
  /** Orders items of one type: smaller first. */
  rank: number;
  clock?: ClockName;
  priority?: string;
  /** sla-due: working minutes of the policy's calendar until the clock is due. */
  leftMinutes?: number;
  /** sla-breach: working minutes over the target so far. */
  overByMinutes?: number;
  department?: string;
  /** postmortem-due: the incident's postmortem, when one exists (a draft). */
  postmortem?: string;
  /** The date or instant has passed. */
  overdue?: boolean;
}

export interface AgendaOptions {
  /** Only the projects whose `tam` is this person. */
  tam?: string;
  /** Only this project. */
  project?: string;
  /** Days ahead; tam.yaml's `agenda.days` (7) when absent. */
  days?: number;
  /** Only entities written in files for which this is true (the folder a command names). */
  inScope?: (file: string) => boolean;
}

export interface Agenda {
  now: number;
  /** The workspace's zone, in which every date and instant is read. */
  zone: string;
  today: string;
  settings: AgendaSettings;
  /** The projects the agenda covers, sorted. */
  projects: string[];
  items: AgendaItem[];
}

/** What every section needs: the workspace at "now", and which entities are in scope. */
export interface AgendaContext {
  ws: Workspace;
  now: number;
  zone: string;
  today: string;
  settings: AgendaSettings;
  /** Whether an entity belongs to the agenda: its project is covered and its file in scope. */
  covers(entity: Entity, project: unknown): boolean;
}

export function buildAgenda(ws: Workspace, nowMs: number, options: AgendaOptions = {}): Agenda {
  const base = agendaSettings(ws);
  const settings: AgendaSettings = { ...base, days: options.days ?? base.days };
  const projects = coveredProjects(ws, options);
  const inScope = options.inScope ?? (() => true);
  const ctx: AgendaContext = {
    ws,
    now: nowMs,
    zone: workspaceZone(ws),
    today: workspaceToday(ws, nowMs),
    settings,
    covers: (entity, project) => inScope(entity.file) && (projects === undefined || (typeof project === 'string' && projects.has(project))),
  };
  const items = [...slaItems(ctx), ...taskItems(ctx), ...reviewItems(ctx)];
  const order = new Map<string, number>(AGENDA_TYPES.map((t, i) => [t, i]));
  items.sort((a, b) => order.get(a.type)! - order.get(b.type)! || a.rank - b.rank || compareText(a.project, b.project) || compareText(a.id, b.id));
  const listed = projects ? [...projects] : [...ws.entities('project')].filter((p) => inScope(p.file)).map((p) => p.id);
  return { now: nowMs, zone: ctx.zone, today: ctx.today, settings, projects: listed.sort(compareText), items };
}

/** The projects of a person or the one named; undefined: every project. */
function coveredProjects(ws: Workspace, options: AgendaOptions): Set<string> | undefined {
  if (options.project !== undefined) return new Set([options.project]);
  if (options.tam === undefined) return undefined;
  const out = new Set<string>();
  for (const project of ws.entities('project')) if (project.value.tam === options.tam) out.add(project.id);
  return out;
}

