// Durations as the format writes them ("15m", "4h", "1h30m", "3d", "2w"). What a unit means
// depends on the field (spec §3): working time for SLA targets and estimates, wall-clock time
// for review intervals. This file only reads the text; the engines give it meaning.

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
}

const DURATION = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/**
 * Durations read so far. A workspace writes a handful ("4h", "2d", "48h"…), read again for each
 * of thousands of incidents and tasks; the parts are frozen, so the same object can be shared.
 */
const known = new Map<string, Readonly<DurationParts> | undefined>();
const KNOWN_MAX = 1024;

/** The parts of a duration, or undefined when the text is not one. */
export function parseDuration(text: unknown): Readonly<DurationParts> | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  if (known.has(text)) return known.get(text);
  const m = DURATION.exec(text);
  const parts = m ? Object.freeze({ weeks: Number(m[1] ?? 0), days: Number(m[2] ?? 0), hours: Number(m[3] ?? 0), minutes: Number(m[4] ?? 0) }) : undefined;
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(text, parts);
  return parts;
}

/** Minutes of an SLA target ("1h30m" → 90). Days and weeks are refused by the schema. */
export function slaTargetMinutes(text: unknown): number | undefined {
  const d = parseDuration(text);
  if (!d || d.weeks || d.days) return undefined;
  return d.hours * 60 + d.minutes;
}

/** Wall-clock milliseconds of an elapsed duration ("180d", "48h", "2w"). */
export function elapsedMs(text: unknown): number | undefined {
  const d = parseDuration(text);
  if (!d) return undefined;
  return (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000;
}

/**
 * "1h 25m", "30m", "53h 10m": how reports and hovers show minutes of working time. Never in
 * days: a working day is not 24 hours, and SLA targets refuse days for that reason.
 */
export function formatMinutes(total: number): string {
  const sign = total < 0 ? '-' : '';
  const rest = Math.round(Math.abs(total));
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  if (hours && minutes) return `${sign}${hours}h ${minutes}m`;
  return hours ? `${sign}${hours}h` : `${sign}${minutes}m`;
}

/**
 * "20m", "5h 20m", "3d 4h": how long something was late, in wall-clock time. Rounded up to the
 * minute, so that a postmortem one second late is never shown as "0m" late.
 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 60_000));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours) return minutes ? `${hours}h ${minutes}m` : `${hours}h`;
  return `${minutes}m`;
}
