// The schedule of the chains of a workspace at "now": the calendars of the departments, the
// date of today in the workspace's zone, and forecasts shared by the rules, the CLI and the
// editor until the workspace changes. A chain's forecast depends only on the chains its tasks
// are linked to across chains, so an edit re-forecasts that group, not all 200 chains.

import { DayCalendar, DEFAULT_WORKDAY_CALENDAR } from '../calendar/days';
import { WorkingTime } from '../calendar/working-time';
import type { ChainDoc } from '../model';
import type { Workspace } from '../workspace/workspace';
import { forecastChains, type ForecastInput, type ScheduleResult } from './forecast';

/** Every chain of the workspace, forecast together (tam plan, the tree, tam docs). */
export function workspaceSchedule(ws: Workspace, nowMs: number): ScheduleResult {
  return ws.memo(`schedule@${nowMs}`, () => {
    const chains: ChainDoc[] = [];
    for (const chain of ws.entities('chain')) if (chain.valid) chains.push(chain.value);
    return forecastChains({ chains, ...scheduleInput(ws, nowMs) });
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
  return ws.memo(`schedule@${nowMs}:${group[0]}`, () => {
    const chains = group.map((id) => ws.get('chain', id)!.value as ChainDoc);
    return forecastChains({ chains, ...scheduleInput(ws, nowMs) });
  });
}

/** The valid chains grouped by cross-chain dependencies (union-find), each group sorted. */
function chainGroups(ws: Workspace): Map<string, string[]> {
  return ws.memo('chain-groups', () => {
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
      for (const ref of ws.file(chain.file)?.refs ?? []) {
        if (ref.kind !== 'task' || ref.doc !== chain.doc) continue;
        const other = ref.id.slice(0, ref.id.indexOf('/'));
        if (other !== chain.id && parent.has(other)) parent.set(find(other), find(chain.id));
      }
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

/** Today and the department calendars, made once per workspace version. */
function scheduleInput(ws: Workspace, nowMs: number): Omit<ForecastInput, 'chains'> {
  return ws.memo(`schedule-input@${nowMs}`, () => {
    const calendars = new Map<string, DayCalendar>();
    const calendarOf = (departmentId: string): DayCalendar => {
      const calendarId = ws.get('department', departmentId)?.value.calendar;
      const key = typeof calendarId === 'string' ? calendarId : '';
      let calendar = calendars.get(key);
      if (!calendar) {
        const doc = key ? ws.get('calendar', key) : undefined;
        calendar = new DayCalendar(doc?.valid ? doc.value : DEFAULT_WORKDAY_CALENDAR);
        calendars.set(key, calendar);
      }
      return calendar;
    };
    return { calendarOf, today: todayIn(workspaceZone(ws), nowMs) };
  });
}

/** tam.yaml's time zone; UTC when it names none, or one that does not exist (the schema rule says so). */
export function workspaceZone(ws: Workspace): string {
  return ws.memo('zone', () => {
    const zone = ws.config.doc?.timezone;
    return typeof zone === 'string' && zone && WorkingTime.isValidZone(zone) ? zone : 'UTC';
  });
}

/** The date (YYYY-MM-DD) of an instant in a time zone. */
export function todayIn(zone: string, nowMs: number): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
  } catch {
    return new Date(nowMs).toISOString().slice(0, 10);
  }
}

/** Department id → name, for "waiting on Network" and the graph's lanes. */
export function departmentNames(ws: Workspace): Record<string, string> {
  const names: Record<string, string> = {};
  for (const d of ws.entities('department')) if (typeof d.value.name === 'string') names[d.id] = d.value.name;
  return names;
}
