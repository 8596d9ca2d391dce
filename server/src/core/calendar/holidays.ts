// A calendar's `holidays` (spec §3): dates on which no time counts. An item is a date, or a
// map `{date, name}` that also says which holiday it is (`{ date: 2026-11-04, name: Unity Day }`);
// both forms may be mixed. Working time (working-time.ts), working days (days.ts) and the
// editor's hover on a date all read holidays through this one reading.

import type { CalendarDoc, Holiday } from '../model';
import { dayNumber, isDate } from '../time/dates';

/** The date of a holiday item, when it has one that reads. */
export function holidayDate(item: Holiday | unknown): string | undefined {
  const date = typeof item === 'object' && item !== null ? (item as { date?: unknown }).date : item;
  return isDate(date) ? date : undefined;
}

/** The calendar's holidays by day number (days since 1970-01-01), with their names where given. */
export function holidaysOf(doc: Pick<CalendarDoc, 'holidays'>): ReadonlyMap<number, string | undefined> {
  const out = new Map<number, string | undefined>();
  for (const item of Array.isArray(doc.holidays) ? doc.holidays : []) {
    const date = holidayDate(item);
    if (date === undefined) continue;
    const name = typeof item === 'object' && item !== null && typeof item.name === 'string' && item.name.trim() ? item.name : undefined;
    // A date listed twice keeps the name one of its items gives.
    if (!out.has(dayNumber(date)!) || name !== undefined) out.set(dayNumber(date)!, name ?? out.get(dayNumber(date)!));
  }
  return out;
}
