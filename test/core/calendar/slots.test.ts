// The weekly working hours of a calendar (core/calendar/slots.ts), read once for both the
// minute-grain working time and the whole working days.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DayCalendar } from '../../../server/src/core/calendar/days';
import { clockMinutes, minutesOf, weeklySlots } from '../../../server/src/core/calendar/slots';
import type { CalendarDoc } from '../../../server/src/core/model';

const cal = (working_hours?: CalendarDoc['working_hours'], holidays?: string[]): CalendarDoc => ({ kind: 'calendar', id: 'c', timezone: 'Europe/Moscow', working_hours, holidays });

test('slots are sorted and merged per weekday, so that no minute counts twice', () => {
  const slots = weeklySlots(
    cal([
      { days: ['mon', 'tue'], from: '13:00', to: '18:00' },
      { days: ['mon'], from: '09:00', to: '14:00' },
      { days: ['tue'], from: '09:00', to: '12:00' },
      { days: ['sat'], from: '20:00', to: '24:00' },
    ]),
  );
  assert.deepEqual(slots[1], [[540, 1080]]); // Monday: 09:00–14:00 and 13:00–18:00 overlap
  assert.deepEqual(slots[2], [[540, 720], [780, 1080]]); // Tuesday keeps its lunch break
  assert.deepEqual(slots[6], [[1200, 1440]]); // Saturday to midnight
  assert.deepEqual(slots[0], []);
  assert.equal(minutesOf(slots[1]!), 540);
});

test('no working_hours is every minute; what does not read as a slot counts nothing', () => {
  assert.deepEqual(weeklySlots(cal()).map(minutesOf), [1440, 1440, 1440, 1440, 1440, 1440, 1440]);
  const odd = weeklySlots(cal([{ days: ['mon'], from: '22:00', to: '06:00' }, { days: ['tue'], from: '9:00', to: '18:00' }, { days: ['wed'], from: '09:00', to: '24:30' }]));
  assert.deepEqual(odd.map(minutesOf), [0, 0, 0, 0, 0, 0, 0]);
  assert.equal(clockMinutes('24:00'), 1440);
  assert.equal(clockMinutes('23:60'), undefined);
  assert.equal(clockMinutes('7:30'), undefined);
});

test('whole working days read the same slots, and holidays', () => {
  const days = new DayCalendar(cal([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '13:00' }, { days: ['mon'], from: '12:00', to: '18:00' }], ['2026-11-04']));
  assert.equal(days.workingMinutesOn('2026-11-02'), 540); // Monday, merged 09:00–18:00
  assert.equal(days.workingMinutesOn('2026-11-03'), 240);
  assert.equal(days.workingMinutesOn('2026-11-04'), 0); // the holiday
  assert.equal(days.workingMinutesOn('2026-11-07'), 0); // Saturday
  assert.ok(days.isHoliday('2026-11-04'));
  assert.equal(days.zone, 'Europe/Moscow');
});
