// Working days of a calendar, at the grain of whole dates: what the task schedule counts in
// (spec §5). Dates are YYYY-MM-DD in the calendar's own zone, so no offset arithmetic is
// needed here; minute-grain working time with time zones lives in working-time.ts.

import type { CalendarDoc, Weekday } from '../model';
import { addDays, dateToUtcMs } from '../time/timestamp';

export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Mon–Fri 09:00–18:00, used for a department that names no calendar (spec §5). */
export const DEFAULT_WORKDAY_CALENDAR: CalendarDoc = {
  kind: 'calendar',
  id: '(default)',
  timezone: 'UTC',
  working_hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }],
};

/** Minutes since midnight of "HH:MM" ("24:00" → 1440). */
export function clockMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(dateToUtcMs(date)).getUTCDay()]!;
}

export class DayCalendar {
  private readonly holidays: ReadonlySet<string>;
  /** Working minutes per weekday; a calendar without working_hours works all day every day. */
  private readonly minutesByWeekday: ReadonlyMap<Weekday, number>;

  constructor(readonly doc: CalendarDoc) {
    this.holidays = new Set(doc.holidays ?? []);
    const perDay = new Map<Weekday, number>();
    if (!doc.working_hours) {
      for (const d of WEEKDAYS) perDay.set(d, 1440);
    } else {
      // Overlapping slots of a day count once, as in working-time.ts.
      const slots = new Map<Weekday, [number, number][]>();
      for (const slot of doc.working_hours) {
        for (const d of slot.days) {
          const list = slots.get(d) ?? [];
          list.push([clockMinutes(slot.from), clockMinutes(slot.to)]);
          slots.set(d, list);
        }
      }
      for (const [day, list] of slots) {
        list.sort((a, b) => a[0] - b[0]);
        let total = 0;
        let reach = 0;
        for (const [from, to] of list) {
          const start = Math.max(from, reach);
          if (to > start) total += to - start;
          reach = Math.max(reach, to);
        }
        perDay.set(day, total);
      }
    }
    this.minutesByWeekday = perDay;
  }

  /** Working minutes on a date: 0 on a holiday or a day without working hours. */
  workingMinutesOn(date: string): number {
    if (this.holidays.has(date)) return 0;
    return this.minutesByWeekday.get(weekdayOf(date)) ?? 0;
  }

  isWorkingDay(date: string): boolean {
    return this.workingMinutesOn(date) > 0;
  }

  /** The date itself when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: string): string {
    let d = date;
    for (let i = 0; i < 3660 && !this.isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  }

  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string {
    return this.workingDayOnOrAfter(addDays(date, 1));
  }
}
