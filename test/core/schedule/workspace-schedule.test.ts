// Forecasting a chain with only the chains it is linked to must give exactly what forecasting
// the whole workspace gives; the language server relies on it to re-forecast one group per edit.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { generateWorkspace } from '../../../bench/generate';
import { chainSchedule, workspaceSchedule } from '../../../server/src/core/schedule/workspace-schedule';
import { FileSystemHost } from '../../../server/src/core/workspace/host';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { workspaceOf } from '../../helpers/workspace';

const NOW = Date.parse('2026-11-25T12:00:00+03:00');

function assertSame(ws: Workspace): number {
  const whole = workspaceSchedule(ws, NOW);
  for (const chain of whole.chains) {
    const group = chainSchedule(ws, NOW, chain.id)!;
    assert.deepEqual(group.byId.get(chain.id), chain, chain.id);
    assert.deepEqual(
      group.cycles.filter((c) => c.some((k) => k.startsWith(chain.id + '/'))),
      whole.cycles.filter((c) => c.some((k) => k.startsWith(chain.id + '/'))),
    );
  }
  return whole.chains.length;
}

test('per-group forecasts equal the whole-workspace forecast on the sample workspace', () => {
  const ws = new Workspace(new FileSystemHost(path.join(__dirname, '../../../sample-workspace')));
  ws.loadAll();
  assert.ok(assertSame(ws) >= 6);
});

test('per-group forecasts equal the whole-workspace forecast with cross-chain links and a cycle', () => {
  const chain = (id: string, deps: string) =>
    `kind: chain\nid: ${id}\nproject: acme\ntitle: ${id}\ntasks:\n  - { id: t, title: T, department: network, status: todo, estimate: 2d${deps ? `, depends_on: [${deps}]` : ''} }\n`;
  const ws = workspaceOf({
    'projects/acme/chains/a.yaml': chain('a', ''),
    'projects/acme/chains/b.yaml': chain('b', 'a/t'),
    'projects/acme/chains/c.yaml': chain('c', 'b/t'),
    'projects/acme/chains/d.yaml': chain('d', 'e/t'),
    'projects/acme/chains/e.yaml': chain('e', 'd/t'),
    'projects/acme/chains/f.yaml': chain('f', ''),
  });
  assert.equal(assertSame(ws), 6);
  assert.deepEqual(chainSchedule(ws, NOW, 'c')!.chains.map((c) => c.id), ['a', 'b', 'c']);
  assert.deepEqual(chainSchedule(ws, NOW, 'f')!.chains.map((c) => c.id), ['f']);
});

test('per-group forecasts equal the whole-workspace forecast on a generated workspace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-groups-'));
  try {
    generateWorkspace(dir, { incidents: 10, chains: 60, longChainTasks: 80, seed: 11 });
    const ws = new Workspace(new FileSystemHost(dir));
    ws.loadAll();
    assert.equal(assertSame(ws), 61);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a task's today is the date in its department calendar's zone; a department without one uses the workspace's", () => {
  // Monday 30 November 2026, 20:00 UTC: still Monday in London, already Tuesday 06:00 in Vladivostok.
  const now = Date.parse('2026-11-30T20:00:00Z');
  const ws = workspaceOf({
    'tam.yaml': 'kind: workspace\nname: T\ntimezone: Europe/London\ndefault_sla_policy: standard\n',
    'org/far-east.yaml': `kind: calendar
id: vvo
timezone: Asia/Vladivostok
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }
---
kind: department
id: dc-east
name: Vladivostok data centre
calendar: vvo
---
kind: department
id: backup
name: Backup
`,
    'projects/acme/chains/c.yaml': `kind: chain
id: c
project: acme
title: Two zones
deadline: 2026-11-30
tasks:
  - { id: east, title: Rack, department: dc-east, status: todo, estimate: 1d }
  - { id: home, title: Backups, department: backup, status: todo, estimate: 1d }
  - { id: due, title: Due today in London, department: backup, status: todo, estimate: 1d, due: 2026-11-30 }
  - { id: due-east, title: Due yesterday in Vladivostok, department: dc-east, status: todo, estimate: 1d, due: 2026-11-30 }
`,
  });
  const chain = workspaceSchedule(ws, now).byId.get('c')!;
  assert.equal(chain.tasks.get('east')!.start, '2026-12-01', 'Tuesday in Vladivostok');
  assert.equal(chain.tasks.get('home')!.start, '2026-11-30', 'Monday in London (the workspace zone)');
  assert.equal(chain.tasks.get('due')!.duePassed, false);
  assert.equal(chain.tasks.get('due-east')!.duePassed, true);
  // The memo of a forecast is per day in every zone: half an hour later is the same forecast
  // object; midnight in Moscow (the base workspace's calendars, 21:00 UTC) a new one.
  assert.equal(workspaceSchedule(ws, now + 1_800_000), workspaceSchedule(ws, now));
  assert.notEqual(workspaceSchedule(ws, now + 3_600_000), workspaceSchedule(ws, now));
  assert.notEqual(workspaceSchedule(ws, Date.parse('2026-12-01T14:00:00Z')), workspaceSchedule(ws, now));
});
