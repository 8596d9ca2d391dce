// `tam sla` as a user runs it: spec §7 JSON with hand-computed clocks, grouping and the
// opening-date period, the table/Markdown/CSV breaches, and exit 2 for bad arguments.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

const incident = (id: string, priority: string, opened: string, timeline: string) =>
  `kind: incident\nid: ${id}\nproject: acme\ntitle: Incident ${id}\npriority: ${priority}\nopened: ${opened}\ndepartment: network\ncause: { category: hardware }\ntimeline:\n${timeline}`;

function workspace(): string {
  const dir = tempWorkspace({
    // Mon 10:00, acknowledged 10:10 (10m of 30m), resolved 12:00 (2h of 4h): both met.
    'projects/acme/incidents/INC-1.yaml': incident('INC-1', 'P1', '2026-11-02T10:00:00+03:00', '  - { at: 2026-11-02T10:10:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T12:00:00+03:00, status: resolved }\n'),
    // Mon 10:00, acknowledged 11:00 (1h of 30m: breached by 30m), resolved 17:00 (7h of 4h: breached by 3h).
    'projects/acme/incidents/INC-2.yaml': incident('INC-2', 'P1', '2026-10-05T10:00:00+03:00', '  - { at: 2026-10-05T11:00:00+03:00, status: acknowledged }\n  - { at: 2026-10-05T17:00:00+03:00, status: resolved }\n'),
  });
  dirs.push(dir);
  return dir;
}

test('tam sla --format json is spec §7 with the clocks of every incident', async () => {
  const r = await tam(['sla', workspace(), '--format', 'json', ...NOW]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const pick = (i: any) => ({ id: i.id, project: i.project, priority: i.priority, response: [i.response.state, i.response.elapsedMinutes, i.response.targetMinutes], resolution: [i.resolution.state, i.resolution.elapsedMinutes, i.resolution.targetMinutes] });
  assert.deepEqual(json.incidents.map(pick), [
    { id: 'INC-2', project: 'acme', priority: 'P1', response: ['breached', 60, 30], resolution: ['breached', 420, 240] },
    { id: 'INC-1', project: 'acme', priority: 'P1', response: ['met', 10, 30], resolution: ['met', 120, 240] },
  ]);
  assert.equal(json.groups.length, 1);
  assert.equal(json.groups[0].key, 'acme');
  assert.equal(json.groups[0].responseMetPct, 50);
});

test('tam sla --by month and --from/--to select by opening date', async () => {
  const r = await tam(['sla', workspace(), '--format', 'json', '--by', 'month', '--from', '2026-11-01', '--to', '2026-11-30', ...NOW]);
  const json = JSON.parse(r.out);
  assert.deepEqual(json.incidents.map((i: any) => i.id), ['INC-1']);
  assert.deepEqual(json.groups.map((g: any) => g.key), ['2026-11']);
});

test('tam sla table, markdown and csv show the breaches with their cause', async () => {
  const dir = workspace();
  const table = await tam(['sla', dir, ...NOW]);
  assert.match(table.out, /INC-2 +acme +network +P1 +resolution +3h +4h +hardware/);
  const md = await tam(['sla', dir, '--format', 'markdown', ...NOW]);
  assert.match(md.out, /^\|.*Project.*\|/m);
  assert.match(md.out, /INC-2/);
  const csv = await tam(['sla', dir, '--format', 'csv', ...NOW]);
  assert.match(csv.out.split('\r\n')[0]!, /^group,/);
});

test('tam sla argument errors are exit 2', async () => {
  const dir = workspace();
  for (const argv of [['--by', 'team'], ['--from', '2026-13-01'], ['--from', '2026-11-02', '--to', '2026-11-01'], ['--format', 'html']]) {
    const r = await tam(['sla', dir, ...argv]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.ok(r.err.length > 0);
  }
});
