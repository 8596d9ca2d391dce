// SLA clocks (spec §4): an incident in YAML, a policy, a "now", and the clocks that come out.
// The office calendar is Moscow (always +03:00) Mon–Fri 09:00–18:00 with Wednesday 4 November
// 2026 a holiday; 3 November 2026 is a Tuesday. Minutes in the comments are working minutes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { WorkingTime } from '../../../server/src/core/calendar/working-time';
import type { CalendarDoc, IncidentDoc, SlaPolicyDoc, TimelineEntry } from '../../../server/src/core/model';
import { computeClocks, isBreached, timelineEffects, type Clock, type IncidentClocks } from '../../../server/src/core/sla/clocks';
import { parseTimestamp } from '../../../server/src/core/time/timestamp';

const office = new WorkingTime(
  parse(`
kind: calendar
id: msk
timezone: Europe/Moscow
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }
holidays: [2026-11-04]
`) as CalendarDoc,
);
const always = new WorkingTime(parse('kind: calendar\nid: always\ntimezone: Europe/Moscow\n') as CalendarDoc);
const berlinAlways = new WorkingTime(parse('kind: calendar\nid: berlin\ntimezone: Europe/Berlin\n') as CalendarDoc);

const standard = parse(`
kind: sla-policy
id: standard
calendar: msk
targets:
  P1: { response: 30m, resolution: 4h }
  P2: { response: 1h, resolution: 8h }
  P3: { response: 4h, resolution: 24h }
  P4: { response: 8h, resolution: 40h }
`) as SlaPolicyDoc;

const at = (text: string) => parseTimestamp(text)!;
const incident = (yaml: string) => parse(`kind: incident\nid: INC-1\nproject: acme\ntitle: Test\n${yaml}`) as IncidentDoc;
const clocks = (yaml: string, now: string, time: WorkingTime = office, policy: SlaPolicyDoc = standard) =>
  computeClocks(incident(yaml), policy, time, at(now));

/** A clock with its instants as local Moscow times, so expectations read like the timeline. */
function show(clock: Clock) {
  const local = (ms: number | undefined) =>
    ms === undefined ? undefined : new Date(ms + 3 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const out: Record<string, unknown> = { state: clock.state, elapsed: clock.elapsedMinutes, target: clock.targetMinutes };
  for (const key of ['breachedAt', 'stoppedAt', 'pausedSince', 'dueAt'] as const) {
    if (clock[key] !== undefined) out[key] = local(clock[key]);
  }
  return out;
}

test('resolved in time: response 20m of 30m met, resolution 3h 10m of 4h met; closing changes nothing', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:20:00+03:00, status: acknowledged }
  - { at: 2026-11-03T10:30:00+03:00, status: in_progress }
  - { at: 2026-11-03T13:10:00+03:00, status: resolved }
  - { at: 2026-11-03T15:00:00+03:00, status: closed }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(c.response), { state: 'met', elapsed: 20, target: 30, stoppedAt: '2026-11-03 10:20' });
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 190, target: 240, stoppedAt: '2026-11-03 13:10' });
  assert.equal(c.resolvedAt, at('2026-11-03T13:10:00+03:00'));
});

test('response breached: acknowledged after 45m against 30m, breached at 10:30', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:45:00+03:00, status: acknowledged }
  - { at: 2026-11-03T12:00:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(c.response), {
    state: 'breached',
    elapsed: 45,
    target: 30,
    breachedAt: '2026-11-03 10:30',
    stoppedAt: '2026-11-03 10:45',
  });
  assert.equal(c.resolution.state, 'met');
});

test('in_progress or resolved also answer the response clock; waiting_for_customer does not', () => {
  const c = clocks(
    `priority: P2
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:10:00+03:00, status: waiting_for_customer }
  - { at: 2026-11-03T10:40:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(c.response), { state: 'met', elapsed: 40, target: 60, stoppedAt: '2026-11-03 10:40' });
  assert.equal(c.resolution.elapsedMinutes, 10); // paused 10:10–10:40
});

test('a night and a holiday do not count: Tue 17:00 → Thu 12:00 is 1h Tuesday + 0 Wednesday + 3h Thursday', () => {
  const c = clocks(
    `priority: P2
opened: 2026-11-03T17:00:00+03:00
timeline:
  - { at: 2026-11-03T17:30:00+03:00, status: acknowledged }
  - { at: 2026-11-05T12:00:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 240, target: 480, stoppedAt: '2026-11-05 12:00' });
});

const waiting = `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:10:00+03:00, status: acknowledged }
  - { at: 2026-11-03T11:00:00+03:00, status: waiting_for_customer }
  - { at: 2026-11-03T15:00:00+03:00, status: in_progress }
  - { at: 2026-11-03T17:00:00+03:00, status: resolved }
`;

test('pause: waiting for the customer 11:00–15:00 does not count; resolution is 1h + 2h', () => {
  const c = clocks(waiting, '2026-11-10T12:00:00+03:00');
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 180, target: 240, stoppedAt: '2026-11-03 17:00' });
  // The response clock never pauses: it stopped at the acknowledgement.
  assert.deepEqual(show(c.response), { state: 'met', elapsed: 10, target: 30, stoppedAt: '2026-11-03 10:10' });
});

test('paused at now: 1h counted, paused since 11:00', () => {
  const c = clocks(waiting, '2026-11-03T12:00:00+03:00');
  assert.deepEqual(show(c.resolution), { state: 'paused', elapsed: 60, target: 240, pausedSince: '2026-11-03 11:00' });
  assert.equal(c.resolvedAt, undefined);
});

test('paused after the target has passed is paused (spec §4), and still a breach', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:10:00+03:00, status: acknowledged }
  - { at: 2026-11-03T14:30:00+03:00, status: waiting_for_customer }
`,
    '2026-11-03T16:00:00+03:00',
  );
  assert.deepEqual(show(c.resolution), {
    state: 'paused',
    elapsed: 270,
    target: 240,
    breachedAt: '2026-11-03 14:00',
    pausedSince: '2026-11-03 14:30',
  });
  assert.equal(isBreached(c.resolution), true);
});

test('a custom pause_on pauses on its statuses only', () => {
  const policy: SlaPolicyDoc = { ...standard, pause_on: [] };
  const c = clocks(waiting, '2026-11-10T12:00:00+03:00', office, policy);
  assert.equal(c.resolution.elapsedMinutes, 7 * 60); // 10:00–17:00, no pause
});

const reopened = `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:05:00+03:00, status: acknowledged }
  - { at: 2026-11-03T11:00:00+03:00, status: resolved }
  - { at: 2026-11-03T14:00:00+03:00, status: in_progress }
  - { at: 2026-11-03T15:30:00+03:00, status: resolved }
  - { at: 2026-11-03T16:00:00+03:00, status: closed }
`;

test('reopen: resolved at 11:00, reopened at 14:00, resolved again at 15:30 — 1h + 1h 30m', () => {
  const c = clocks(reopened, '2026-11-10T12:00:00+03:00');
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 150, target: 240, stoppedAt: '2026-11-03 15:30' });
  assert.equal(c.resolvedAt, at('2026-11-03T15:30:00+03:00'));
});

test('reopen seen at different "now"s: stopped at 12:00, running again at 14:30', () => {
  const before = clocks(reopened, '2026-11-03T12:00:00+03:00');
  assert.deepEqual(show(before.resolution), { state: 'met', elapsed: 60, target: 240, stoppedAt: '2026-11-03 11:00' });
  assert.equal(before.resolvedAt, at('2026-11-03T11:00:00+03:00'));

  const during = clocks(reopened, '2026-11-03T14:30:00+03:00');
  // 90m counted, 150m to go from 14:30: due at 17:00.
  assert.deepEqual(show(during.resolution), { state: 'running', elapsed: 90, target: 240, dueAt: '2026-11-03 17:00' });
  assert.equal(during.resolvedAt, undefined);
});

test('what each entry did to the clocks: the same walk, entry by entry', () => {
  const doc = incident(`priority: P2
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:20:00+03:00, status: acknowledged }
  - { at: 2026-11-03T10:30:00+03:00, status: in_progress }
  - { at: 2026-11-03T11:00:00+03:00, status: waiting_for_customer }
  - { at: not a time, status: in_progress }
  - { at: 2026-11-03T12:00:00+03:00, status: in_progress }
  - { at: 2026-11-03T13:00:00+03:00, status: resolved }
  - { at: 2026-11-03T13:30:00+03:00, status: closed }
  - { at: 2026-11-03T14:00:00+03:00, status: in_progress }
  - { at: 2026-11-03T15:00:00+03:00, status: resolved }
  - { at: 2026-11-03T16:00:00+03:00, status: resolved }
  - { at: 2026-11-03T18:00:00+03:00, status: closed }
`);
  const effects = timelineEffects(doc, standard, at('2026-11-03T17:00:00+03:00'));
  assert.deepEqual(Object.fromEntries(effects), {
    0: { response: 'stops' },
    1: {},
    2: { resolution: 'pauses' },
    4: { resolution: 'resumes' },
    5: { resolution: 'stops' },
    6: {},
    7: { resolution: 'reopens' },
    8: { resolution: 'stops' },
    9: {},
    10: { later: true },
  });
  // A resolution as the first answer stops both clocks.
  const quick = timelineEffects(incident('priority: P2\nopened: 2026-11-03T10:00:00+03:00\ntimeline: [{ at: 2026-11-03T10:10:00+03:00, status: resolved }]\n'), standard, at('2026-11-10T12:00:00+03:00'));
  assert.deepEqual(Object.fromEntries(quick), { 0: { response: 'stops', resolution: 'stops' } });
});

test('closed after resolved keeps the resolution time; only a later non-closed entry reopens', () => {
  const c = clocks(
    `priority: P2
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:30:00+03:00, status: acknowledged }
  - { at: 2026-11-03T12:00:00+03:00, status: resolved }
  - { at: 2026-11-05T10:00:00+03:00, status: closed }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 120, target: 480, stoppedAt: '2026-11-03 12:00' });
  assert.equal(c.resolvedAt, at('2026-11-03T12:00:00+03:00'));
});

test('a repeated resolved keeps the first resolution; a closed before resolved does not stop the clock', () => {
  const twice = clocks(
    `priority: P2
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T11:00:00+03:00, status: resolved }
  - { at: 2026-11-03T12:00:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(twice.resolution), { state: 'met', elapsed: 60, target: 480, stoppedAt: '2026-11-03 11:00' });
  assert.equal(twice.resolvedAt, at('2026-11-03T11:00:00+03:00'));

  const closedFirst = clocks(
    `priority: P2
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T11:00:00+03:00, status: closed }
  - { at: 2026-11-03T12:00:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(closedFirst.resolution), { state: 'met', elapsed: 120, target: 480, stoppedAt: '2026-11-03 12:00' });
  assert.equal(closedFirst.resolvedAt, at('2026-11-03T12:00:00+03:00'));
});

test('closed without resolved stops no clock (spec §4 stops only at resolved): both run on and breach', () => {
  const c = clocks(
    `priority: P3
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T11:00:00+03:00, status: closed }
`,
    '2026-11-10T12:00:00+03:00',
  );
  // Tue 10–18 (8h), Wed 4th a holiday, Thu 9h, Fri 9h, Mon 9h, Tue 9–12 (3h): 38h.
  assert.equal(c.response.state, 'breached');
  assert.equal(c.response.elapsedMinutes, 38 * 60);
  assert.equal(c.resolution.state, 'breached');
  assert.equal(c.resolution.elapsedMinutes, 38 * 60);
  assert.equal(c.resolvedAt, undefined);
});

test('open at now and within target: running, due when the rest of the target has passed', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:10:00+03:00, status: acknowledged }
`,
    '2026-11-03T12:00:00+03:00',
  );
  assert.deepEqual(show(c.resolution), { state: 'running', elapsed: 120, target: 240, dueAt: '2026-11-03 14:00' });
});

test('open at now and over target: breached at Tuesday 14:00, 8h Tuesday + 1h Thursday elapsed', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:10:00+03:00, status: acknowledged }
`,
    '2026-11-05T10:00:00+03:00',
  );
  assert.deepEqual(show(c.resolution), { state: 'breached', elapsed: 540, target: 240, breachedAt: '2026-11-03 14:00' });
});

test('no acknowledgement yet: the response clock runs, and breaches once over target', () => {
  const c = clocks('priority: P1\nopened: 2026-11-03T10:00:00+03:00\ntimeline: []\n', '2026-11-03T10:20:00+03:00');
  assert.deepEqual(show(c.response), { state: 'running', elapsed: 20, target: 30, dueAt: '2026-11-03 10:30' });
  const later = clocks('priority: P1\nopened: 2026-11-03T10:00:00+03:00\ntimeline: []\n', '2026-11-03T11:00:00+03:00');
  assert.deepEqual(show(later.response), { state: 'breached', elapsed: 60, target: 30, breachedAt: '2026-11-03 10:30' });
});

test('24×7: a P1 opened Saturday 23:00 and resolved Sunday 02:30 took 3h 30m of 4h', () => {
  const premium: SlaPolicyDoc = { ...standard, id: 'premium', calendar: 'always' };
  const c = clocks(
    `priority: P1
opened: 2026-11-07T23:00:00+03:00
timeline:
  - { at: 2026-11-07T23:10:00+03:00, status: acknowledged }
  - { at: 2026-11-08T02:30:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
    always,
    premium,
  );
  assert.deepEqual(show(c.response), { state: 'met', elapsed: 10, target: 30, stoppedAt: '2026-11-07 23:10' });
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 210, target: 240, stoppedAt: '2026-11-08 02:30' });
});

test('24×7 in Berlin across the spring-forward night: 01:30 CET to 03:30 CEST is one hour', () => {
  const c = clocks(
    `priority: P2
opened: 2026-03-29T01:30:00+01:00
timeline:
  - { at: 2026-03-29T03:30:00+02:00, status: resolved }
`,
    '2026-04-01T00:00:00Z',
    berlinAlways,
  );
  assert.equal(c.response.elapsedMinutes, 60);
  assert.equal(c.resolution.elapsedMinutes, 60);
});

test('timestamps in another offset than the calendar zone: 07:00Z is 10:00 in Moscow', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T07:00:00Z
timeline:
  - { at: 2026-11-03T08:20:00+01:00, status: acknowledged }
`,
    '2026-11-03T12:00:00+03:00',
  );
  assert.deepEqual(show(c.response), { state: 'met', elapsed: 20, target: 30, stoppedAt: '2026-11-03 10:20' });
});

test('elapsed minutes round up, so they always agree with the state: 30m 20s against 30m is 31, breached', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T10:30:20+03:00, status: acknowledged }
`,
    '2026-11-03T12:00:00+03:00',
  );
  assert.equal(c.response.state, 'breached');
  assert.equal(c.response.elapsedMinutes, 31);
  const exact = clocks(
    'priority: P1\nopened: 2026-11-03T10:00:00+03:00\ntimeline:\n  - { at: 2026-11-03T10:30:00+03:00, status: acknowledged }\n',
    '2026-11-03T12:00:00+03:00',
  );
  assert.deepEqual([exact.response.state, exact.response.elapsedMinutes], ['met', 30]);
});

test('odd input never throws: entries before opened count as at opening, now before opened counts nothing', () => {
  const early = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T09:00:00+03:00, status: acknowledged }
  - { at: 2026-11-03T12:00:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.deepEqual(show(early.response), { state: 'met', elapsed: 0, target: 30, stoppedAt: '2026-11-03 10:00' });
  assert.equal(early.resolution.elapsedMinutes, 120);

  const beforeOpened = clocks(waiting, '2026-11-02T12:00:00+03:00');
  assert.deepEqual(show(beforeOpened.response), { state: 'running', elapsed: 0, target: 30, dueAt: '2026-11-03 10:30' });
  assert.equal(beforeOpened.resolution.elapsedMinutes, 0);
});

test('entries out of order are taken in written order, the late one counting from the entry before it', () => {
  const c = clocks(
    `priority: P1
opened: 2026-11-03T10:00:00+03:00
timeline:
  - { at: 2026-11-03T12:00:00+03:00, status: acknowledged }
  - { at: 2026-11-03T11:00:00+03:00, status: resolved }
`,
    '2026-11-10T12:00:00+03:00',
  );
  assert.equal(c.response.elapsedMinutes, 120);
  assert.deepEqual(show(c.resolution), { state: 'met', elapsed: 120, target: 240, stoppedAt: '2026-11-03 12:00' });
});

test('entries after now have not happened yet', () => {
  const c = clocks(waiting, '2026-11-03T10:05:00+03:00');
  assert.equal(c.response.state, 'running');
  assert.equal(c.response.elapsedMinutes, 5);
});

// ---------------------------------------------------------------------------------------
// Properties over random timelines.

const STATUSES: TimelineEntry['status'][] = ['acknowledged', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];
const OPENED = at('2026-11-02T08:00:00+03:00');
const randomIncident = fc
  .array(fc.tuple(fc.integer({ min: -60, max: 3000 }), fc.constantFrom(...STATUSES)), { maxLength: 8 })
  .map((steps): IncidentDoc => {
    let t = OPENED;
    const timeline = steps.map(([minutes, status]) => {
      t += minutes * 60_000;
      return { at: new Date(t).toISOString(), status };
    });
    return { kind: 'incident', id: 'INC-P', project: 'p', title: 't', priority: 'P2', opened: new Date(OPENED).toISOString(), timeline };
  });
const nowMs = fc.integer({ min: OPENED - 86_400_000, max: OPENED + 30 * 86_400_000 });

function consistent(c: Clock, now: number, wall: number): boolean {
  const over = c.elapsedMinutes > c.targetMinutes;
  return (
    c.elapsedMinutes >= 0 &&
    c.elapsedMinutes <= Math.ceil(wall / 60_000) &&
    // A paused clock says paused (spec §4), even over its target; otherwise the state follows the numbers.
    (c.state === 'paused' ? c.pausedSince !== undefined : (c.state === 'breached') === over) &&
    isBreached(c) === over &&
    (c.breachedAt === undefined) === !over &&
    (c.breachedAt === undefined || c.breachedAt <= now) &&
    (c.stoppedAt === undefined || c.pausedSince === undefined)
  );
}

test('property: clocks never throw, never go negative or beyond wall-clock time, and states agree with numbers', () => {
  fc.assert(
    fc.property(randomIncident, nowMs, (doc, now) => {
      const c: IncidentClocks = computeClocks(doc, standard, office, now);
      const wall = Math.max(0, now - OPENED);
      return consistent(c.response, now, wall) && consistent(c.resolution, now, wall) && c.response.pausedSince === undefined;
    }),
    { numRuns: 200 },
  );
});

test('property: on a 24×7 calendar without pauses or resolution, resolution elapsed is wall-clock time to now', () => {
  fc.assert(
    fc.property(nowMs, (now) => {
      const doc = incident('priority: P4\nopened: 2026-11-02T08:00:00+03:00\ntimeline: []\n');
      const c = computeClocks(doc, standard, always, now);
      return c.resolution.elapsedMinutes === Math.ceil(Math.max(0, now - OPENED) / 60_000);
    }),
    { numRuns: 200 },
  );
});
