// How the inlay hints word what the engines computed: short dates (11-25 within the year of
// today, the full date otherwise), clock states with elapsed / target, and instants on the
// workspace's wall clock. Hints sit at the end of a line, so each is a few words on one line.

import { isBreached, type Clock, type ClockName } from '../../core/sla/clocks';
import { plainText } from '../../core/text/shown';
import { formatMinutes } from '../../core/time/duration';
import { wallClock } from '../../core/time/zone';

/** The families of hints, each of which a setting (`tam.inlayHints.*`) can turn off. */
export interface HintFamilies {
  /** After each task of a chain: its forecast dates and what drives them. */
  tasks: boolean;
  /** After a chain's `deadline:`: the forecast finish and lateness. */
  deadline: boolean;
  /** After an `estimate:` in hours: the working days it spans. */
  estimates: boolean;
  /** After an incident's `opened:`: its two SLA clocks. */
  clocks: boolean;
  /** After each timeline entry: what it did to the clocks. */
  timeline: boolean;
  /** After a document's `reviewed:`: when the next review is due. */
  reviews: boolean;
}

export const ALL_HINTS: HintFamilies = { tasks: true, deadline: true, estimates: true, clocks: true, timeline: true, reviews: true };

/** Longest piece of workspace text (an id) a hint repeats before it is cut. */
const MAX_PIECE = 32;

/**
 * A piece of workspace text in a hint: plain text on one line (core/text/shown), cut when long,
 * so that a hint stays a few words.
 */
export function piece(text: string): string {
  const shown = plainText(text);
  return shown.length > MAX_PIECE ? `${shown.slice(0, MAX_PIECE - 1)}…` : shown;
}

/** "11-25" for a date in the year of `today`, else the whole date. */
export function shortDate(date: string, today: string): string {
  return date.slice(0, 4) === today.slice(0, 4) ? date.slice(5) : date;
}

/** "11-25 → 11-27", or one date for a task of one day. */
export function span(start: string, finish: string, today: string): string {
  return start === finish ? shortDate(start, today) : `${shortDate(start, today)} → ${shortDate(finish, today)}`;
}

/** An instant on the workspace's wall clock: "14:35" today, "11-26 14:35" this year, else the whole date. */
export function instant(ms: number, zone: string, today: string): string {
  const text = wallClock(ms, zone); // "2026-11-25 14:35"
  const date = text.slice(0, 10);
  if (date === today) return text.slice(11);
  return `${shortDate(date, today)} ${text.slice(11)}`;
}

/** "response met 7m / 30m", "resolution running 3h 10m / 8h, due 14:35". */
export function clockWords(name: ClockName, clock: Clock, zone: string, today: string): string {
  const target = Number.isFinite(clock.targetMinutes) ? formatMinutes(clock.targetMinutes) : 'no target';
  let text = `${name} ${clock.state} ${formatMinutes(clock.elapsedMinutes)} / ${target}`;
  if (clock.state === 'running' && clock.dueAt !== undefined) text += `, due ${instant(clock.dueAt, zone, today)}`;
  if (clock.state === 'paused' && isBreached(clock)) text += ', over target';
  return text;
}

/** The same clock in full, for the hint's tooltip: whole instants and the zone they are read in. */
export function clockSentence(name: ClockName, clock: Clock, zone: string): string {
  const target = Number.isFinite(clock.targetMinutes) ? formatMinutes(clock.targetMinutes) : 'no target';
  const parts = [`${name}: ${clock.state}, ${formatMinutes(clock.elapsedMinutes)} of ${target} working time`];
  if (clock.dueAt !== undefined) parts.push(`due ${wallClock(clock.dueAt, zone)}`);
  if (clock.breachedAt !== undefined) parts.push(`breached at ${wallClock(clock.breachedAt, zone)}`);
  if (clock.pausedSince !== undefined) parts.push(`paused since ${wallClock(clock.pausedSince, zone)}`);
  if (clock.stoppedAt !== undefined) parts.push(`stopped at ${wallClock(clock.stoppedAt, zone)}`);
  return parts.join(', ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
