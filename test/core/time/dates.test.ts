// Dates and day numbers (core/time/dates.ts) against JavaScript's own Date arithmetic, and the
// years the product accepts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, dateOfDay, dayNumber, daysBetween, isDate, relativeDays, weekdayOf, yearOutOfRange } from '../../../server/src/core/time/dates';

test('day numbers are days since 1970-01-01, both ways, over the whole supported range', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 }), (day) => {
      const text = new Date(day * 86_400_000).toISOString().slice(0, 10);
      assert.equal(dateOfDay(day), text);
      assert.equal(dayNumber(text), day);
      assert.equal(weekdayOf(text), ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(day * 86_400_000).getUTCDay()]);
    }),
    { numRuns: 2000 },
  );
});

test('what is a date: real days of 1900–2199 written YYYY-MM-DD', () => {
  for (const yes of ['2026-11-25', '2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31']) assert.ok(isDate(yes), yes);
  for (const no of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-11-31', '2026-1-05', '0206-11-10', '1899-12-31', '2200-01-01', '２０２６-11-25', 20261125]) {
    assert.ok(!isDate(no), String(no));
  }
  assert.equal(yearOutOfRange('0206-11-10'), 206);
  assert.equal(yearOutOfRange('2026-11-10'), undefined);
});

test('adding days crosses months, leap days and years; days between is its inverse', () => {
  assert.equal(addDays('2026-12-30', 3), '2027-01-02');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(daysBetween('2026-03-01', '2026-11-25'), 269);
  assert.equal(daysBetween('2026-11-25', '2026-03-01'), -269);
});

test('relativeDays: a count of days from today in words', () => {
  assert.deepEqual([-3, -1, 0, 1, 7].map(relativeDays), ['3 days ago', 'yesterday', 'today', 'tomorrow', 'in 7 days']);
});
