// Holidays (spec §3 `holidays`): a date, or a date with the holiday's name. Both forms count the
// same in working days and working time; the name is only for people (the editor's hover).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { DayCalendar } from '../../../server/src/core/calendar/days';
import { holidaysOf } from '../../../server/src/core/calendar/holidays';
import { WorkingTime } from '../../../server/src/core/calendar/working-time';
import type { CalendarDoc } from '../../../server/src/core/model';
import { validateDocument } from '../../../server/src/core/schema/validate';
import { dayNumber } from '../../../server/src/core/time/dates';
import { parseTimestamp } from '../../../server/src/core/time/timestamp';

const office = (holidays: string) =>
  parse(`
kind: calendar
id: msk
timezone: Europe/Moscow
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }
holidays: ${holidays}
`) as CalendarDoc;

const named = office('[{ date: 2026-11-04, name: Unity Day }, 2026-12-31]');
const plain = office('[2026-11-04, 2026-12-31]');

test('a named holiday is a day off like a plain one, in working days and in working time', () => {
  for (const doc of [named, plain]) {
    const days = new DayCalendar(doc);
    assert.equal(days.isWorkingDay('2026-11-04'), false);
    assert.equal(days.isHoliday('2026-11-04'), true);
    assert.equal(days.isWorkingDay('2026-11-05'), true);
    // Tuesday 17:00 to Thursday 10:00: one hour on Tuesday, the holiday, one hour on Thursday.
    const time = new WorkingTime(doc);
    assert.equal(time.workingMinutes(parseTimestamp('2026-11-03T17:00:00+03:00')!, parseTimestamp('2026-11-05T10:00:00+03:00')!), 120);
  }
});

test('the name is kept for the date it names; a plain date has none', () => {
  const days = new DayCalendar(named);
  assert.equal(days.holidayName('2026-11-04'), 'Unity Day');
  assert.equal(days.holidayName('2026-12-31'), undefined);
  assert.equal(days.holidayName('2026-11-05'), undefined);
  assert.deepEqual([...holidaysOf(named)], [[dayNumber('2026-11-04'), 'Unity Day'], [dayNumber('2026-12-31'), undefined]]);
});

test('items that do not read as a date count for nothing (the schema reports them)', () => {
  const odd = office('[{ name: No date }, { date: 2026-02-30, name: Impossible }, 5, 2026-11-04]');
  assert.deepEqual([...holidaysOf(odd).keys()], [dayNumber('2026-11-04')]);
});

test('the schema takes both forms and explains each mistake at its place', () => {
  const check = (holidays: string) => validateDocument('calendar', office(holidays)).map((f) => `${f.path.join('.')} ${f.message}`);
  assert.deepEqual(check('[2026-11-04, { date: 2026-11-05, name: Day after }]'), []);
  assert.deepEqual(check('[2026-02-30]'), ['holidays.0 holidays item is not a real date: "2026-02-30"']);
  assert.deepEqual(check('[{ date: 2026-02-30, name: X }]'), ['holidays.0.date date is not a real date: "2026-02-30"']);
  assert.deepEqual(check('[{ name: Unity Day }]'), ['holidays.0 missing required field "date" in holidays item']);
  assert.deepEqual(check('[{ date: 2026-11-04, nmae: Unity Day }]'), ['holidays.0.nmae unknown field "nmae"; did you mean "name"? (use an "x-" prefix for your own data)']);
});
