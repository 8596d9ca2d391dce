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
