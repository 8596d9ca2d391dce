// The SLA clocks of spec §4 against a brute-force oracle written apart from the engine: it walks
// an incident one minute at a time, asks luxon what the calendar's wall clock shows at that
// minute (weekday, time of day, date) and which phase the timeline has each clock in, and
// counts. No working intervals, no blocks, no binary search: slow, obvious, and independent of
// core/calendar/working-time.ts and core/sla/clocks.ts.
//
// Random calendars (zones with DST changes of an hour and of half an hour, several slots a day,
// slots ending at 24:00, holidays, 24×7) and random timelines (pauses, reopenings, `closed` with
// and without a resolution, entries on slot edges and at the same minute) around the 2026 DST
// changes; state, elapsed minutes, breachedAt and dueAt must be the oracle's.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { WorkingTime } from '../../../server/src/core/calendar/working-time';
import type { CalendarDoc, IncidentDoc, SlaPolicyDoc, TimelineStatus, Weekday } from '../../../server/src/core/model';
import { computeClocks, type Clock } from '../../../server/src/core/sla/clocks';

const MINUTE = 60_000;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const STATUSES: TimelineStatus[] = ['acknowledged', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];

// ---------------------------------------------------------------------------------------
// The oracle

/**
 * The zone's offset at t, asked of luxon once per quarter hour of UTC (every 2026 change of
 * these zones happens on a quarter hour).
 */
const offsets = new Map<string, number>();
function offsetAt(zone: string, t: number): number {
  const bucket = Math.floor(t / (15 * MINUTE));
  const key = `${zone}@${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(bucket * 15 * MINUTE, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

/** Whether the minute starting at t is working time: the wall clock read literally. */
function isWorkingMinute(cal: CalendarDoc, t: number): boolean {
  // The wall clock: the instant moved by the offset, read as if it were UTC.
  const local = new Date(t + offsetAt(cal.timezone, t) * MINUTE);
  if (cal.holidays?.includes(local.toISOString().slice(0, 10))) return false;
  if (!cal.working_hours) return true;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const day = WEEKDAYS[(local.getUTCDay() + 6) % 7]!;
  return cal.working_hours.some((s) => {
    const [fh, fm] = s.from.split(':').map(Number);
    const [th, tm] = s.to.split(':').map(Number);
    return s.days.includes(day) && minute >= fh! * 60 + fm! && minute < th! * 60 + tm!;
  });
}

type Phase = 'running' | 'paused' | 'stopped';

/** How far the oracle looks for a dueAt; the engine's, when further, is not compared. */
const SEARCH_DAYS = 30;

interface Expected {
  state: Clock['state'];
  elapsedMinutes: number;
  breachedAt?: number;
  dueAt?: number;
}

/**
 * Spec §4 read one minute at a time. The timeline is in time order and not before `opened`
 * (the generator makes it so); entries after "now" have not happened.
 */
function oracle(cal: CalendarDoc, incident: { opened: number; timeline: { at: number; status: TimelineStatus }[] }, pauseOn: TimelineStatus[], targets: { response: number; resolution: number }, now: number): { response: Expected; resolution: Expected } {
  const happened = incident.timeline.filter((e) => e.at <= now);
  /** Each clock's phase during the minute starting at t, from the entries at or before t. */
  const responsePhase = (t: number): Phase =>
    happened.some((e) => e.at <= t && (e.status === 'acknowledged' || e.status === 'in_progress' || e.status === 'resolved')) ? 'stopped' : 'running';
  const resolutionPhase = (t: number): Phase => {
    let phase: Phase = 'running';
    for (const e of happened) {
      if (e.at > t) break;
      if (e.status === 'resolved') phase = 'stopped';
      else if (e.status === 'closed' && phase === 'stopped') phase = 'stopped';
      else phase = pauseOn.includes(e.status) ? 'paused' : 'running';
    }
    return phase;
  };
  const count = (phaseAt: (t: number) => Phase, target: number): Expected => {
    let elapsed = 0;
    let reachedAt: number | undefined;
    for (let t = incident.opened; t < now; t += MINUTE) {
      if (phaseAt(t) !== 'running' || !isWorkingMinute(cal, t)) continue;
      elapsed++;
      if (elapsed === target) reachedAt = t + MINUTE;
    }
    const phase = phaseAt(now);
    const over = elapsed > target;
    const state: Clock['state'] = phase === 'stopped' ? (over ? 'breached' : 'met') : phase === 'paused' ? 'paused' : over ? 'breached' : 'running';
    const out: Expected = { state, elapsedMinutes: elapsed };
    if (over) out.breachedAt = reachedAt;
    if (phase === 'running' && !over) {
      if (elapsed === target) out.dueAt = reachedAt;
      else {
        // Keep walking, as if nothing else happened, until the target is reached.
        let more = elapsed;
        for (let t = now; t < now + SEARCH_DAYS * 24 * 60 * MINUTE; t += MINUTE) {
          if (isWorkingMinute(cal, t) && ++more === target) {
            out.dueAt = t + MINUTE;
            break;
          }
        }
      }
    }
    return out;
  };
  return { response: count(responsePhase, targets.response), resolution: count(resolutionPhase, targets.resolution) };
}

// ---------------------------------------------------------------------------------------
// Random calendars and incidents

/** 2026's DST changes: Europe 29 Mar / 25 Oct, the US 8 Mar / 1 Nov, Lord Howe (30 min) 5 Apr / 4 Oct. */
const CHANGES = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'].map(Date.parse);
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Europe/Moscow', 'Asia/Kolkata', 'UTC'];

const quarter = (lo: number, hi: number) => fc.integer({ min: lo * 4, max: hi * 4 }).map((q) => q * 15);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const slot = fc
  .tuple(fc.subarray(WEEKDAYS, { minLength: 1 }), quarter(0, 23), fc.integer({ min: 1, max: 40 }))
  .map(([days, from, quarters]) => ({ days, from: hhmm(from), to: hhmm(Math.min(1440, from + quarters * 15)) }));

const calendar: fc.Arbitrary<CalendarDoc> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    working_hours: fc.option(fc.array(slot, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 5 }),
    holidayOffsets: fc.array(fc.integer({ min: -3, max: 6 }), { maxLength: 2 }),
  })
  .map(({ timezone, working_hours, holidayOffsets }) => {
    const doc: CalendarDoc = { kind: 'calendar', id: 'cal', timezone };
    if (working_hours) doc.working_hours = working_hours;
    // Holidays near the DST changes (made concrete below, once the change is chosen).
    (doc as CalendarDoc & { holidayOffsets: number[] }).holidayOffsets = holidayOffsets;
    return doc;
  });

interface Case {
  cal: CalendarDoc;
  opened: number;
  timeline: { at: number; status: TimelineStatus }[];
  pauseOn: TimelineStatus[];
  targets: { response: number; resolution: number };
  now: number;
}

const anyCase: fc.Arbitrary<Case> = fc
  .record({
    cal: calendar,
    change: fc.constantFrom(...CHANGES),
    openedAt: fc.integer({ min: -48 * 60, max: 24 * 60 }),
    steps: fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant(0), fc.integer({ min: 0, max: 3 * 24 * 60 })), fc.constantFrom(...STATUSES), fc.boolean()), { maxLength: 7 }),
    pauseOn: fc.subarray(['waiting_for_customer', 'in_progress', 'acknowledged'] as TimelineStatus[], { minLength: 0, maxLength: 2 }),
    targets: fc.record({ response: fc.integer({ min: 1, max: 8 * 60 }), resolution: fc.integer({ min: 1, max: 20 * 60 }) }),
    nowAfter: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  })
  .map(({ cal, change, openedAt, steps, pauseOn, targets, nowAfter }) => {
    const opened = change + openedAt * MINUTE;
    const offsets = (cal as CalendarDoc & { holidayOffsets?: number[] }).holidayOffsets ?? [];
    delete (cal as CalendarDoc & { holidayOffsets?: number[] }).holidayOffsets;
    if (offsets.length) cal.holidays = offsets.map((d) => DateTime.fromMillis(change, { zone: cal.timezone }).plus({ days: d }).toISODate()!);
    let t = opened;
    const timeline = steps.map(([minutes, status, onEdge]) => {
      t += minutes * MINUTE;
      // Some entries land exactly where a slot starts or ends on that local day.
      if (onEdge && cal.working_hours?.length) {
        const local = DateTime.fromMillis(t, { zone: cal.timezone });
        const s = cal.working_hours[minutes % cal.working_hours.length]!;
        const edge = minutes % 2 ? s.to : s.from;
        const [h, m] = edge.split(':').map(Number);
        const at = local.startOf('day').plus({ minutes: h! * 60 + m! }).toMillis();
        if (at >= t) t = at;
      }
      return { at: t, status };
    });
    return { cal, opened, timeline, pauseOn, targets, now: opened + nowAfter * MINUTE };
  });

function engine(c: Case) {
  const incident: IncidentDoc = {
    kind: 'incident',
    id: 'INC-1',
    project: 'p',
    title: 't',
    priority: 'P1',
    opened: new Date(c.opened).toISOString(),
    timeline: c.timeline.map((e) => ({ at: new Date(e.at).toISOString(), status: e.status })),
  };
  const policy: SlaPolicyDoc = {
    kind: 'sla-policy',
    id: 'pol',
    calendar: 'cal',
    pause_on: c.pauseOn,
    targets: {
      P1: { response: `${c.targets.response}m`, resolution: `${c.targets.resolution}m` },
      P2: { response: '1h', resolution: '1h' },
      P3: { response: '1h', resolution: '1h' },
      P4: { response: '1h', resolution: '1h' },
    },
  };
  return computeClocks(incident, policy, new WorkingTime(c.cal), c.now);
}

function pick(clock: Clock, now: number): Expected {
  const out: Expected = { state: clock.state, elapsedMinutes: clock.elapsedMinutes };
  if (clock.breachedAt !== undefined) out.breachedAt = clock.breachedAt;
  if (clock.dueAt !== undefined && clock.dueAt <= now + SEARCH_DAYS * 24 * 60 * MINUTE) out.dueAt = clock.dueAt;
  return out;
}

test('property: state, elapsed, breachedAt and dueAt are what counting minute by minute gives', () => {
  fc.assert(
    fc.property(anyCase, (c) => {
      const got = engine(c);
      const want = oracle(c.cal, c, c.pauseOn, c.targets, c.now);
      assert.deepEqual({ response: pick(got.response, c.now), resolution: pick(got.resolution, c.now) }, want);
    }),
    { numRuns: 120, seed: 20261202 },
  );
});

test('property: a running clock is breached at the instant its dueAt predicted', () => {
  fc.assert(
    fc.property(anyCase, fc.integer({ min: 1, max: 3 * 24 * 60 }), (c, laterMinutes) => {
      // Nothing more happens after "now": the clock that runs at "now" keeps running.
      const quiet: Case = { ...c, timeline: c.timeline.filter((e) => e.at <= c.now) };
      const before = engine(quiet);
      for (const name of ['response', 'resolution'] as const) {
        const due = before[name].dueAt;
        if (before[name].state !== 'running' || due === undefined || !Number.isFinite(due)) continue;
        const after = engine({ ...quiet, now: Math.max(due, quiet.now) + laterMinutes * MINUTE });
        assert.equal(after[name].state, 'breached', name);
        assert.equal(after[name].breachedAt, due, `${name}: breachedAt is the predicted dueAt`);
      }
    }),
    { numRuns: 80, seed: 20261203 },
  );
});

test('property: a pause that begins the minute a target is reached, and a resumption at any time', () => {
  fc.assert(
    fc.property(anyCase, fc.integer({ min: 1, max: 2 * 24 * 60 }), fc.integer({ min: 0, max: 2 * 24 * 60 }), (c, pauseMinutes, afterMinutes) => {
      // The resolution clock as it would run from `opened` with nothing happening...
      const quiet: Case = { ...c, timeline: [], pauseOn: ['waiting_for_customer'], now: c.opened };
      const due = engine(quiet).resolution.dueAt;
      if (due === undefined || !Number.isFinite(due)) return;
      // ...is paused exactly when it reaches its target and resumed later, maybe at night.
      const edged: Case = {
        ...quiet,
        timeline: [
          { at: due, status: 'waiting_for_customer' },
          { at: due + pauseMinutes * MINUTE, status: 'in_progress' },
        ],
        now: due + (pauseMinutes + afterMinutes) * MINUTE,
      };
      const got = engine(edged);
      const want = oracle(edged.cal, edged, edged.pauseOn, edged.targets, edged.now);
      assert.deepEqual(pick(got.resolution, edged.now), want.resolution);
    }),
    { numRuns: 60, seed: 20261204 },
  );
});

test('a clock that reaches its target exactly as it pauses was breached then, not when it resumed at night', () => {
  // Moscow office hours; the resolution target of 1h is reached at 11:00 exactly, when the
  // incident waits for the customer; the customer answers at 21:00 (outside working hours)
  // and the work goes on the next morning.
  const cal: CalendarDoc = { kind: 'calendar', id: 'cal', timezone: 'Europe/Moscow', working_hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }] };
  const c: Case = {
    cal,
    opened: Date.parse('2026-11-03T07:00:00Z'), // 10:00 Moscow
    timeline: [
      { at: Date.parse('2026-11-03T07:05:00Z'), status: 'acknowledged' },
      { at: Date.parse('2026-11-03T08:00:00Z'), status: 'waiting_for_customer' }, // 11:00
      { at: Date.parse('2026-11-03T18:00:00Z'), status: 'in_progress' }, // 21:00
    ],
    pauseOn: ['waiting_for_customer'],
    targets: { response: 30, resolution: 60 },
    now: Date.parse('2026-11-04T07:00:00Z'), // 10:00 the next day
  };
  const got = engine(c).resolution;
  assert.equal(got.state, 'breached');
  assert.equal(got.elapsedMinutes, 120);
  assert.equal(new Date(got.breachedAt!).toISOString(), '2026-11-03T08:00:00.000Z');
  assert.deepEqual(pick(got, c.now), oracle(cal, c, c.pauseOn, c.targets, c.now).resolution);
});
