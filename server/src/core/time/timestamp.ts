// Timestamps and dates as the format writes them (spec §2): ISO 8601 with an offset or Z,
// and plain YYYY-MM-DD dates. A timestamp without an offset is not a timestamp here.

import { DateTime } from 'luxon';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch, or undefined when the text is not a valid timestamp with an offset. */
export function parseTimestamp(text: unknown): number | undefined {
  // Called for every timeline entry of every incident: a regular expression, then plain
  // arithmetic, and no Date objects.
  if (typeof text !== 'string') return undefined;
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  const s = m[6] ? +m[6] : 0;
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const frac = m[7];
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const zone = m[8]!;
  if (zone === 'Z') return utc;
  const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
  const offsetMinutes = sign * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
  return utc - offsetMinutes * 60_000;
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
