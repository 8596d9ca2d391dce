// Durations as the format writes them, read once per distinct text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elapsedMs, parseDuration, slaTargetMinutes } from '../../../server/src/core/time/duration';

test('a duration reads the same the first time and every time after, valid or not', () => {
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(parseDuration('1w2d3h4m'), { weeks: 1, days: 2, hours: 3, minutes: 4 });
    assert.equal(slaTargetMinutes('1h30m'), 90);
    assert.equal(slaTargetMinutes('2d'), undefined, 'an SLA target in days is refused');
    assert.equal(elapsedMs('48h'), 48 * 3_600_000);
    assert.equal(parseDuration('4x'), undefined);
    assert.equal(parseDuration(''), undefined);
    assert.equal(parseDuration(42), undefined);
  }
  // The parts are shared between callers, so none of them can change them for the others.
  assert.throws(() => {
    (parseDuration('4h') as { hours: number }).hours = 5;
  }, TypeError);
  assert.equal(slaTargetMinutes('4h'), 240);
});

test('more distinct durations than are kept still read right', () => {
  for (let m = 0; m < 3000; m++) assert.equal(slaTargetMinutes(`${m}m`), m);
  for (let m = 0; m < 3000; m += 7) assert.equal(slaTargetMinutes(`${m}m`), m);
});
