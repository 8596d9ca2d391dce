// Working days of one calendar as integers (days since 1970-01-01), and how an estimate is laid
// over them (spec §5). A forecast asks the same few weeks of the same few calendars thousands
// of times, so each calendar keeps a window of working minutes per day and a running count of
// working days, grown on demand and kept for every later forecast (calendars do not change:
// an edited calendar is a new DayCalendar).
//
// The window never leaves the years 1900–2199 that dates may name (time/dates.ts): an estimate
// of ten thousand days ends on the last day of 2199 instead of filling memory.

import { DayCalendar, defaultWorkdayCalendar } from '../calendar/days';
import type { TaskDoc } from '../model';
import { daysFromCivil, MAX_YEAR, MIN_YEAR } from '../time/dates';
import { parseDuration } from '../time/duration';

/** The first and last day a forecast may reach. */
const FIRST_DAY = daysFromCivil(MIN_YEAR, 1, 1);
const LAST_DAY = daysFromCivil(MAX_YEAR, 12, 31);

export class WorkDays {
  private readonly cal: DayCalendar;
  private lo = 0;
  /** Working days in [lo, lo + i], for every day of the cached window. */
  private cum = new Int32Array(0);
  private mins = new Int32Array(0);

  constructor(cal: DayCalendar) {
    // A calendar without one working weekday would never finish anything; count it as the
    // default (in the same zone).
    this.cal = cal.worksAtAll ? cal : new DayCalendar(defaultWorkdayCalendar(cal.zone));
  }

  /** The zone whose date is "today" for tasks on this calendar. */
  get zone(): string {
    return this.cal.zone;
  }

  private ensure(day: number): void {
    const hi = this.lo + this.cum.length - 1;
    if (this.cum.length && day >= this.lo && day <= hi) return;
    const size = Math.max(128, this.cum.length * 2);
    const lo = Math.max(FIRST_DAY, this.cum.length ? Math.min(this.lo, day - (day < this.lo ? size : 0)) : day - 64);
    const newHi = Math.min(LAST_DAY, this.cum.length ? Math.max(hi, day + (day > hi ? size : 0)) : day + 64);
    const mins = new Int32Array(newHi - lo + 1);
    for (let d = lo; d <= newHi; d++) {
      const old = d - this.lo;
      mins[d - lo] = this.cum.length && old >= 0 && old < this.mins.length ? this.mins[old]! : this.cal.workingMinutesOnDay(d);
    }
    const cum = new Int32Array(mins.length);
    let count = 0;
    for (let i = 0; i < mins.length; i++) cum[i] = count += mins[i]! > 0 ? 1 : 0;
    this.lo = lo;
    this.mins = mins;
    this.cum = cum;
  }

  /** Working minutes of a day; days outside the supported years count as whole working days, so every walk ends. */
  minutes(day: number): number {
    if (day < FIRST_DAY || day > LAST_DAY) return 1440;
    this.ensure(day);
    return this.mins[day - this.lo]!;
  }

  isWorking(day: number): boolean {
    return this.minutes(day) > 0;
  }

  /** Working days in (from, to] within the supported years; 0 when to ≤ from. */
  countAfter(from: number, to: number): number {
    const a = clamp(from);
    const b = clamp(to);
    if (b <= a) return 0;
    this.ensure(a);
    this.ensure(b);
    return this.cum[b - this.lo]! - this.cum[a - this.lo]!;
  }

  onOrAfter(day: number): number {
    let d = day;
    while (d < LAST_DAY && !this.isWorking(d)) d++;
    return d;
  }

  after(day: number): number {
    return this.onOrAfter(day + 1);
  }

  onOrBefore(day: number): number {
    let d = day;
    while (d > FIRST_DAY && !this.isWorking(d)) d--;
    return d;
  }

  before(day: number): number {
    return this.onOrBefore(day - 1);
  }

  /** The n-th working day after a working day (n ≥ 0); never past the last supported day. */
  forward(day: number, n: number): number {
    let d = day;
    for (let i = 0; i < n && d < LAST_DAY; i++) d = this.after(d);
    return d;
  }

  back(day: number, n: number): number {
    let d = day;
    for (let i = 0; i < n && d > FIRST_DAY; i++) d = this.before(d);
    return d;
  }
}

function clamp(day: number): number {
  return Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
}

/** Calendars are immutable, so what was learnt about one serves every later forecast too. */
const workDaysCache = new WeakMap<DayCalendar, WorkDays>();

export function workDaysOf(cal: DayCalendar): WorkDays {
  let wd = workDaysCache.get(cal);
  if (!wd) workDaysCache.set(cal, (wd = new WorkDays(cal)));
  return wd;
}

/** A task's estimate as whole working days plus working minutes laid over the days after them. */
export interface Effort {
  days: number;
  minutes: number;
}

export function effortOf(task: TaskDoc): Effort {
  const d = parseDuration(task.estimate);
  if (!d) return { days: 1, minutes: 0 };
  return { days: d.weeks * 5 + d.days, minutes: d.hours * 60 + d.minutes };
}

/** The last working day of an effort that starts on the working day `start`. */
export function finishFrom(cal: WorkDays, start: number, effort: Effort): number {
  let day = effort.days > 0 ? cal.forward(start, effort.days - 1) : start;
  if (effort.minutes > 0) {
    if (effort.days > 0) day = cal.after(day);
    let rest = effort.minutes;
    while (rest > cal.minutes(day) && day < LAST_DAY) {
      rest -= cal.minutes(day);
      day = cal.after(day);
    }
  }
  return day;
}

/** The first working day of an effort that finished on `finish`: finishFrom backwards. */
export function startFor(cal: WorkDays, finish: number, effort: Effort): number {
  let day = cal.onOrBefore(finish);
  if (effort.minutes > 0) {
    let rest = effort.minutes;
    while (rest > cal.minutes(day) && day > FIRST_DAY) {
      rest -= cal.minutes(day);
      day = cal.before(day);
    }
    if (effort.days > 0) day = cal.before(day);
  }
  return effort.days > 0 ? cal.back(day, effort.days - 1) : day;
}
