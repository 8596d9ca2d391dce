// Dates as the format writes them (YYYY-MM-DD, spec §2) and as day numbers (days since
// 1970-01-01), with their weekday. The one place that turns dates into numbers and back: the
// forecast converts thousands of them, so this is plain arithmetic (Hinnant's civil-date
// algorithms) with no Date objects and no time zone.
//
// Dates the product works with lie in the years 1900–2199. A year typed as `0206` is refused
// here rather than making a forecast count working days across eighteen centuries.

import type { Weekday } from '../model';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Sunday first, as day numbers count them: (day + 4) mod 7, 1970-01-01 being a Thursday. */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a year, month and day name a real calendar day in the supported years. */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/** Whether a text is a YYYY-MM-DD date of a real day in the supported years. */
export function isDate(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  return y >= 0 && m >= 0 && d >= 0 && isCalendarDay(y, m, d);
}

/** The year of a YYYY-MM-DD text that has the form of a date but a year outside 1900–2199. */
export function yearOutOfRange(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const y = Number(text.slice(0, 4));
  return y < MIN_YEAR || y > MAX_YEAR ? y : undefined;
}

/** Days since 1970-01-01 of a civil date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The day number of a YYYY-MM-DD date, or undefined when it is not one. */
export function dayNumber(date: unknown): number | undefined {
  if (!isDate(date)) return undefined;
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2));
}

/** The YYYY-MM-DD text of a day number. */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Index into WEEKDAYS of a day number (0 = Sunday). */
export function weekdayIndexOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The weekday of a YYYY-MM-DD date (undefined when it is not one). */
export function weekdayOf(date: string): Weekday | undefined {
  const day = dayNumber(date);
  return day === undefined ? undefined : WEEKDAYS[weekdayIndexOfDay(day)];
}

/** Midnight UTC of a YYYY-MM-DD date, in ms; a stable number for comparing and counting days. */
export function dateToUtcMs(date: string): number {
  return (dayNumber(date) ?? NaN) * DAY_MS;
}

/** The UTC date of an instant. */
export function utcMsToDate(ms: number): string {
  return dateOfDay(Math.floor(ms / DAY_MS));
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === undefined) throw new Error(`not a date: ${JSON.stringify(date)}`);
  return dateOfDay(day + days);
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (dayNumber(to) ?? NaN) - (dayNumber(from) ?? NaN);
}

/** "today", "tomorrow", "in 3 days", "yesterday", "3 days ago": a count of days from today, in words. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The number written by `count` ASCII digits at `from`, or -1. */
export function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}
