// Timestamps as the format writes them (spec §2): ISO 8601 with an offset or Z. A timestamp
// without an offset is not a timestamp here. Dates are dates.ts's, zones zone.ts's.

import { daysFromCivil, digits as digitsAt, isCalendarDay } from './dates';

/**
 * The form parseTimestamp reads (it does so without this expression, which documents it); it
 * also wants a real calendar day in 1900–2199 and an offset of at most ±14:00, the range of
 * the zones that exist (RFC 3339 allows ±23:59; nowhere keeps such a clock).
 */
export const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/;

/** The largest offset from UTC of a real zone (Kiribati, +14:00), in minutes. */
export const MAX_OFFSET_MINUTES = 14 * 60;

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
  if (!isCalendarDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  // Date.UTC's answer for the years allowed, in arithmetic: the call was a third of this function.
  const utc = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1 === text.length ? utc : undefined;
  if ((zone !== 43 && zone !== 45) || i + 6 !== text.length || text.charCodeAt(i + 3) !== 58) return undefined;
  const oh = digitsAt(text, i + 1, 2);
  const om = digitsAt(text, i + 4, 2);
  if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > MAX_OFFSET_MINUTES) return undefined;
  return utc - (zone === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/** True when the text looks like a timestamp but has no offset ("2026-11-03T09:12:00"). */
export function isTimestampWithoutOffset(text: unknown): boolean {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
}


function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The offset of a timestamp-shaped text when no real zone has it ("+99:99", "+15:00"). */
export function impossibleOffset(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!m || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return Number(m[3]) > 59 || minutes > MAX_OFFSET_MINUTES ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}
