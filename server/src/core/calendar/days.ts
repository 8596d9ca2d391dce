// Working days of a calendar, at the grain of whole dates: what the task schedule counts in
// (spec §5). Dates are YYYY-MM-DD in the calendar's own zone, so no offset arithmetic is
// needed here; minute-grain working time with time zones lives in working-time.ts.

import type { CalendarDoc } from '../model';
import { dayNumber, weekdayIndexOfDay } from '../time/dates';
import { zoneOr } from '../time/zone';
import { holidaysOf } from './holidays';
import { minutesOf, weeklySlots } from './slots';

/** Mon–Fri 09:00–18:00: the calendar of a department that names none (spec §5), in `zone`. */
export function defaultWorkdayCalendar(zone = 'UTC'): CalendarDoc {
  return {
    kind: 'calendar',
    id: '(default)',
    timezone: zone,
    working_hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }],
  };
}

/** The default calendar in UTC, for tests and callers without a workspace. */
export const DEFAULT_WORKDAY_CALENDAR: CalendarDoc = defaultWorkdayCalendar();

export class DayCalendar {
  /** The zone whose dates the calendar's days are (its "today" is the date there). */
  readonly zone: string;
  /** Holidays by day number, with their names where the calendar gives them. */
  private readonly holidays: ReadonlyMap<number, string | undefined>;
  /** Working minutes per weekday (0 = Sunday). */
  private readonly minutesByWeekday: readonly number[];

  constructor(readonly doc: CalendarDoc) {
    this.zone = zoneOr(doc.timezone);
    this.holidays = holidaysOf(doc);
    this.minutesByWeekday = weeklySlots(doc).map(minutesOf);
  }

  /** Whether some weekday has working time: a calendar without any never finishes a task. */
  get worksAtAll(): boolean {
    return this.minutesByWeekday.some((m) => m > 0);
  }

  /** Working minutes on a day number: 0 on a holiday or a day without working hours. */
  workingMinutesOnDay(day: number): number {
    if (this.holidays.has(day)) return 0;
    return this.minutesByWeekday[weekdayIndexOfDay(day)]!;
  }

  /** Working minutes on a date: 0 on a holiday or a day without working hours. */
  workingMinutesOn(date: string): number {
    const day = dayNumber(date);
    return day === undefined ? 0 : this.workingMinutesOnDay(day);
  }

  isWorkingDay(date: string): boolean {
    return this.workingMinutesOn(date) > 0;
  }

  /** Whether the date is one of the calendar's holidays. */
  isHoliday(date: string): boolean {
    const day = dayNumber(date);
    return day !== undefined && this.holidays.has(day);
  }

  /** The name the calendar gives a holiday (`{date, name}`); undefined for other days and unnamed holidays. */
  holidayName(date: string): string | undefined {
    const day = dayNumber(date);
    return day === undefined ? undefined : this.holidays.get(day);
  }
}
