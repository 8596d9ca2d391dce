// SLA report statistics: five incidents of two projects with their clocks already computed, and
// the groups, totals and breaches a TAM would read off them by hand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock, IncidentClocks } from '../../../server/src/core/sla/clocks';
import { buildSlaReport, nearestRank, type SlaRow } from '../../../server/src/core/sla/report';
import { parseTimestamp } from '../../../server/src/core/time/timestamp';

const at = (text: string) => parseTimestamp(text)!;
const STOP = at('2026-11-20T12:00:00Z');

/** A clock: "met 20/30" stopped, "running 100/1440", "paused 60/240", "breached 700/480 open". */
function clock(text: string): Clock {
  const m = /^(met|breached|running|paused) (\d+)\/(\d+)( open| paused)?$/.exec(text);
  assert.ok(m, `bad clock in test: ${text}`);
  const [, state, elapsed, target, still] = m;
  const c: Clock = { state: state as Clock['state'], elapsedMinutes: Number(elapsed), targetMinutes: Number(target) };
  const stopped = (state === 'met' || state === 'breached') && !still;
  if (stopped) c.stoppedAt = STOP;
  if (state === 'paused' || still === ' paused') c.pausedSince = STOP;
  if (state === 'breached') c.breachedAt = STOP;
  return c;
}

function row(id: string, project: string, priority: SlaRow['priority'], opened: string, response: string, resolution: string, extra: Partial<SlaRow> = {}): SlaRow {
  const clocks: IncidentClocks = { response: clock(response), resolution: clock(resolution) };
  // As the engine does: a stopped resolution clock is a resolution.
  if (clocks.resolution.stoppedAt !== undefined) clocks.resolvedAt = clocks.resolution.stoppedAt;
  return { id, project, priority, opened: at(opened), openedText: opened, clocks, title: `Incident ${id}`, ...extra };
}

const ROWS: SlaRow[] = [
  row('B-2', 'bolt', 'P2', '2026-11-06T09:00:00+03:00', 'met 30/60', 'breached 700/480 open', { department: 'unix' }),
  row('A-1', 'acme', 'P1', '2026-11-03T10:00:00+03:00', 'met 20/30', 'met 190/240', { department: 'network' }),
  row('A-2', 'acme', 'P2', '2026-11-04T10:00:00+03:00', 'breached 75/60', 'breached 600/480', {
    department: 'network',
    causeCategory: 'change',
  }),
  row('A-3', 'acme', 'P3', '2026-11-05T10:00:00+03:00', 'met 10/240', 'running 100/1440'),
  row('B-1', 'bolt', 'P1', '2026-11-05T11:00:00+03:00', 'met 5/30', 'paused 60/240', { department: 'unix' }),
];

test('by project: met % over decided clocks, nearest-rank median and P90 over stopped clocks', () => {
  const report = buildSlaReport(ROWS, { by: 'project' });
  assert.deepEqual(report.groups, [
    {
      key: 'acme',
      incidents: 3,
      responseMetPct: 66.7, // met, breached, met
      resolutionMetPct: 50, // met, breached; A-3 still running under target is undecided
      responseMedianMinutes: 20, // [10, 20, 75]
      responseP90Minutes: 75,
      resolutionMedianMinutes: 190, // [190, 600]: rank ceil(0.5·2) = 1
      resolutionP90Minutes: 600,
      open: 1,
      paused: 0,
      breaches: 2,
    },
    {
      key: 'bolt',
      incidents: 2,
      responseMetPct: 100,
      resolutionMetPct: 0, // B-2 breached while still open counts; B-1 paused under target does not
      responseMedianMinutes: 5, // [5, 30]
      responseP90Minutes: 30,
      resolutionMedianMinutes: null, // nothing resolved yet
      resolutionP90Minutes: null,
      open: 2,
      paused: 1,
      breaches: 1,
    },
  ]);
  assert.deepEqual(report.totals, {
    key: 'total',
    incidents: 5,
    responseMetPct: 80,
    resolutionMetPct: 33.3,
    responseMedianMinutes: 20, // [5, 10, 20, 30, 75]
    responseP90Minutes: 75,
    resolutionMedianMinutes: 190,
    resolutionP90Minutes: 600,
    open: 3,
    paused: 1,
    breaches: 3,
  });
});

test('incidents come in opening order; breaches in that order, response before resolution', () => {
  const report = buildSlaReport(ROWS);
  assert.deepEqual(report.incidents.map((i) => i.id), ['A-1', 'A-2', 'A-3', 'B-1', 'B-2']);
  assert.deepEqual(
    report.breaches.map((b) => [b.id, b.clock, b.overByMinutes, b.targetMinutes, b.stopped, b.department, b.causeCategory]),
    [
      ['A-2', 'response', 15, 60, true, 'network', 'change'],
      ['A-2', 'resolution', 120, 480, true, 'network', 'change'],
      ['B-2', 'resolution', 220, 480, false, 'unix', undefined],
    ],
  );
});

test('by priority and by department: keys in reading order, no department last', () => {
  assert.deepEqual(buildSlaReport(ROWS, { by: 'priority' }).groups.map((g) => [g.key, g.incidents]), [
    ['P1', 2],
    ['P2', 2],
    ['P3', 1],
  ]);
  assert.deepEqual(buildSlaReport(ROWS, { by: 'department' }).groups.map((g) => [g.key, g.incidents]), [
    ['network', 2],
    ['unix', 2],
    ['(none)', 1],
  ]);
});

test('months and the --from/--to period are read in the workspace time zone', () => {
  // 22:30 UTC on 31 October is 01:30 on 1 November in Moscow.
  const rows = [row('M-1', 'acme', 'P1', '2026-10-31T22:30:00Z', 'met 5/30', 'met 60/240'), ...ROWS];
  assert.deepEqual(buildSlaReport(rows, { by: 'month' }).groups.map((g) => [g.key, g.incidents]), [
    ['2026-10', 1],
    ['2026-11', 5],
  ]);
  assert.deepEqual(buildSlaReport(rows, { by: 'month', timezone: 'Europe/Moscow' }).groups.map((g) => [g.key, g.incidents]), [
    ['2026-11', 6],
  ]);

  const moscowNovember = buildSlaReport(rows, { from: '2026-11-01', to: '2026-11-05', timezone: 'Europe/Moscow' });
  assert.deepEqual(moscowNovember.incidents.map((i) => i.id), ['M-1', 'A-1', 'A-2', 'A-3', 'B-1']); // both ends inclusive
  const utcNovember = buildSlaReport(rows, { from: '2026-11-01', to: '2026-11-05' });
  assert.deepEqual(utcNovember.incidents.map((i) => i.id), ['A-1', 'A-2', 'A-3', 'B-1']);
});

test('an empty period gives empty groups, zero totals and null percentages', () => {
  const report = buildSlaReport(ROWS, { from: '2027-01-01' });
  assert.deepEqual(report.groups, []);
  assert.equal(report.totals.incidents, 0);
  assert.equal(report.totals.responseMetPct, null);
  assert.equal(report.totals.resolutionP90Minutes, null);
});

test('a malformed date or zone is an error with a message for the user', () => {
  assert.throws(() => buildSlaReport(ROWS, { from: '2026-13-01' }), /--from must be a date written YYYY-MM-DD/);
  assert.throws(() => buildSlaReport(ROWS, { timezone: 'Moscow' }), /unknown time zone "Moscow"/);
});

test('nearest rank: the value at position ceil(p/100 · n)', () => {
  const tens = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(nearestRank(tens, 50), 5);
  assert.equal(nearestRank(tens, 90), 9);
  assert.equal(nearestRank([42], 90), 42);
  assert.equal(nearestRank([], 50), null);
});
