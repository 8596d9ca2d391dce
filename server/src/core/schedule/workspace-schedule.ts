// The schedule of the chains of a workspace at "now": the calendars of the departments, the
// dates of today in their zones, and forecasts shared by the rules, the CLI and the editor
// until the workspace or the day changes. A chain's forecast depends only on the chains its tasks
// are linked to across chains, so an edit re-forecasts that group, not all 200 chains.

import { DayCalendar, defaultWorkdayCalendar } from '../calendar/days';
import type { ChainDoc, TargetKind } from '../model';
import { isValidZone, localDate, zoneOr } from '../time/zone';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { forecastChains, type ScheduleResult } from './forecast';

/** What a forecast is computed from: a change of an incident keeps it. */
const SCHEDULE_INPUTS: readonly TargetKind[] = ['chain', 'task', 'department', 'calendar', 'workspace'];

/** Every chain of the workspace, forecast together (tam plan, the tree, tam docs). */
export function workspaceSchedule(ws: Workspace, nowMs: number): ScheduleResult {
  // A forecast changes with the date, not the instant: one per day, not one per request.
  return ws.memo(`schedule@${dayStamp(ws, nowMs)}`, SCHEDULE_INPUTS, () => {
    const chains: ChainDoc[] = [];
    for (const chain of ws.entities('chain')) if (chain.valid) chains.push(chain.value);
    return forecastChains({ chains, calendarOf: calendarsOf(ws), now: nowMs });
  });
}

/**
 * The forecast of the chains linked to `chainId` by cross-chain dependencies (the chain alone
 * when it has none): the same answers as workspaceSchedule for those chains, at a fraction of
 * the cost. Undefined when the chain is not a valid chain of the workspace.
 */
export function chainSchedule(ws: Workspace, nowMs: number, chainId: string): ScheduleResult | undefined {
  const group = chainGroups(ws).get(chainId);
  if (!group) return undefined;
  return ws.memo(`schedule@${dayStamp(ws, nowMs)}:${group[0]}`, SCHEDULE_INPUTS, () => {
    const chains = group.map((id) => ws.get('chain', id)!.value as ChainDoc);
    return forecastChains({ chains, calendarOf: calendarsOf(ws), now: nowMs });
  });
}

/** The valid chains grouped by cross-chain dependencies (union-find), each group sorted. */
function chainGroups(ws: Workspace): Map<string, string[]> {
  return ws.memo('chain-groups', ['chain', 'task'], () => {
    const parent = new Map<string, string>();
    const find = (id: string): string => {
      let root = id;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(id, root);
      return root;
    };
    const valid = [...ws.entities('chain')].filter((c) => c.valid);
    for (const chain of valid) parent.set(chain.id, chain.id);
    for (const chain of valid) {
      for (const other of linkedChains(ws, chain)) if (parent.has(other)) parent.set(find(other), find(chain.id));
    }
    const groups = new Map<string, string[]>();
    for (const id of parent.keys()) {
      const root = find(id);
      const list = groups.get(root) ?? [];
      list.push(id);
      groups.set(root, list);
    }
    const byChain = new Map<string, string[]>();
    for (const list of groups.values()) {
      list.sort();
      for (const id of list) byChain.set(id, list);
    }
    return byChain;
  });
}

/**
 * The calendar a department's tasks are laid on (the forecast's own): its calendar, else
 * Mon–Fri 09:00–18:00 in the workspace's zone.
 */
export function departmentCalendar(ws: Workspace, departmentId: string): DayCalendar {
  return calendarsOf(ws)(departmentId);
}

/** "Today" for a task of a department: the date of "now" in its calendar's zone, as the forecast reads it. */
export function departmentToday(ws: Workspace, departmentId: string, nowMs: number): string {
  return localDate(departmentCalendar(ws, departmentId).zone, nowMs);
}

/** The calendar of each department, made once per workspace version. */
function calendarsOf(ws: Workspace): (departmentId: string) => DayCalendar {
  return ws.memo('department-calendars', ['department', 'calendar', 'workspace'], () => {
    const calendars = new Map<string, DayCalendar>();
    return (departmentId: string): DayCalendar => {
      const calendarId = ws.get('department', departmentId)?.value.calendar;
      const key = typeof calendarId === 'string' ? calendarId : '';
      let calendar = calendars.get(key);
      if (!calendar) {
        const doc = key ? ws.get('calendar', key) : undefined;
        // Spec §5's Mon–Fri 09:00–18:00, in the workspace's zone: whose "today" it is.
        calendar = new DayCalendar(doc?.valid ? doc.value : defaultWorkdayCalendar(workspaceZone(ws)));
        calendars.set(key, calendar);
      }
      return calendar;
    };
  });
}

/**
 * The zones whose date a forecast or a review date reads: the workspace's and every calendar's,
 * sorted. What depends on "the day" holds while the date is the same in each of them.
 */
export function dayZones(ws: Workspace): string[] {
  return ws.memo('day-zones', ['calendar', 'workspace'], () => {
    const zones = new Set<string>([workspaceZone(ws)]);
    for (const calendar of ws.entities('calendar')) if (calendar.valid && isValidZone(calendar.value.timezone)) zones.add(calendar.value.timezone);
    return [...zones].sort();
  });
}

/** "UTC=2026-11-25 Europe/Moscow=2026-11-26": the date in each zone, which names "the day". */
export function dayStampIn(zones: readonly string[], nowMs: number): string {
  return zones.map((zone) => `${zone}=${localDate(zone, nowMs)}`).join(' ');
}

/** The day of `nowMs` in every zone of the workspace (dayZones). */
export function dayStamp(ws: Workspace, nowMs: number): string {
  return dayStampIn(dayZones(ws), nowMs);
}

/** tam.yaml's time zone; UTC when it names none, or one that does not exist (the schema rule says so). */
export function workspaceZone(ws: Workspace): string {
  return ws.memo('zone', ['workspace'], () => zoneOr(ws.config.doc?.timezone));
}

/** Today's date in the workspace's zone: the date a person in the workspace reads. */
export function workspaceToday(ws: Workspace, nowMs: number): string {
  return localDate(workspaceZone(ws), nowMs);
}

/** Department id → name, for "waiting on Network" and the graph's lanes. */
export function departmentNames(ws: Workspace): Record<string, string> {
  const names: Record<string, string> = {};
  for (const d of ws.entities('department')) if (typeof d.value.name === 'string') names[d.id] = d.value.name;
  return names;
}

/**
 * The other chains whose tasks a chain's tasks name, kept as long as the chain's entity (an
 * edit of its file makes a new one): regrouping after an edit reads the one edited chain, not
 * the 2 000 chains of a large workspace.
 */
const LINKS = new WeakMap<Entity, readonly string[]>();

function linkedChains(ws: Workspace, chain: Entity): readonly string[] {
  let links = LINKS.get(chain);
  if (!links) {
    const found = new Set<string>();
    for (const ref of ws.file(chain.file)?.refs ?? []) {
      if (ref.kind !== 'task' || ref.doc !== chain.doc) continue;
      const other = ref.id.slice(0, ref.id.indexOf('/'));
      if (other !== chain.id) found.add(other);
    }
    links = [...found];
    LINKS.set(chain, links);
  }
  return links;
}
