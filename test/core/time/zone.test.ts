// Zones (core/time/zone.ts): the local date of an instant is arithmetic on luxon's offsets, and
// must be the date luxon's own wall clock shows, in every kind of zone and across DST changes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { formatInZone, gmtOffsetMinutes, isValidZone, localDate, minuteStamp, offsetMs, wallClock, zoneOr } from '../../../server/src/core/time/zone';

const ZONES = ['UTC', 'Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Vladivostok'];

test("the local date of an instant is the date the zone's wall clock shows", () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, ms) => {
      assert.equal(localDate(zone, ms), DateTime.fromMillis(ms, { zone }).toISODate());
    }),
    { numRuns: 5000 },
  );
});

test('around midnight and DST changes, minute by minute', () => {
  // Berlin springs forward at 01:00 UTC on 29 March 2026; New York falls back at 06:00 UTC on 1 November.
  for (const [zone, around] of [['Europe/Berlin', Date.UTC(2026, 2, 29, 1)], ['America/New_York', Date.UTC(2026, 10, 1, 6)], ['Asia/Vladivostok', Date.UTC(2026, 10, 29, 14)]] as const) {
    for (let ms = around - 3 * 3_600_000; ms <= around + 3 * 3_600_000; ms += 60_000) {
      assert.equal(localDate(zone, ms), DateTime.fromMillis(ms, { zone }).toISODate(), `${zone} at ${new Date(ms).toISOString()}`);
    }
  }
});

test('today is another date east and west of UTC', () => {
  const now = Date.parse('2026-11-29T20:00:00Z'); // Sunday evening in London
  assert.equal(localDate('UTC', now), '2026-11-29');
  assert.equal(localDate('Asia/Vladivostok', now), '2026-11-30');
  assert.equal(localDate('Pacific/Pago_Pago', Date.parse('2026-11-30T05:00:00Z')), '2026-11-29');
});

test('zone validity, with UTC as the fallback', () => {
  assert.ok(isValidZone('Europe/Moscow'));
  assert.ok(!isValidZone('Mars/Olympus_Mons'));
  assert.ok(!isValidZone(''));
  assert.ok(!isValidZone(undefined));
  assert.equal(zoneOr('Mars/Olympus_Mons'), 'UTC');
  assert.equal(zoneOr('Asia/Tokyo'), 'Asia/Tokyo');
});

test('instants written in a zone are what luxon writes, across zones, DST changes and odd seconds', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }), fc.integer({ min: 0, max: 999 }), fc.boolean(), (zone, seconds, milli, whole) => {
      const ms = whole ? Math.floor(seconds / 60) * 60_000 : seconds * 1000 + milli;
      const dt = DateTime.fromMillis(ms, { zone });
      assert.equal(formatInZone(ms, zone), dt.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: true })!.replace(/\+00:00$/, 'Z'));
      assert.equal(wallClock(ms, zone), dt.toFormat('yyyy-MM-dd HH:mm'));
      const minute = DateTime.fromMillis(Math.floor(ms / 60_000) * 60_000, { zone });
      assert.equal(minuteStamp(zone, ms), minute.toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/\+00:00$/, 'Z'));
    }),
    { numRuns: 5000 },
  );
});

test("offsets read from Intl's GMT±HH:MM are luxon's, in every zone Intl knows, local mean times with seconds included", () => {
  const instants: number[] = [];
  for (const year of [1900, 1911, 1925, 1941, 1950, 1980, 2000, 2011, 2026, 2038, 2100, 2199]) instants.push(Date.UTC(year, 0, 1, 12), Date.UTC(year, 6, 1, 12));
  const zones = Intl.supportedValuesOf('timeZone');
  assert.ok(zones.length > 300);
  for (const zone of zones) {
    const luxon = IANAZone.create(zone);
    for (const ms of instants) assert.equal(offsetMs(zone, ms), Math.round(luxon.offset(ms) * 60_000), `${zone} at ${new Date(ms).toISOString()}`);
  }
});

test('the offset at the end of a formatted instant', () => {
  assert.equal(gmtOffsetMinutes('1/1/2026, GMT+03:00'), 180);
  assert.equal(gmtOffsetMinutes('1/1/2026, GMT-09:30'), -570);
  assert.equal(gmtOffsetMinutes('1/1/2026, GMT\u221205:45'), -345);
  assert.equal(gmtOffsetMinutes('1/1/2026, GMT'), 0);
  // Not in that form: luxon is asked instead.
  assert.equal(gmtOffsetMinutes('1/1/1900, GMT+02:30:17'), undefined);
  assert.equal(gmtOffsetMinutes('1/1/2026, UTC+3'), undefined);
  assert.equal(gmtOffsetMinutes('1/1/2026, GMT+0x:00'), undefined);
  assert.equal(gmtOffsetMinutes('+03:00'), undefined);
});
