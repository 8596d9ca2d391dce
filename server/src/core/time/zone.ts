// Time zones: whether a name is one, and what an instant reads on a zone's wall clock (its
// offset, its local date). The one place that asks luxon about zones; everything a person
// reads is dated here, in the workspace's zone or a calendar's.
//
// A local date is the instant shifted by the zone's offset, read as a UTC date: arithmetic, not
// a locale's formatting (whose output format changed once in CLDR 42). Offsets are looked up
// once per UTC day and zone when they hold all day (no zone changes its offset twice a day):
// a report dates 100 000 incidents. The offset itself is read from Intl's "GMT+03:00" when it
// is written so, and asked of luxon otherwise.

import { DateTime, IANAZone } from 'luxon';
import { dateOfDay, digits } from './dates';

const MINUTE = 60_000;
const DAY = 86_400_000;

const zones = new Map<string, IANAZone | null>();

function zoneObject(name: string): IANAZone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = typeof name === 'string' && name !== '' && IANAZone.isValidZone(name) ? IANAZone.create(name) : null;
    if (zones.size > 1000) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

/** Whether the text names a time zone this runtime knows (IANA names such as Europe/Moscow, UTC). */
export function isValidZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zoneObject(zone) !== null;
}

/** The zone itself when it is valid, else the fallback (UTC). */
export function zoneOr(zone: unknown, fallback = 'UTC'): string {
  return isValidZone(zone) ? zone : fallback;
}

/** Per zone: its offset in ms at the start of each UTC day asked about. */
const dayStartOffsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in ms (0 for an unknown zone). */
export function offsetMs(zone: string, ms: number): number {
  const z = zoneObject(zone);
  if (!z) return 0;
  let starts = dayStartOffsets.get(zone);
  if (!starts) dayStartOffsets.set(zone, (starts = new Map()));
  if (starts.size > 100_000) starts.clear();
  const day = Math.floor(ms / DAY);
  const first = dayStartOffset(z, starts, day);
  // The same offset at this day's start and the next's: the same all day (no zone changes its
  // offset twice in a day). Each day's start is asked of the zone once, for it and the day before.
  return first === dayStartOffset(z, starts, day + 1) ? first : zoneOffsetMs(z, ms);
}

function dayStartOffset(z: IANAZone, starts: Map<number, number>, day: number): number {
  let offset = starts.get(day);
  if (offset === undefined) {
    offset = zoneOffsetMs(z, day * DAY);
    starts.set(day, offset);
  }
  return offset;
}

/** Per zone, a formatter that writes the offset at an instant as "…GMT+03:00" (or "…GMT" for none). */
const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * The zone's offset at an instant, in ms: read from Intl's "GMT+03:00", a fifth of the cost of
 * luxon's reading of every part of the date (a report of a year's deadlines asks for hundreds of
 * days); luxon's answer whenever the text is not in that form (an offset with seconds, as local
 * mean times had, or a locale data that writes it otherwise).
 */
function zoneOffsetMs(z: IANAZone, ms: number): number {
  let format = offsetFormats.get(z.name);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: z.name, timeZoneName: 'longOffset' });
    } catch {
      format = null;
    }
    offsetFormats.set(z.name, format);
  }
  const minutes = format ? gmtOffsetMinutes(format.format(ms)) : undefined;
  return Math.round((minutes ?? z.offset(ms)) * MINUTE);
}

/** The minutes of a text that ends in "GMT" or "GMT±HH:MM"; undefined for any other ending. */
export function gmtOffsetMinutes(text: string): number | undefined {
  if (text.endsWith('GMT')) return 0;
  const at = text.length - 9;
  if (at < 0 || !text.startsWith('GMT', at) || text.charCodeAt(at + 6) !== 58 /* : */) return undefined;
  const sign = text.charCodeAt(at + 3);
  const h = digits(text, at + 4, 2);
  const m = digits(text, at + 7, 2);
  if ((sign !== 43 && sign !== 45 && sign !== 0x2212) || h < 0 || m < 0) return undefined;
  return (sign === 43 ? 1 : -1) * (h * 60 + m);
}

/** The day number (days since 1970-01-01) of an instant on a zone's wall clock. */
export function localDay(zone: string, ms: number): number {
  return Math.floor((ms + offsetMs(zone, ms)) / DAY);
}

/** The date (YYYY-MM-DD) of an instant in a zone: "today" there, when the instant is now. */
export function localDate(zone: string, ms: number): string {
  return dateOfDay(localDay(zone, ms));
}

// Instants written for people and files, by arithmetic on the zone's offset: luxon's DateTime
// took 60 µs an instant, and a check of 10 000 incidents writes thousands of them.

/** An instant as a timestamp in a zone, like the files write them: "2026-11-04T12:00+03:00". */
export function formatInZone(ms: number, zone: string): string {
  return stamp(ms, zoneOr(zone), false);
}

/** "2026-11-25 14:35": an instant on a zone's wall clock, for people (the zone named beside it). */
export function wallClock(ms: number, zone: string): string {
  const local = ms + offsetMs(zoneOr(zone), ms);
  const day = Math.floor(local / DAY);
  const minuteOfDay = Math.floor((local - day * DAY) / MINUTE);
  return `${dateOfDay(day)} ${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}`;
}

/** The offset ("+03:00") a zone has at a local date and time written without one. */
export function offsetFor(localTimestamp: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(localTimestamp, { zone: zoneOr(zone) });
  if (!dt.isValid) return undefined;
  return dt.toFormat('ZZ');
}

/** "2026-11-25T12:00:00+03:00": an instant, to the minute, in a zone. */
export function minuteStamp(zone: string, ms: number): string {
  return stamp(Math.floor(ms / MINUTE) * MINUTE, zoneOr(zone), true);
}

/**
 * ISO 8601 with the zone's offset ("Z" for none): seconds when they are not zero (or always,
 * with `seconds`), milliseconds when they are not zero.
 */
function stamp(ms: number, zone: string, seconds: boolean): string {
  const offset = offsetMs(zone, ms);
  const local = ms + offset;
  const day = Math.floor(local / DAY);
  let rest = local - day * DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  let time = `${two(h)}:${two(m)}`;
  if (seconds || s || milli) time += `:${two(s)}`;
  if (milli) time += `.${String(milli).padStart(3, '0')}`;
  const offsetMinutes = Math.round(offset / MINUTE);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zoneText = abs === 0 ? 'Z' : `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  return `${dateOfDay(day)}T${time}${zoneText}`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
