// The weekly working hours of a calendar (spec §3 `working_hours`): for each weekday, the
// slots in minutes since local midnight, sorted, with overlaps merged so that no minute counts
// twice. Minute-grain working time (working-time.ts) and whole working days (days.ts) both read
// a calendar through this one reading of it.
//
// A slot whose end is not after its start ("22:00"–"06:00") is empty: a night shift is written
// as two slots (the schema reports the reversed one). No working_hours means every minute.

import type { CalendarDoc } from '../model';
import { WEEKDAYS } from '../time/dates';

/** Slots of one day, [from, to) in minutes since local midnight. */
export type DaySlots = ReadonlyArray<readonly [number, number]>;

const WHOLE_DAY: DaySlots = [[0, 1440]];

/** Minutes since midnight of "HH:MM" ("24:00" → 1440); undefined when it is not a time of day. */
export function clockMinutes(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d\d:\d\d$/.test(text)) return undefined;
  const h = Number(text.slice(0, 2));
  const m = Number(text.slice(3, 5));
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

/** The slots of each weekday, indexed as WEEKDAYS (Sunday first). */
export function weeklySlots(doc: CalendarDoc): DaySlots[] {
  if (doc.working_hours === undefined) return WEEKDAYS.map(() => WHOLE_DAY);
  const hours = Array.isArray(doc.working_hours) ? doc.working_hours : [];
  return WEEKDAYS.map((day) => {
    const raw: Array<[number, number]> = [];
    for (const wh of hours) {
      if (!Array.isArray(wh?.days) || !wh.days.includes(day)) continue;
      const from = clockMinutes(wh.from);
      const to = clockMinutes(wh.to);
      if (from !== undefined && to !== undefined && to > from) raw.push([from, to]);
    }
    raw.sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const s of raw) {
      const prev = merged[merged.length - 1];
      if (prev && s[0] <= prev[1]) prev[1] = Math.max(prev[1], s[1]);
      else merged.push(s);
    }
    return merged;
  });
}

/** Working minutes in a day's slots. */
export function minutesOf(slots: DaySlots): number {
  let total = 0;
  for (const [from, to] of slots) total += to - from;
  return total;
}
