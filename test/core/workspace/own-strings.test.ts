// ownStrings rewrites parsed values in place to hold less memory: the values must read the same.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jsYaml from 'js-yaml';
import { ownStrings } from '../../../server/src/core/workspace/own-strings';

const TEXT = `kind: incident
id: INC-2026-000123
title: "Ünïcödé — core switch \\"down\\" 🚨"
opened: 2026-03-01T10:00:00Z
estimate: 0.5
tags: []
nested: [[a, b], [], [[long string in a nested array]]]
timeline:
  - { at: 2026-03-01T10:05:00Z, status: acknowledged, note: "a note long enough to be a slice" }
  - { at: 2026-03-01T11:00:00Z, status: resolved, note: "line one\\nline two" }
__proto__: not a prototype
---
- a second document that is one long string in a list
`;

test('ownStrings keeps every value as parsed: strings, arrays, numbers, empty lists, keys', () => {
  const values: unknown[] = [];
  jsYaml.loadAll(TEXT, (v) => values.push(v), { schema: jsYaml.CORE_SCHEMA });
  const expected = structuredClone(values);
  ownStrings(values);
  assert.deepEqual(values, expected);
  const first = values[0] as Record<string, any>;
  assert.equal(first.timeline.length, 2);
  assert.ok(Array.isArray(first.tags) && first.tags.length === 0);
  assert.equal(Object.getPrototypeOf(first), Object.prototype);
  assert.ok(Object.prototype.hasOwnProperty.call(first, '__proto__'));
});

test('ownStrings keeps random nested values of many strings each in its own place', () => {
  let seed = 7;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const word = (): string => 'abcdefghij€'.repeat(1 + next(4)).slice(next(5), 5 + next(30));
  const value = (depth: number): unknown => {
    const pick = depth > 3 ? next(3) : next(5);
    if (pick === 0) return word();
    if (pick === 1) return next(100) - 50;
    if (pick === 2) return next(2) === 0 ? null : true;
    if (pick === 3) return Array.from({ length: next(6) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: next(5) }, (_, i) => [`${word()}${i}`, value(depth + 1)]));
  };
  for (let round = 0; round < 200; round++) {
    const values = Array.from({ length: 1 + next(3) }, () => value(0));
    const expected = structuredClone(values);
    ownStrings(values);
    assert.deepEqual(values, expected);
  }
});
