// The organisation every rule test builds on must itself be valid, or the tests would
// read each other's noise.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from '../helpers/workspace';

test('the base workspace of the tests is valid', () => {
  assert.deepEqual(diagnose({}), []);
});
