// The two SLA clocks of an incident, response and resolution, exactly as spec §4 defines them,
// computed from the incident, its policy and the working time of the policy's calendar at a
// given "now". Pure: the caller resolves which policy and calendar apply.
//
// Decisions where §4 is silent (documented here because reports and diagnostics rely on them):
// - Elapsed minutes are reported rounded UP to whole minutes. With whole-minute targets,
//   "exact elapsed > target" holds exactly when "rounded-up elapsed > target", so the numbers
//   shown always agree with the state (30m 20s against a 30m target shows 31 > 30, breached).
// - A running clock over its target is `breached`; a paused one is `paused` whatever its
//   elapsed time (spec §4: "a paused one is paused"). A breach that happened before the pause
//   is still a breach: `isBreached` says so from the numbers, and the rule and the report use it.
// - A `closed` entry neither stops nor reopens a clock (spec §4 names only `resolved` as the
//   stop, and excludes `closed` from reopening): after `resolved` it keeps the clock stopped; it
//   ends a pause like any next entry; an incident closed without ever being resolved keeps its
//   resolution clock running, and so shows up as a breach a TAM should look at.
// - Odd timelines never throw. Entries are taken in written order (the order the author told
//   the story in); an entry earlier than `opened` or than the entry before it counts as happening
//   at that moment, so no span is negative. `timeline-order` reports such entries. Entries after
//   `now` have not happened yet and are ignored; a `now` before `opened` gives 0 elapsed.
// - A missing or unreadable target counts as no limit (Infinity); the schema reports it.
// - `breachedAt` is the instant the elapsed working time reached the target: the instant
//   `dueAt` predicted while the clock ran. A clock that reached its target exactly as it paused
//   and went over after resuming was breached when it reached it, not when it resumed (a
//   resumption can fall outside working hours).

import type { IncidentDoc, SlaPolicyDoc, TimelineStatus } from '../model';
import type { WorkingTime } from '../calendar/working-time';
import { slaTargetMinutes } from '../time/duration';
import { parseTimestamp } from '../time/timestamp';

const MINUTE = 60_000;

export type ClockState = 'met' | 'breached' | 'running' | 'paused';

/** The two clocks of an incident, in the order they are always shown. */
export type ClockName = 'response' | 'resolution';
export const CLOCK_NAMES: readonly ClockName[] = ['response', 'resolution'];

export interface Clock {
  state: ClockState;
  /** Working minutes counted so far, rounded up to whole minutes (see the top of this file). */
  elapsedMinutes: number;
  targetMinutes: number;
  /** For a clock over its target: the instant its elapsed working time reached the target. */
  breachedAt?: number;
  /** When the clock stopped, if it is stopped now (a `resolved` entry or, for response, an acknowledging one). */
  stoppedAt?: number;
  /** When the current pause began, if the clock is paused now (also when it is already breached). */
  pausedSince?: number;
  /** When a running clock not yet breached will reach its target if it keeps running: "breaches at". */
  dueAt?: number;
}

export interface IncidentClocks {
  response: Clock;
  resolution: Clock;
  /** When it was resolved: the `resolved` entry of its last resolution, if not reopened since. */
  resolvedAt?: number;
  /**
   * True when both clocks have stopped and no timeline entry lies after "now": every later
   * "now" gives the same clocks, so a result computed from them can be cached.
   */
  settled?: boolean;
}

/** Statuses that stop the response clock: someone has taken the incident. */
const RESPONDING: ReadonlySet<TimelineStatus> = new Set(['acknowledged', 'in_progress', 'resolved']);
const DEFAULT_PAUSE_ON: readonly TimelineStatus[] = ['waiting_for_customer'];
/** `pause_on` when a policy gives none (spec §3). */
export const DEFAULT_PAUSE_SET: ReadonlySet<string> = new Set(DEFAULT_PAUSE_ON);

export type Phase = 'running' | 'paused' | 'stopped';

/** One clock counted segment by segment, remembering when it reached its target. */
class Counter {
  private elapsedMs = 0;
  /** The instant elapsed working time reached the target (whether or not it went over since). */
  private reachedAt: number | undefined;
  private readonly targetMs: number;

  constructor(
    private readonly time: WorkingTime,
    private readonly targetMinutes: number,
  ) {
    this.targetMs = targetMinutes * MINUTE;
  }

  /** Counts the working time of [from, to). */
  run(from: number, to: number): void {
    const work = this.time.workingMs(from, to);
    if (this.reachedAt === undefined && this.elapsedMs + work >= this.targetMs) {
      // Within this segment: the earliest instant with the rest of the target worked (from
      // itself only for a target of nothing).
      this.reachedAt = this.time.addWorkingMs(from, this.targetMs - this.elapsedMs);
    }
    this.elapsedMs += work;
  }

  /** The clock in its phase at `now`; `since` is when that phase began. */
  clock(phase: Phase, since: number, now: number): Clock {
    const over = this.elapsedMs > this.targetMs;
    let state: ClockState;
    if (phase === 'stopped') state = over ? 'breached' : 'met';
    else if (phase === 'paused') state = 'paused';
    else state = over ? 'breached' : 'running';
    const clock: Clock = {
      state,
      elapsedMinutes: Math.ceil(this.elapsedMs / MINUTE),
      targetMinutes: this.targetMinutes,
    };
    if (over && this.reachedAt !== undefined) clock.breachedAt = this.reachedAt;
    if (phase === 'stopped') clock.stoppedAt = since;
    if (phase === 'paused') clock.pausedSince = since;
    if (phase === 'running' && !over && Number.isFinite(this.targetMs)) {
      clock.dueAt = this.reachedAt ?? this.time.addWorkingMs(now, this.targetMs - this.elapsedMs);
    }
    return clock;
  }
}

/** Whether the clock has gone over its target, whatever its state (a paused clock may have). */
export function isBreached(clock: Clock): boolean {
  return clock.elapsedMinutes > clock.targetMinutes;
}

/** What one timeline entry did to the clocks at "now" (spec §4). An entry that changed nothing is `{}`. */
export interface EntryEffect {
  /** The response clock stopped here: someone took the incident. */
  response?: 'stops';
  /** The resolution clock stopped (resolved), paused, ran again after a pause, or ran again after a resolution. */
  resolution?: 'stops' | 'pauses' | 'resumes' | 'reopens';
  /** The entry lies after "now": it has not happened yet and counts for nothing so far. */
  later?: boolean;
}

/** Where an incident's timeline has its two clocks at "now" (spec §4), before any counting. */
export interface TimelineWalk {
  opened: number;
  /** "Now", or `opened` for a "now" before it. */
  now: number;
  response: { phase: Phase; since: number };
  resolution: { phase: Phase; since: number };
  /** The `resolved` entry of the last resolution, if not reopened since. */
  resolvedAt?: number;
  /** Some entry lies after "now": a later "now" may change the phases. */
  later: boolean;
}

/**
 * Walks the timeline up to "now" and tells `run(clock, from, to)` each span in which a clock
 * runs (in time order). The one reading of spec §4's timeline: the clocks count from it and
 * every "is it open?" asks it. Undefined when `opened` does not read.
 */
export function walkTimeline(
  incident: Pick<IncidentDoc, 'opened' | 'timeline'>,
  pauseOn: ReadonlySet<string>,
  nowMs: number,
  run?: (clock: 'response' | 'resolution', from: number, to: number) => void,
  /** Told what each entry (by its index in the timeline) did to the clocks. */
  onEntry?: (index: number, effect: EntryEffect) => void,
): TimelineWalk | undefined {
  const opened = parseTimestamp(incident.opened);
  if (opened === undefined) return undefined;
  // A "now" before the incident was opened sees it at its opening: nothing elapsed yet.
  const now = nowMs >= opened ? nowMs : opened;
  let t = opened; // the moment counted up to
  const response = { phase: 'running' as Phase, since: opened };
  const resolution = { phase: 'running' as Phase, since: opened };
  let resolvedAt: number | undefined;
  let later = nowMs < opened;

  const entries = Array.isArray(incident.timeline) ? incident.timeline : [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const at = parseTimestamp(entry?.at);
    if (at === undefined) continue;
    const when = Math.max(at, t);
    if (when > now) {
      later = true;
      // This entry and every one after it have not happened yet.
      if (onEntry) for (let rest = index; rest < entries.length; rest++) if (parseTimestamp(entries[rest]?.at) !== undefined) onEntry(rest, { later: true });
      break;
    }
    if (run && response.phase === 'running') run('response', t, when);
    if (run && resolution.phase === 'running') run('resolution', t, when);
    t = when;
    let responseEffect: EntryEffect['response'];
    let resolutionEffect: EntryEffect['resolution'];

    const status = entry.status;
    if (response.phase === 'running' && RESPONDING.has(status)) {
      response.phase = 'stopped';
      response.since = when;
      responseEffect = 'stops';
    }

    // Stopping wins over pausing, should a policy list `resolved` in pause_on.
    if (status === 'resolved') {
      if (resolution.phase !== 'stopped') {
        resolution.phase = 'stopped';
        resolution.since = when;
        resolutionEffect = 'stops';
      }
      // A repeated `resolved` keeps the first.
      if (resolvedAt === undefined) resolvedAt = when;
    } else if (status === 'closed' && resolution.phase === 'stopped') {
      // Closing a resolved incident changes nothing.
    } else {
      const phase: Phase = pauseOn.has(status) ? 'paused' : 'running';
      if (resolution.phase === 'stopped') {
        resolvedAt = undefined; // reopened
        resolutionEffect = 'reopens';
      } else if (phase !== resolution.phase) {
        resolutionEffect = phase === 'paused' ? 'pauses' : 'resumes';
      }
      if (phase !== resolution.phase) {
        resolution.phase = phase;
        resolution.since = when;
      }
    }
    if (onEntry) {
      const effect: EntryEffect = {};
      if (responseEffect) effect.response = responseEffect;
      if (resolutionEffect) effect.resolution = resolutionEffect;
      onEntry(index, effect);
    }
  }
  if (run && response.phase === 'running') run('response', t, now);
  if (run && resolution.phase === 'running') run('resolution', t, now);
  const walk: TimelineWalk = { opened, now, response, resolution, later };
  if (resolvedAt !== undefined) walk.resolvedAt = resolvedAt;
  return walk;
}

export function computeClocks(incident: IncidentDoc, policy: SlaPolicyDoc, time: WorkingTime, nowMs: number): IncidentClocks {
  const targets = policy.targets?.[incident.priority];
  const counters = {
    response: new Counter(time, targetMinutes(targets?.response)),
    resolution: new Counter(time, targetMinutes(targets?.resolution)),
  };
  const walk = walkTimeline(incident, pauseStatuses(policy), nowMs, (clock, from, to) => (clock === 'response' ? counters.response : counters.resolution).run(from, to));
  if (!walk) {
    // Nothing can be counted without a start; the schema reports the timestamp.
    const start = Number.isFinite(nowMs) ? nowMs : 0;
    return { response: counters.response.clock('running', start, start), resolution: counters.resolution.clock('running', start, start) };
  }
  const { response, resolution, now } = walk;
  const clocks: IncidentClocks = {
    response: counters.response.clock(response.phase, response.since, now),
    resolution: counters.resolution.clock(resolution.phase, resolution.since, now),
  };
  if (walk.resolvedAt !== undefined) clocks.resolvedAt = walk.resolvedAt;
  if (!walk.later && response.phase === 'stopped' && resolution.phase === 'stopped') clocks.settled = true;
  return clocks;
}

/**
 * What each timeline entry did to the clocks at "now", by its index (entries whose `at` does
 * not read are absent): the same walk the clocks are counted from.
 */
export function timelineEffects(incident: Pick<IncidentDoc, 'opened' | 'timeline'>, policy: SlaPolicyDoc, nowMs: number): Map<number, EntryEffect> {
  const effects = new Map<number, EntryEffect>();
  walkTimeline(incident, pauseStatuses(policy), nowMs, undefined, (index, effect) => effects.set(index, effect));
  return effects;
}

/** The policy's pause_on as a set, made once per policy: clocks are computed for many incidents. */
const pauseSets = new WeakMap<SlaPolicyDoc, ReadonlySet<string>>();
function pauseStatuses(policy: SlaPolicyDoc): ReadonlySet<string> {
  let set = pauseSets.get(policy);
  if (!set) {
    set = new Set<string>(Array.isArray(policy.pause_on) ? policy.pause_on : DEFAULT_PAUSE_ON);
    pauseSets.set(policy, set);
  }
  return set;
}

/** A target in minutes; no limit when the policy does not give a readable one. */
function targetMinutes(text: unknown): number {
  return slaTargetMinutes(text) ?? Infinity;
}
