// Hover on a date or a timestamp: its weekday, and whether it is a working day in the calendar
// that applies at that place — a task's department calendar (the forecast's), a chain's date in
// the calendar its lateness is counted in, an incident's times in its SLA policy's calendar
// (with, for a timestamp, whether it falls within working hours), a calendar's own holidays —
// naming the holiday when the calendar gives its name. Elsewhere (a review, a proposal) no
// calendar applies, and the hover gives the weekday only. Ids and names from the workspace go
// into the Markdown through core/text/shown.

import { DayCalendar } from '../core/calendar/days';
import type { Kind, Path } from '../core/model';
import type { CalendarDoc } from '../core/model';
import { departmentCalendar } from '../core/schedule/workspace-schedule';
import { resolvePolicy, workingTimeOf } from '../core/sla/incident-clocks';
import { isDate, weekdayIndexOfDay, dayNumber } from '../core/time/dates';
import { parseTimestamp } from '../core/time/timestamp';
import { isValidZone, localDate, wallClock } from '../core/time/zone';
import { markdownCode, markdownText } from '../core/text/shown';
import type { Workspace } from '../core/workspace/workspace';
import { chainForecast } from './describe';
import { toValue, type TreeDoc } from './yaml-tree';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The calendar that applies at a place, and how the hover names it. */
interface Applying {
  days: DayCalendar;
  /** "calendar `msk` of department `network`". */
  what: string;
  /** For SLA times: the calendar's working time, to say whether an instant is within working hours. */
  calendarId?: string;
}

/** Markdown lines about the date or timestamp `text` at `path`; undefined when it is neither. */
export function dateHover(text: string, kind: Kind, path: Path, doc: TreeDoc, file: string, ws: Workspace | undefined, now: number): string[] | undefined {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? parseTimestamp(text) : undefined;
  if (ms === undefined && !isDate(text)) return undefined;
  const applying = ws ? calendarAt(kind, path, doc, file, ws, now) : undefined;
  const date = ms === undefined ? text : localDate(applying?.days.zone ?? 'UTC', ms);
  const weekday = WEEKDAY_NAMES[weekdayIndexOfDay(dayNumber(date)!)]!;
  const when = ms === undefined ? `**${weekday}** ${date}` : `**${weekday}** ${wallClock(ms, applying?.days.zone ?? 'UTC')} ${applying ? `in ${applying.days.zone}` : 'UTC'}`;
  if (!applying) return [`${when}`];
  const { days } = applying;
  let verdict: string;
  if (days.isHoliday(date)) {
    const name = days.holidayName(date);
    verdict = `a holiday in ${applying.what}${name ? `: ${markdownText(name)}` : ''}`;
  } else if (days.isWorkingDay(date)) {
    verdict = `a working day in ${applying.what}`;
  } else {
    verdict = `not a working day in ${applying.what}`;
  }
  if (ms !== undefined && applying.calendarId !== undefined) {
    const time = workingTimeOf(ws!, applying.calendarId);
    if (time) verdict += time.workingMs(ms, ms + 60_000) > 0 ? ', within working hours' : ', outside working hours';
  }
  return [`${when} — ${verdict}`];
}

function calendarAt(kind: Kind, path: Path, doc: TreeDoc, file: string, ws: Workspace, now: number): Applying | undefined {
  const value = toValue(doc.root) as Record<string, any> | null;
  if (!value || typeof value !== 'object') return undefined;
  if (kind === 'chain') {
    if (path[0] === 'tasks' && typeof path[1] === 'number') {
      const department = value.tasks?.[path[1]]?.department;
      return typeof department === 'string' ? ofDepartment(ws, department) : undefined;
    }
    // A chain's own dates: the calendar its lateness is counted in, the last task's.
    const id = typeof value.id === 'string' ? value.id : undefined;
    const forecast = id ? chainForecast(ws, id, now) : undefined;
    const last = forecast?.criticalPath[forecast.criticalPath.length - 1];
    const department = last ? forecast!.tasks.get(last)?.department : undefined;
    return department ? ofDepartment(ws, department) : undefined;
  }
  if (kind === 'incident' && (path[0] === 'opened' || path[0] === 'timeline')) {
    const incident = ws.all('incident', String(value.id ?? '')).find((e) => e.file === file);
    const policy = incident ? resolvePolicy(ws, incident) : undefined;
    const calendarId = policy?.policy.value?.calendar;
    const calendar = typeof calendarId === 'string' ? ws.get('calendar', calendarId) : undefined;
    if (!calendar?.valid) return undefined;
    return { days: new DayCalendar(calendar.value as CalendarDoc), what: `calendar ${markdownCode(calendar.id)} of SLA policy ${markdownCode(policy!.policy.id)}`, calendarId: calendar.id };
  }
  if (kind === 'calendar' && path[0] === 'holidays') {
    // The calendar as the index reads it (names with their YAML escapes decoded); one the index
    // does not have yet, as its text reads.
    const own = ws.all('calendar', String(value.id ?? '')).find((e) => e.file === file);
    const doc = own?.valid ? (own.value as CalendarDoc) : isValidZone(value.timezone) ? (value as unknown as CalendarDoc) : undefined;
    return doc ? { days: new DayCalendar(doc), what: 'this calendar' } : undefined;
  }
  return undefined;
}

function ofDepartment(ws: Workspace, department: string): Applying {
  const calendarId = ws.get('department', department)?.value.calendar;
  const known = typeof calendarId === 'string' && ws.get('calendar', calendarId)?.valid;
  return {
    days: departmentCalendar(ws, department),
    what: known ? `calendar ${markdownCode(calendarId)} of department ${markdownCode(department)}` : `the Mon–Fri calendar of department ${markdownCode(department)} (it names none)`,
  };
}
