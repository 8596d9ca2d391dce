// The 12-month trend of met % (sla/trend.ts): months counted across years, every month present,
// and an incident's month read in the report's zone — the months `tam sla --by month` shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IncidentClocks } from '../../../server/src/core/sla/clocks';
import type { SlaRow } from '../../../server/src/core/sla/report';
import { isMonth, monthRange, shiftMonth, slaTrend } from '../../../server/src/core/sla/trend';
import { parseTimestamp } from '../../../server/src/core/time/timestamp';

test('months: their first and last days, leap years, shifting across a year', () => {
  assert.deepEqual(monthRange('2026-11'), { from: '2026-11-01', to: '2026-11-30' });
  assert.deepEqual(monthRange('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
  assert.deepEqual(monthRange('2026-12'), { from: '2026-12-01', to: '2026-12-31' });
  assert.equal(shiftMonth('2026-01', -1), '2025-12');
  assert.equal(shiftMonth('2026-11', -11), '2025-12');
  assert.equal(shiftMonth('2025-12', 13), '2027-01');
  assert.ok(isMonth('2026-11'));
  for (const bad of ['2026-13', '2026-1', '0206-11', 'november']) assert.ok(!isMonth(bad), bad);
});

const stopped = (elapsed: number, target: number) => ({ state: elapsed > target ? 'breached' : 'met', elapsedMinutes: elapsed, targetMinutes: target, stoppedAt: 0 }) as const;
const row = (id: string, opened: string, response: number, resolution: number): SlaRow => {
  const clocks: IncidentClocks = { response: stopped(response, 30), resolution: stopped(resolution, 240), resolvedAt: 0 };
  return { id, project: 'acme', priority: 'P1', opened: parseTimestamp(opened)!, openedText: opened, clocks, title: id };
};

test('every month of the window, the empty ones with no figures; months read in the zone', () => {
  const rows = [
    // 31 October 22:30 UTC is 1 November in Moscow.
    row('A', '2026-10-31T22:30:00Z', 20, 300),
    row('B', '2026-11-10T10:00:00+03:00', 40, 200),
    row('C', '2026-09-10T10:00:00+03:00', 10, 100),
    // Before the window: not counted.
    row('D', '2025-11-30T10:00:00+03:00', 10, 100),
  ];
  const trend = slaTrend(rows, '2026-11', 12, 'Europe/Moscow');
  assert.equal(trend.length, 12);
  assert.equal(trend[0]!.month, '2025-12');
  assert.deepEqual(trend.find((t) => t.month === '2026-11'), { month: '2026-11', incidents: 2, responseMetPct: 50, resolutionMetPct: 50, breaches: 2 });
  assert.deepEqual(trend.find((t) => t.month === '2026-10'), { month: '2026-10', incidents: 0, responseMetPct: null, resolutionMetPct: null, breaches: 0 });
  assert.equal(trend.find((t) => t.month === '2026-09')!.responseMetPct, 100);
  assert.equal(trend.reduce((n, t) => n + t.incidents, 0), 3);
  // In UTC, A falls in October.
  assert.equal(slaTrend(rows, '2026-11', 12, 'UTC').find((t) => t.month === '2026-10')!.incidents, 1);
});
