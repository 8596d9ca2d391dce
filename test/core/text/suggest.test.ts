// Did-you-mean: the closest known id to a misspelt one. A large set of ids is looked up by the
// words one edit away instead of scanned; its answers must be the scan's whenever the scan's
// answer is that close, and none otherwise.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance, SCAN_LIMIT, Suggestions } from '../../../server/src/core/text/suggest';

/** The scan, written out: the nearest within a third of the length, case counting half, ties alphabetical. */
function reference(word: string, candidates: readonly string[], maxDistance = Infinity): string | undefined {
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word.toLowerCase(), c.toLowerCase(), limit);
    if (d > limit) continue;
    if (d < bestDistance || (d === bestDistance && c < best!)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** A seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** A slip of the fingers or several: swaps, drops, doubles, replacements and case. */
function misspell(rnd: () => number, id: string, edits: number): string {
  let w = id;
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rnd() * w.length);
    switch (Math.floor(rnd() * 5)) {
      case 0:
        if (i + 1 < w.length) w = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
        break;
      case 1:
        w = w.slice(0, i) + w.slice(i + 1);
        break;
      case 2:
        w = w.slice(0, i) + pick(rnd, [...'0123456789-abcX']) + w.slice(i);
        break;
      case 3:
        w = w.slice(0, i) + pick(rnd, [...'0123456789-abcX']) + w.slice(i + 1);
        break;
      default:
        w = w.slice(0, i) + w.slice(i, i + 1).toUpperCase() + w.slice(i + 1);
    }
  }
  return w;
}

test('a small set is scanned: the nearest within a third of the length, case counting half, ties alphabetical', () => {
  const departments = ['network', 'vmware', 'hyperv', 'unix', 'dba', 'backup', 'monitoring', 'security'];
  assert.equal(closest('netwrok', departments), 'network');
  assert.equal(closest('Network', departments), 'network');
  assert.equal(closest('montoring', departments), 'monitoring');
  assert.equal(closest('storage', departments), undefined);
  // Two at one edit: the first alphabetically, whatever the order given.
  assert.equal(closest('ab', ['ac', 'aa']), 'aa');
  assert.equal(closest('ab', ['aa', 'ac']), 'aa');
});

test('a large set of ids answers as the scan does when the nearest is one edit away, and not at all beyond', () => {
  const rnd = random(20261204);
  for (let round = 0; round < 4; round++) {
    const ids = new Set<string>();
    while (ids.size < SCAN_LIMIT + 1 + Math.floor(rnd() * 2000)) {
      const n = Math.floor(rnd() * 3000);
      ids.add(pick(rnd, [`INC-2026-${String(n).padStart(5, '0')}`, `pm-inc-${n}`, `chain-${n}-migration`, `Net${n}`]));
    }
    const list = [...ids];
    const index = new Suggestions(list);
    let oneEdit = 0;
    for (let q = 0; q < 300; q++) {
      const word = misspell(rnd, pick(rnd, list), 1 + Math.floor(rnd() * 3));
      const expected = reference(word, list, 1);
      if (expected !== undefined) oneEdit++;
      assert.equal(index.closest(word), expected, `"${word}" among ${list.length} ids`);
      assert.equal(closest(word, list), expected);
    }
    // The property says something only if many words have a neighbour one edit away.
    assert.ok(oneEdit > 100, `${oneEdit} of 300 words were one edit from an id`);
  }
});

test('the scan and the lookup agree on a set of exactly the scan limit and one more', () => {
  const rnd = random(7);
  const ids = Array.from({ length: SCAN_LIMIT }, (_, i) => `INC-2026-${String(i * 7).padStart(5, '0')}`);
  for (let q = 0; q < 200; q++) {
    const word = misspell(rnd, pick(rnd, ids), 1);
    assert.equal(closest(word, ids), reference(word, ids), `"${word}", scanned`);
    assert.equal(closest(word, [...ids, 'zzz-extra']), reference(word, ids, 1), `"${word}", looked up`);
  }
});
