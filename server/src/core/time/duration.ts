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

/** The parts of a duration, or undefined when the text is not one. */
export function parseDuration(text: unknown): DurationParts | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return {
    weeks: Number(m[1] ?? 0),
    days: Number(m[2] ?? 0),
    hours: Number(m[3] ?? 0),
    minutes: Number(m[4] ?? 0),
  };
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

/** "1h 25m", "3d 2h", "0m": how reports and hovers show a number of minutes. */
export function formatMinutes(total: number): string {
  const sign = total < 0 ? '-' : '';
  let rest = Math.round(Math.abs(total));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes || parts.length === 0) parts.push(`${minutes}m`);
  return sign + parts.join(' ');
}
