// The job summary of the GitHub Action from its parts: the verdict and counts, the SLA table,
// the late chains with their workspace text escaped, and a cut where GitHub would drop it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanJsonChain } from '../../server/src/core/render/plan';
import { renderJobSummary } from '../../server/src/github-action/summary';

const counts = { files: 12, entities: 20, errors: 0, warnings: 2, infos: 0 };
const sla = '### SLA by project (Europe/Moscow)\n\n_No incidents._\n';
const chain = (id: string, title: string, lateBy: number): PlanJsonChain => ({
  id,
  title,
  deadline: '2026-12-01',
  forecastFinish: '2026-12-04',
  late: lateBy > 0,
  done: false,
  lateByWorkingDays: lateBy,
  criticalPath: ['a', 'b'],
  waitingOn: [{ task: 'a', department: 'network', due: '2026-11-20', daysOverdue: 5 }],
  tasks: [],
});

test('the verdict, the counts, the SLA table, and the late chains latest first', () => {
  // A chain that finished after its deadline is history, not a late chain.
  const finished = { ...chain('finished', 'Finished', 4), done: true };
  const text = renderJobSummary({ path: 'ops/tam', counts, sla, chains: [chain('on-time', 'On time', 0), chain('one', 'One', 1), finished, chain('three', 'Three', 3)] });
  assert.match(text, /^## TAM Workbench: `ops\/tam`\n\n⚠️ \*\*2 warnings\*\*, no errors in 12 files \(20 entities\)\.\n/);
  assert.ok(text.includes(sla.trimEnd()));
  const rows = text.split('\n').filter((l) => l.startsWith('| `'));
  assert.deepEqual(rows, [
    '| `three` | Three | `2026-12-01` | `2026-12-04` | 3 working days | `network`: `a` (5 days overdue) |',
    '| `one` | One | `2026-12-01` | `2026-12-04` | 1 working day | `network`: `a` (5 days overdue) |',
  ]);
  assert.match(renderJobSummary({ path: '.', counts: { ...counts, warnings: 0 }, sla, chains: [] }), /✅ \*\*No problems\*\* in 12 files[\s\S]*No chain is forecast to finish after its deadline\./);
});

test('a title from the workspace cannot break the table, inject markup or mention anyone', () => {
  const text = renderJobSummary({ path: '.', counts, sla, chains: [chain('x', 'A | B <img src=x onerror=alert(1)> [link](https://evil.example) @team\nnext', 2)] });
  const row = text.split('\n').find((l) => l.startsWith('| `x`'))!;
  assert.equal(row.split(/(?<!\\)\|/).length, 8, 'six cells');
  // Markup and links only escaped (\< \]), and a zero-width space after the @.
  assert.doesNotMatch(text, /(?<!\\)<img|(?<!\\)\]\(https|@team/);
  assert.ok(row.includes('\\<img src=x onerror=alert(1)\\> \\[link\\](https://evil.example) @\u200bteam next'), row);
});

test('a summary GitHub would refuse (over 1 MiB) is cut at a line, and says so', () => {
  const chains = Array.from({ length: 400 }, (_, i) => chain(`chain-${i}`, 'Ж'.repeat(300), i + 1));
  const text = renderJobSummary({ path: '.', counts, sla, chains }, 100_000);
  assert.ok(Buffer.byteLength(text) <= 100_000);
  assert.match(text, /\| \d+ working days? \|[^\n]*\n\n_The summary is too long for GitHub and was cut here; run `tam sla` and `tam plan` for all of it\._\n$/);
});
