// Working time of a calendar (spec §4, first bullet): hand-computed cases a reviewer can check
// with a wall calendar, then properties that must hold for any calendar and any two instants.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { WorkingTime } from '../../../server/src/core/calendar/working-time';
import type { CalendarDoc } from '../../../server/src/core/model';
import { isValidZone } from '../../../server/src/core/time/zone';
import { parseTimestamp } from '../../../server/src/core/time/timestamp';

const calendar = (yaml: string) => new WorkingTime(parse(yaml) as CalendarDoc);
const at = (text: string) => {
  const ms = parseTimestamp(text);
  assert.ok(ms !== undefined, `bad timestamp in test: ${text}`);
  return ms;
};
const minutesBetween = (time: WorkingTime, from: string, to: string) => time.workingMinutes(at(from), at(to));
const iso = (ms: number) => new Date(ms).toISOString();

// Berlin: CET (+01:00) in winter, CEST (+02:00) in summer. In 2026 the clocks go forward on
// Sunday 29 March at 02:00 → 03:00 and back on Sunday 25 October at 03:00 → 02:00.
const berlinOffice = calendar(`
kind: calendar
id: berlin-office
timezone: Europe/Berlin
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }
holidays: [2026-12-25]
`);
const berlin24x7 = calendar(`
kind: calendar
id: berlin-24x7
timezone: Europe/Berlin
`);
// A night maintenance window on Sundays that straddles both DST changes.
const berlinNight = calendar(`
kind: calendar
id: berlin-night
timezone: Europe/Berlin
working_hours:
  - { days: [sun], from: "01:00", to: "04:00" }
`);
// Moscow has no DST: always +03:00.
const moscowShifts = calendar(`
kind: calendar
id: support-shifts
timezone: Europe/Moscow
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "08:00", to: "13:00" }
  - { days: [mon, tue, wed, thu, fri], from: "14:00", to: "22:00" }
  - { days: [sat, sun], from: "10:00", to: "18:00" }
`);

test('a weekend does not count: Friday 17:00 to Monday 10:00 is 1h on Friday + 1h on Monday', () => {
  // 2026-11-06 is a Friday.
  assert.equal(minutesBetween(berlinOffice, '2026-11-06T17:00:00+01:00', '2026-11-09T10:00:00+01:00'), 120);
});

test('a holiday does not count: Thursday 24 Dec 17:00 to Monday 28 Dec 10:00, Friday 25 Dec off', () => {
  assert.equal(minutesBetween(berlinOffice, '2026-12-24T17:00:00+01:00', '2026-12-28T10:00:00+01:00'), 120);
});

test('time outside working hours on a working day does not count', () => {
  assert.equal(minutesBetween(berlinOffice, '2026-11-03T18:00:00+01:00', '2026-11-04T09:00:00+01:00'), 0);
  assert.equal(minutesBetween(berlinOffice, '2026-11-03T07:00:00+01:00', '2026-11-03T09:30:00+01:00'), 30);
});

test('24×7 counts every minute; the spring-forward day has 23 hours, the fall-back day 25', () => {
  assert.equal(minutesBetween(berlin24x7, '2026-11-06T17:00:00+01:00', '2026-11-09T10:00:00+01:00'), 65 * 60);
  assert.equal(minutesBetween(berlin24x7, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'), 23 * 60);
  assert.equal(minutesBetween(berlin24x7, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'), 25 * 60);
});

test('24×7 with a holiday: the holiday is a whole local day, 23 hours long on 29 March in Berlin', () => {
  const time = calendar(`
kind: calendar
id: berlin-24x7-easter
timezone: Europe/Berlin
holidays: [2026-03-29]
`);
  assert.equal(minutesBetween(time, '2026-03-28T00:00:00+01:00', '2026-03-31T00:00:00+02:00'), 48 * 60);
});

test('a business-hours slot 01:00–04:00 lasts 2 real hours on 29 March and 4 real hours on 25 October', () => {
  // 29 March: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z.
  assert.deepEqual(
    berlinNight.workingIntervals(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z')).map((iv) => iv.map(iso)),
    [['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']],
  );
  // 25 October: 01:00 CEST = 23:00Z the day before, 04:00 CET = 03:00Z.
  assert.deepEqual(
    berlinNight.workingIntervals(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z')).map((iv) => iv.map(iso)),
    [['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']],
  );
  // An ordinary Sunday: 3 hours.
  assert.equal(minutesBetween(berlinNight, '2026-11-01T00:00:00+01:00', '2026-11-02T00:00:00+01:00'), 180);
});

test('a slot that starts inside the spring-forward gap starts when the clock jumps past it', () => {
  const time = calendar(`
kind: calendar
id: gap
timezone: Europe/Berlin
working_hours:
  - { days: [sun], from: "02:30", to: "04:00" }
`);
  // 02:30 never shows on 29 March; the clock reads 03:00 CEST (01:00Z) right after 01:59:59 CET.
  assert.equal(minutesBetween(time, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00'), 60);
});

test('a slot inside the fall-back overlap counts both passes of the wall clock', () => {
  const time = calendar(`
kind: calendar
id: overlap
timezone: Europe/Berlin
working_hours:
  - { days: [sun], from: "02:00", to: "03:00" }
`);
  // 02:00–03:00 shows twice on 25 October: 00:00Z–01:00Z (CEST) and 01:00Z–02:00Z (CET).
  assert.equal(minutesBetween(time, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'), 120);
});

test('a timestamp written in another offset than the calendar zone is the same instant', () => {
  // 08:00+01:00 = 07:00Z = 10:00 in Moscow; 15:00Z = 18:00 in Moscow. Tuesday 3 November 2026.
  const moscowOffice = calendar(`
kind: calendar
id: msk
timezone: Europe/Moscow
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }
`);
  assert.equal(minutesBetween(moscowOffice, '2026-11-03T08:00:00+01:00', '2026-11-03T15:00:00Z'), 480);
  assert.equal(
    minutesBetween(moscowOffice, '2026-11-03T10:00:00+03:00', '2026-11-03T18:00:00+03:00'),
    minutesBetween(moscowOffice, '2026-11-03T07:00:00Z', '2026-11-03T15:00:00Z'),
  );
});

test('several slots a day: the lunch hour 13:00–14:00 does not count', () => {
  assert.equal(minutesBetween(moscowShifts, '2026-11-03T12:00:00+03:00', '2026-11-03T15:00:00+03:00'), 120);
  // A whole Tuesday is 5h + 8h, a whole Saturday 8h.
  assert.equal(minutesBetween(moscowShifts, '2026-11-03T00:00:00+03:00', '2026-11-04T00:00:00+03:00'), 13 * 60);
  assert.equal(minutesBetween(moscowShifts, '2026-11-07T00:00:00+03:00', '2026-11-08T00:00:00+03:00'), 8 * 60);
});

test('overlapping slots count each minute once; a slot ending at 24:00 runs to midnight', () => {
  const time = calendar(`
kind: calendar
id: overlapping
timezone: UTC
working_hours:
  - { days: [mon], from: "09:00", to: "13:00" }
  - { days: [mon], from: "12:00", to: "18:00" }
  - { days: [mon], from: "22:00", to: "24:00" }
  - { days: [tue], from: "00:00", to: "02:00" }
`);
  // Monday 2 November 2026: 09–18 is 9h, 22–24 is 2h; Tuesday 00–02 is 2h and joins it.
  assert.equal(minutesBetween(time, '2026-11-02T00:00:00Z', '2026-11-04T00:00:00Z'), 13 * 60);
  assert.deepEqual(
    time.workingIntervals(at('2026-11-02T20:00:00Z'), at('2026-11-03T20:00:00Z')).map((iv) => iv.map(iso)),
    [['2026-11-02T22:00:00.000Z', '2026-11-03T02:00:00.000Z']],
  );
});

test('an interval that ends before it starts has no working time', () => {
  assert.equal(minutesBetween(berlin24x7, '2026-11-03T10:00:00Z', '2026-11-03T09:00:00Z'), 0);
});

test('addWorkingMinutes: 1h from Friday 17:30 ends Monday 09:30; across the holiday it skips Friday 25 Dec', () => {
  assert.equal(iso(berlinOffice.addWorkingMinutes(at('2026-11-06T17:30:00+01:00'), 60)), '2026-11-09T08:30:00.000Z');
  assert.equal(iso(berlinOffice.addWorkingMinutes(at('2026-12-24T17:00:00+01:00'), 120)), '2026-12-28T09:00:00.000Z');
  // Reaching a target at the very end of a working day is that end, not the next morning.
  assert.equal(iso(berlinOffice.addWorkingMinutes(at('2026-11-03T17:00:00+01:00'), 60)), '2026-11-03T17:00:00.000Z');
  assert.equal(iso(berlinOffice.addWorkingMinutes(at('2026-11-03T20:00:00+01:00'), 0)), '2026-11-03T19:00:00.000Z');
});

test('addWorkingMinutes on a 24×7 calendar across the fall-back night: 3h after 01:00 CEST is 03:00 CET', () => {
  assert.equal(iso(berlin24x7.addWorkingMinutes(at('2026-10-25T01:00:00+02:00'), 180)), '2026-10-25T02:00:00.000Z');
});

test('a calendar that never works never reaches a target', () => {
  const time = calendar(`
kind: calendar
id: never
timezone: UTC
working_hours: []
`);
  assert.equal(minutesBetween(time, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z'), 0);
  assert.equal(time.addWorkingMinutes(at('2026-01-01T00:00:00Z'), 1), Infinity);
});

test('an unknown time zone is a clear error, and isValidZone tells beforehand', () => {
  assert.throws(
    () => calendar('kind: calendar\nid: mars\ntimezone: Mars/Olympus_Mons\n'),
    /calendar "mars": unknown time zone "Mars\/Olympus_Mons"/,
  );
  assert.equal(isValidZone('Mars/Olympus_Mons'), false);
  assert.equal(isValidZone(''), false);
  assert.equal(isValidZone('Europe/Moscow'), true);
  assert.equal(isValidZone('UTC'), true);
});

// ---------------------------------------------------------------------------------------
// Properties. Calendars are built once so their caches are shared by the runs; zones cover
// northern and southern DST, half-hour offsets and a zone without DST.

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns'];
const doc = (id: string, timezone: string, rest: Partial<CalendarDoc> = {}): CalendarDoc => ({ kind: 'calendar', id, timezone, ...rest });
const DOCS: CalendarDoc[] = ZONES.flatMap((zone) => [
  doc('24x7', zone),
  doc('office', zone, {
    working_hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }],
    holidays: ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-25'],
  }),
  doc('night', zone, {
    working_hours: [
      { days: ['sun'], from: '01:00', to: '04:00' },
      { days: ['sun', 'mon', 'sat'], from: '02:30', to: '02:45' },
      { days: ['fri'], from: '23:00', to: '24:00' },
    ],
  }),
]);
const CALENDARS: WorkingTime[] = DOCS.map((d) => new WorkingTime(d));
// Every weekday 00:00–24:00 written out: through the slot machinery it must equal wall-clock time.
const ALL_DAY: WorkingTime[] = ZONES.map((zone) =>
  new WorkingTime(doc('all-day', zone, {
    working_hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00' }],
  })),
);

const START = Date.UTC(2025, 6, 1);
const END = Date.UTC(2027, 6, 1);
const instant = fc.integer({ min: START, max: END });
const anyCalendar = fc.constantFrom(...CALENDARS);
const runs = { numRuns: 200 };

test('property: working time is never negative and never more than the wall-clock time', () => {
  fc.assert(
    fc.property(anyCalendar, instant, instant, (time, a, b) => {
      const work = time.workingMs(a, b);
      return work >= 0 && work <= Math.max(0, b - a);
    }),
    runs,
  );
});

test('property: working time adds up over a split interval, work(a,c) = work(a,b) + work(b,c)', () => {
  fc.assert(
    fc.property(anyCalendar, instant, instant, instant, (time, x, y, z) => {
      const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
      return time.workingMs(a, c) === time.workingMs(a, b) + time.workingMs(b, c);
    }),
    runs,
  );
});

test('property: on a 24×7 calendar, written or implied, working time is wall-clock time', () => {
  const roundTheClock = fc.constantFrom(...ALL_DAY, ...CALENDARS.filter((c) => c.id === '24x7'));
  fc.assert(
    fc.property(roundTheClock, instant, instant, (time, x, y) => {
      const [a, b] = x <= y ? [x, y] : [y, x];
      return time.workingMs(a, b) === b - a;
    }),
    runs,
  );
});

test('property: addWorkingMinutes inverts workingMinutes', () => {
  fc.assert(
    fc.property(anyCalendar, instant, fc.integer({ min: 0, max: 20_000 }), (time, a, minutes) => {
      const reached = time.addWorkingMinutes(a, minutes);
      return reached >= a && time.workingMinutes(a, reached) === minutes;
    }),
    runs,
  );
  fc.assert(
    fc.property(anyCalendar, instant, instant, (time, x, y) => {
      const [a, b] = x <= y ? [x, y] : [y, x];
      const work = time.workingMs(a, b);
      const reached = time.addWorkingMs(a, work);
      // The earliest instant with that much work: not after b, and nothing counts between them.
      return reached <= b && time.workingMs(reached, b) === 0 && time.workingMs(a, reached) === work;
    }),
    runs,
  );
});

/**
 * The definition read literally, one minute at a time: a minute counts when the calendar's wall
 * clock at that instant shows a working date and a time inside one of its slots. Slow, obvious,
 * and an independent check of the interval arithmetic around DST changes.
 */
function minuteByMinute(cal: CalendarDoc, a: number, b: number): number {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  let count = 0;
  for (let t = a; t < b; t += 60_000) {
    const local = DateTime.fromMillis(t, { zone: cal.timezone });
    if (cal.holidays?.includes(local.toISODate()!)) continue;
    const minute = local.hour * 60 + local.minute;
    const day = weekdays[local.weekday - 1]!;
    const slots = cal.working_hours ?? [{ days: [day], from: '00:00', to: '24:00' }];
    const inSlot = slots.some((s) => {
      const [fh, fm] = s.from.split(':').map(Number);
      const [th, tm] = s.to.split(':').map(Number);
      return (s.days as string[]).includes(day) && minute >= fh! * 60 + fm! && minute < th! * 60 + tm!;
    });
    if (inSlot) count++;
  }
  return count;
}

test('property: near DST changes, working minutes agree with counting minute by minute', () => {
  // Instants within a day of the 2026 changes of these zones, on whole minutes.
  const changes = ['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-04-05T03:00:00Z', '2026-10-04T03:00:00Z',
    '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'].map(at);
  const nearChange = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -26 * 60, max: 26 * 60 }))
    .map(([change, minutes]) => change + minutes * 60_000);
  const index = fc.integer({ min: 0, max: DOCS.length - 1 });
  fc.assert(
    fc.property(index, nearChange, fc.integer({ min: 0, max: 26 * 60 }), (i, a, minutes) => {
      const b = a + minutes * 60_000;
      return CALENDARS[i]!.workingMinutes(a, b) === minuteByMinute(DOCS[i]!, a, b);
    }),
    { numRuns: 60 },
  );
});
