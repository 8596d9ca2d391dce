// Timestamps and dates as the format writes them (spec §2): ISO 8601 with an offset or Z,
// and plain YYYY-MM-DD dates. A timestamp without an offset is not a timestamp here.

import { DateTime } from 'luxon';

/** The form parseTimestamp reads (it does so without this expression, which documents it). */
export const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch, or undefined when the text is not a valid timestamp with an offset. */
export function parseTimestamp(text: unknown): number | undefined {
  // Called several times for every timeline entry of every incident (schema, clocks, rules):
  // read digit by digit, with no regular expression, no substrings and no Date objects. The
  // form is TIMESTAMP's; a property test holds the two to the same answers.
  if (typeof text !== 'string' || text.length < 17) return undefined;
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2);
  const mi = digitsAt(text, 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  let i = 16;
  let s = 0;
  let ms = 0;
  if (text.charCodeAt(i) === 58 /* : */) {
    s = digitsAt(text, i + 1, 2);
    if (s < 0) return undefined;
    i += 3;
    if (text.charCodeAt(i) === 46 /* . */) {
      const from = ++i;
      while (isDigit(text.charCodeAt(i))) i++;
      if (i === from) return undefined;
      // Milliseconds, rounded as Math.round(0.fff… * 1000) would.
      ms = Math.round(Number(`0.${text.slice(from, i)}`) * 1000);
    }
  }
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1 === text.length ? utc : undefined;
  if ((zone !== 43 && zone !== 45) || i + 6 !== text.length || text.charCodeAt(i + 3) !== 58) return undefined;
  const oh = digitsAt(text, i + 1, 2);
  const om = digitsAt(text, i + 4, 2);
  if (oh < 0 || om < 0) return undefined;
  return utc - (zone === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/** The number written by `count` ASCII digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when the text looks like a timestamp but has no offset ("2026-11-03T09:12:00"). */
export function isTimestampWithoutOffset(text: unknown): boolean {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
}

/** Whether a YYYY-MM-DD text names a real calendar day. */
export function isDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = DATE.exec(text);
  return !!m && validDate(+m[1]!, +m[2]!, +m[3]!);
}

/** Midnight UTC of a YYYY-MM-DD date, in ms; a stable number for comparing and counting days. */
export function dateToUtcMs(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

export function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * 86_400_000);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/** An instant as a timestamp in a zone, like the files write them: "2026-11-04T12:00+03:00". */
export function formatInZone(ms: number, zone: string): string {
  const dt = DateTime.fromMillis(ms, { zone });
  const local = dt.isValid ? dt : DateTime.fromMillis(ms, { zone: 'UTC' });
  return local.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: true })!.replace(/\+00:00$/, 'Z');
}
