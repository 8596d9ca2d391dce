// Output formats of `tam sla`: a small report of two incidents rendered as a terminal table,
// GitHub Markdown, CSV and the JSON of spec §7, compared with the full expected text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSlaCsv, renderSlaMarkdown, renderSlaTable, slaJson } from '../../../server/src/core/render/sla';
import type { Clock } from '../../../server/src/core/sla/clocks';
import { buildSlaReport, type SlaRow } from '../../../server/src/core/sla/report';
import { parseTimestamp } from '../../../server/src/core/time/timestamp';

const at = (text: string) => parseTimestamp(text)!;

const met = (elapsed: number, target: number, stoppedAt: string): Clock => ({
  state: 'met',
  elapsedMinutes: elapsed,
  targetMinutes: target,
  stoppedAt: at(stoppedAt),
});

const ROWS: SlaRow[] = [
  {
    id: 'INC-2026-0001',
    project: 'acme',
    department: 'network',
    priority: 'P1',
    opened: at('2026-11-03T10:00:00+03:00'),
    openedText: '2026-11-03T10:00:00+03:00',
    clocks: {
      response: met(20, 30, '2026-11-03T10:20:00+03:00'),
      resolution: met(190, 240, '2026-11-03T13:10:00+03:00'),
      resolvedAt: at('2026-11-03T13:10:00+03:00'),
    },
    title: 'VPN | tunnel *down*',
    file: 'projects/acme/incidents/0001.yaml',
  },
  {
    id: 'INC-2026-0002',
    project: 'bolt',
    priority: 'P2',
    opened: at('2026-11-04T10:00:00+03:00'),
    openedText: '2026-11-04T10:00:00+03:00',
    clocks: {
      response: {
        state: 'breached',
        elapsedMinutes: 75,
        targetMinutes: 60,
        breachedAt: at('2026-11-04T11:00:00+03:00'),
        stoppedAt: at('2026-11-04T11:15:00+03:00'),
      },
      resolution: { state: 'breached', elapsedMinutes: 700, targetMinutes: 480, breachedAt: at('2026-11-05T16:00:00+03:00') },
    },
    causeCategory: '-capacity',
    title: '=HYPERLINK("http://evil.example","click")',
  },
];
const report = buildSlaReport(ROWS, { by: 'project', from: '2026-11-01', to: '2026-11-30', timezone: 'Europe/Moscow' });

test('table: aligned columns, durations as "1h 15m", percentages with one decimal, totals and breaches', () => {
  assert.equal(
    renderSlaTable(report),
    `SLA by project, incidents opened 2026-11-01 to 2026-11-30 (Europe/Moscow)

Project  Incidents  Response met  Response median  Response P90  Resolution met  Resolution median  Resolution P90  Open  Paused  Breaches
-------  ---------  ------------  ---------------  ------------  --------------  -----------------  --------------  ----  ------  --------
acme             1        100.0%              20m           20m          100.0%             3h 10m          3h 10m     0       0         0
bolt             1          0.0%           1h 15m        1h 15m            0.0%                  -               -     1       0         2
-------  ---------  ------------  ---------------  ------------  --------------  -----------------  --------------  ----  ------  --------
Total            2         50.0%              20m        1h 15m           50.0%             3h 10m          3h 10m     1       0         2

Breaches (2):

Incident       Project  Department  Priority  Clock              Over by  Target  Cause      Title
-------------  -------  ----------  --------  -----------------  -------  ------  ---------  -----------------------------------------
INC-2026-0002  bolt     -           P2        response               15m      1h  -capacity  =HYPERLINK("http://evil.example","click")
INC-2026-0002  bolt     -           P2        resolution (open)   3h 40m      8h  -capacity  =HYPERLINK("http://evil.example","click")
`,
  );
});

test('table: an empty report says so, naming the period', () => {
  assert.equal(renderSlaTable(buildSlaReport(ROWS, { from: '2027-01-01' })), 'No incidents opened on or after 2027-01-01 (UTC).\n');
  assert.equal(renderSlaTable(buildSlaReport([])), 'No incidents.\n');
});

test('markdown: groups with a bold total, then breaches with department and cause; cell text escaped', () => {
  assert.equal(
    renderSlaMarkdown(report),
    `### SLA by project, incidents opened 2026-11-01 to 2026-11-30 (Europe/Moscow)

| Project | Incidents | Response met | Response median | Response P90 | Resolution met | Resolution median | Resolution P90 | Open | Paused | Breaches |
| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |
| acme | 1 | 100.0% | 20m | 20m | 100.0% | 3h 10m | 3h 10m | 0 | 0 | 0 |
| bolt | 1 | 0.0% | 1h 15m | 1h 15m | 0.0% | — | — | 1 | 0 | 2 |
| **Total** | 2 | 50.0% | 20m | 1h 15m | 50.0% | 3h 10m | 3h 10m | 1 | 0 | 2 |

#### Breaches (2)

| Incident | Project | Department | Priority | Clock | Over by | Target | Cause | Title |
| :-- | :-- | :-- | :-- | :-- | --: | --: | :-- | :-- |
| INC-2026-0002 | bolt | — | P2 | response | 15m | 1h | -capacity | =HYPERLINK("http://evil.example","click") |
| INC-2026-0002 | bolt | — | P2 | resolution (open) | 3h 40m | 8h | -capacity | =HYPERLINK("http://evil.example","click") |
`,
  );
});

test('markdown: a pipe or emphasis in a title cannot break the table', () => {
  const acmeOnly = buildSlaReport(
    [{ ...ROWS[0]!, clocks: { ...ROWS[0]!.clocks, response: { ...ROWS[0]!.clocks.response, state: 'breached', elapsedMinutes: 40, breachedAt: 1 } } }],
    { by: 'department' },
  );
  const breachLine = renderSlaMarkdown(acmeOnly).split('\n').find((l) => l.startsWith('| INC-2026-0001'));
  assert.equal(breachLine, '| INC-2026-0001 | acme | network | P1 | response | 10m | 30m | — | VPN \\| tunnel \\*down\\* |');
  assert.equal(renderSlaMarkdown(buildSlaReport([])), '### SLA by project (UTC)\n\n_No incidents._\n');
});

test('csv: one row per incident with its group, RFC 4180 quoting, CRLF, formula cells defused', () => {
  assert.equal(
    renderSlaCsv(report),
    [
      'group,id,project,department,priority,opened,response_state,response_elapsed_minutes,response_target_minutes,response_breached_at,' +
        'resolution_state,resolution_elapsed_minutes,resolution_target_minutes,resolution_breached_at,resolved_at,cause_category,title,file',
      'acme,INC-2026-0001,acme,network,P1,2026-11-03T10:00:00+03:00,met,20,30,,met,190,240,,2026-11-03T10:10:00.000Z,,VPN | tunnel *down*,' +
        'projects/acme/incidents/0001.yaml',
      'bolt,INC-2026-0002,bolt,,P2,2026-11-04T10:00:00+03:00,breached,75,60,2026-11-04T08:00:00.000Z,breached,700,480,2026-11-05T13:00:00.000Z,,' +
        `'-capacity,"'=HYPERLINK(""http://evil.example"",""click"")",`,
      '',
    ].join('\r\n'),
  );
});

test('json: exactly the shape of spec §7, plus added fields', () => {
  const json = JSON.parse(JSON.stringify(slaJson(report)));
  assert.deepEqual(Object.keys(json).slice(0, 2), ['incidents', 'groups']);
  assert.deepEqual(json.incidents[0], {
    id: 'INC-2026-0001',
    project: 'acme',
    priority: 'P1',
    response: { state: 'met', elapsedMinutes: 20, targetMinutes: 30, stoppedAt: '2026-11-03T07:20:00.000Z' },
    resolution: { state: 'met', elapsedMinutes: 190, targetMinutes: 240, stoppedAt: '2026-11-03T10:10:00.000Z' },
    department: 'network',
    opened: '2026-11-03T10:00:00+03:00',
    open: false,
    resolvedAt: '2026-11-03T10:10:00.000Z',
    title: 'VPN | tunnel *down*',
    file: 'projects/acme/incidents/0001.yaml',
  });
  assert.deepEqual(json.incidents[1].resolution, {
    state: 'breached',
    elapsedMinutes: 700,
    targetMinutes: 480,
    breachedAt: '2026-11-05T13:00:00.000Z',
  });
  assert.deepEqual(json.groups[0], {
    key: 'acme',
    incidents: 1,
    responseMetPct: 100,
    resolutionMetPct: 100,
    responseMedianMinutes: 20,
    responseP90Minutes: 20,
    resolutionMedianMinutes: 190,
    resolutionP90Minutes: 190,
    open: 0,
    paused: 0,
    breaches: 0,
  });
  assert.equal(json.totals.key, 'total');
  assert.deepEqual(
    json.breaches.map((b: { id: string; clock: string; overByMinutes: number }) => [b.id, b.clock, b.overByMinutes]),
    [
      ['INC-2026-0002', 'response', 15],
      ['INC-2026-0002', 'resolution', 220],
    ],
  );
  assert.deepEqual([json.by, json.from, json.to, json.timezone], ['project', '2026-11-01', '2026-11-30', 'Europe/Moscow']);
});

test('table: control characters in a title cannot reach the terminal', () => {
  const sneaky = buildSlaReport([
    { ...ROWS[1]!, title: 'disk full\u001b[2J\u001b]0;pwned\u0007\nnext line' },
  ]);
  const text = renderSlaTable(sneaky);
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  // Shown, not run and not hidden: the reader sees what the file holds; the line break is a space.
  assert.match(text, /disk full\\u001b\[2J\\u001b\]0;pwned\\u0007 next line/);
});
