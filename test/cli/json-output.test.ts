// The commands' JSON is written a megabyte at a time (cli/io.ts outJson): the same bytes as one
// jsonText, never one string of a 100 000-incident report.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outJson, type CommandIO } from '../../server/src/cli/io';
import { jsonText } from '../../server/src/core/text/shown';

function capture(): { io: CommandIO; writes: string[] } {
  const writes: string[] = [];
  return { io: { out: (t) => void writes.push(t), err: () => {}, cwd: '.', color: false }, writes };
}

test('a large report goes out in several writes that join to its JSON and a line break', () => {
  const report = {
    incidents: Array.from({ length: 20_000 }, (_, i) => ({ id: `INC-2026-${String(i).padStart(5, '0')}`, title: `Disk full on db-${i}\u2028(night)`, response: { state: 'met', elapsedMinutes: i % 97 } })),
    groups: [{ key: 'acme', incidents: 20_000 }],
    totals: { incidents: 20_000 },
  };
  const { io, writes } = capture();
  outJson(io, report);
  assert.ok(writes.length > 1, `${writes.length} write(s)`);
  assert.ok(writes.every((w) => w.length < 2 * (1 << 20)), 'no write much over a megabyte');
  assert.equal(writes.join(''), jsonText(report) + '\n');
});

test('a small one is one write', () => {
  const { io, writes } = capture();
  outJson(io, { diagnostics: [], summary: { files: 0 } });
  assert.deepEqual(writes, [jsonText({ diagnostics: [], summary: { files: 0 } }) + '\n']);
});
