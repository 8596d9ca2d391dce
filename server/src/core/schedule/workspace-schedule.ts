// The schedule of every chain in a workspace at "now": the calendars of the departments, the
// date of today in the workspace's zone, and one forecast shared by the rules, the CLI and the
// editor until the workspace changes.

import { DayCalendar, DEFAULT_WORKDAY_CALENDAR } from '../calendar/days';
import type { ChainDoc } from '../model';
import type { Workspace } from '../workspace/workspace';
import { forecastChains, type ScheduleResult } from './forecast';

export function workspaceSchedule(ws: Workspace, nowMs: number): ScheduleResult {
  return ws.memo(`schedule@${nowMs}`, () => {
    const chains: ChainDoc[] = [];
    for (const chain of ws.entities('chain')) if (chain.valid) chains.push(chain.value);
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
    return forecastChains({ chains, calendarOf, today: todayIn(workspaceZone(ws), nowMs) });
  });
}

export function workspaceZone(ws: Workspace): string {
  const zone = ws.config.doc?.timezone;
  return typeof zone === 'string' && zone ? zone : 'UTC';
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
