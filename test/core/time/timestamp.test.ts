// parseTimestamp reads spec §2's timestamps digit by digit, for speed; here it is held to the
// regular expression that defines the form (and to Date's arithmetic), on the edge cases and
// on a hundred thousand strings made of the form's own characters.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseTimestamp, TIMESTAMP } from '../../../server/src/core/time/timestamp';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The definition: the expression, a real calendar day in 1900–2199, an offset a real zone can
 * have (at most ±14:00, minutes 00–59), the offset applied.
 */
function oracle(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] ? Number(m[6]) : 0;
  const leap = mo === 2 && y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0);
  if (y! < 1900 || y! > 2199) return undefined;
  if (m[8] !== 'Z' && (Number(m[8]!.slice(4, 6)) > 59 || Number(m[8]!.slice(1, 3)) * 60 + Number(m[8]!.slice(4, 6)) > 14 * 60)) return undefined;
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > DAYS[mo! - 1]! + (leap ? 1 : 0) || h! > 23 || mi! > 59 || s > 59) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const utc = Date.UTC(y!, mo! - 1, d!, h, mi, s, ms);
  if (m[8] === 'Z') return utc;
  const sign = m[8]!.startsWith('-') ? -1 : 1;
  return utc - sign * (Number(m[8]!.slice(1, 3)) * 60 + Number(m[8]!.slice(4, 6))) * 60_000;
}

test('timestamps of the spec, and what is not one', () => {
  const cases: [unknown, number | undefined][] = [
    ['2026-11-03T09:12:00+03:00', Date.parse('2026-11-03T06:12:00Z')],
    ['2026-11-03T09:12+03:00', Date.parse('2026-11-03T06:12:00Z')],
    ['2026-11-03T09:12:05.25Z', Date.parse('2026-11-03T09:12:05.250Z')],
    ['2026-11-03T09:12:05.1239Z', Date.parse('2026-11-03T09:12:05.124Z')],
    ['2024-02-29T23:59:59-05:30', Date.parse('2024-03-01T05:29:59Z')],
    ['2026-02-29T10:00:00Z', undefined],
    ['2026-11-03T24:00:00Z', undefined],
    ['2026-11-03T09:12:00', undefined],
    ['2026-11-03T09:12:00+0300', undefined],
    ['2026-11-03 09:12:00Z', undefined],
    ['2026-11-03T09:12:00.Z', undefined],
    ['2026-11-03T09:12:00Z ', undefined],
    ['2026-11-03T09:12Z', Date.parse('2026-11-03T09:12:00Z')],
    ['２０２６-11-03T09:12Z', undefined],
    // Offsets: RFC 3339 allows ±23:59, no zone goes past ±14:00, minutes stop at 59.
    ['2026-11-03T09:12+99:99', undefined],
    ['2026-11-03T09:12+03:60', undefined],
    ['2026-11-03T09:12+15:00', undefined],
    ['2026-11-03T09:12-14:01', undefined],
    ['2026-11-03T23:00+14:00', Date.parse('2026-11-03T09:00:00Z')],
    ['2026-11-03T00:00-12:00', Date.parse('2026-11-03T12:00:00Z')],
    // Years: 1900–2199; a year typed 0206 is not read as the year 206.
    ['0206-11-03T09:12Z', undefined],
    ['1899-12-31T23:59Z', undefined],
    ['1900-01-01T00:00Z', Date.parse('1900-01-01T00:00:00Z')],
    ['2199-12-31T23:59Z', Date.parse('2199-12-31T23:59:00Z')],
    ['2200-01-01T00:00Z', undefined],
    [20261103, undefined],
    [undefined, undefined],
  ];
  for (const [text, expected] of cases) {
    assert.equal(parseTimestamp(text), expected, String(text));
    assert.equal(oracle(text), expected, `oracle: ${String(text)}`);
  }
});

test('the same answers as the defining expression on strings of its own characters', () => {
  const char = fc.constantFrom(...'0123456789-:.TZ+ 1209'.split(''));
  const digit = fc.constantFrom(...'0123456789'.split(''));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  // Mostly in range, sometimes just out of it (month 13, day 31 of a short month, hour 24).
  const part = (lo: number, hi: number, width = 2) => fc.oneof({ weight: 6, arbitrary: fc.integer({ min: lo, max: hi }) }, fc.integer({ min: 0, max: 10 ** width - 1 })).map((n) => pad(n, width));
  const zone = fc.oneof(fc.constantFrom('Z', 'z', '', '+3:00', '+03:0', '+0300'), fc.tuple(fc.constantFrom('+', '-'), part(0, 14), part(0, 59)).map(([sign, h, m]) => `${sign}${h}:${m}`));
  const nearly = fc
    .tuple(part(1970, 2100, 4), part(1, 12), part(1, 31), part(0, 23), part(0, 59), fc.option(part(0, 59)), fc.option(fc.array(digit, { minLength: 0, maxLength: 5 }).map((d) => d.join(''))), zone, fc.nat(40), fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, char))
    .map(([y, mo, d, h, mi, sec, frac, z, cut, extra]) => {
      const text = `${y}-${mo}-${d}T${h}:${mi}${sec !== null ? `:${sec}${frac !== null ? `.${frac}` : ''}` : ''}${z}`;
      // Now and then a character slipped in, or the text cut short.
      if (extra !== null) return text.slice(0, cut % (text.length + 1)) + extra + text.slice(cut % (text.length + 1));
      return cut > 30 ? text.slice(0, cut % 20) : text;
    });
  const noise = fc.array(char, { maxLength: 32 }).map((c) => c.join(''));
  let valid = 0;
  fc.assert(
    fc.property(fc.oneof(nearly, noise), (text) => {
      const ms = parseTimestamp(text);
      assert.equal(ms, oracle(text), JSON.stringify(text));
      if (ms !== undefined) valid++;
    }),
    { numRuns: 100_000, seed: 20261125 },
  );
  // Both sides of the answer are exercised, not only "not a timestamp".
  assert.ok(valid > 5_000, `only ${valid} valid timestamps generated`);
});
