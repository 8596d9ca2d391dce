// Time zones: whether a name is one, and what an instant reads on a zone's wall clock (its
// offset, its local date). The one place that asks luxon about zones; everything a person
// reads is dated here, in the workspace's zone or a calendar's.
//
// A local date is the instant shifted by the zone's offset, read as a UTC date: arithmetic, not
// a locale's formatting (whose output format changed once in CLDR 42). Offsets are looked up
// once per UTC day and zone when they hold all day (no zone changes its offset twice a day):
// a report dates 100 000 incidents.

import { DateTime, IANAZone } from 'luxon';
import { dateOfDay } from './dates';

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

/** Per zone: the offset in ms of each UTC day over which it does not change (null: it changes). */
const dailyOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at an instant, in ms (0 for an unknown zone). */
export function offsetMs(zone: string, ms: number): number {
  const z = zoneObject(zone);
  if (!z) return 0;
  let byDay = dailyOffsets.get(zone);
  if (!byDay) dailyOffsets.set(zone, (byDay = new Map()));
  const day = Math.floor(ms / DAY);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const first = Math.round(z.offset(day * DAY) * MINUTE);
    offset = first === Math.round(z.offset((day + 1) * DAY - 1) * MINUTE) ? first : null;
    if (byDay.size > 100_000) byDay.clear();
    byDay.set(day, offset);
  }
  return offset ?? Math.round(z.offset(ms) * MINUTE);
}

/** The day number (days since 1970-01-01) of an instant on a zone's wall clock. */
export function localDay(zone: string, ms: number): number {
  return Math.floor((ms + offsetMs(zone, ms)) / DAY);
}

/** The date (YYYY-MM-DD) of an instant in a zone: "today" there, when the instant is now. */
export function localDate(zone: string, ms: number): string {
  return dateOfDay(localDay(zone, ms));
}

/** An instant as a timestamp in a zone, like the files write them: "2026-11-04T12:00+03:00". */
export function formatInZone(ms: number, zone: string): string {
  const local = DateTime.fromMillis(ms, { zone: zoneOr(zone) });
  return local.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: true })!.replace(/\+00:00$/, 'Z');
}

/** "2026-11-25 14:35": an instant on a zone's wall clock, for people (the zone named beside it). */
export function wallClock(ms: number, zone: string): string {
  const local = DateTime.fromMillis(ms, { zone: zoneOr(zone) });
  return local.toFormat('yyyy-MM-dd HH:mm');
}

/** The offset ("+03:00") a zone has at a local date and time written without one. */
export function offsetFor(localTimestamp: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(localTimestamp, { zone: zoneOr(zone) });
  if (!dt.isValid) return undefined;
  return dt.toFormat('ZZ');
}

/** "2026-11-25T12:00:00+03:00": an instant, to the minute, in a zone. */
export function minuteStamp(zone: string, ms: number): string {
  const dt = DateTime.fromMillis(Math.floor(ms / MINUTE) * MINUTE, { zone: zoneOr(zone) });
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/\+00:00$/, 'Z');
}
