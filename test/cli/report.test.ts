// `tam report`: the monthly customer report against a hand-computed month — the SLA figures
// (equal to `tam sla --from --to` for the month), the 12-month trend (equal to `tam sla --by
// month`), the breach with its postmortem and action items, chains, proposals and documents —
// the Mermaid chart Mermaid's parser accepts, a self-contained HTML page that runs nothing, text
// from the workspace escaped in both, and exit 2 for bad input.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';
import { parseMermaid } from '../helpers/mermaid-parse';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

const incident = (id: string, priority: string, opened: string, timeline: string, extra = '') =>
  `kind: incident\nid: ${id}\nproject: acme\ntitle: Incident ${id}\npriority: ${priority}\nopened: ${opened}\ndepartment: network\ncause: { category: hardware, description: Disk of ${id} }\n${extra}timeline:\n${timeline}`;
const at = (when: string, status: string) => `  - { at: ${when}, status: ${status} }\n`;

const HOSTILE = 'Portal <script>alert(1)</script> | @here **bold**';

function workspace(): string {
  const dir = tempWorkspace({
    // Mon 2 Nov: response 20m of 1h (met), resolution 2h of 8h (met).
    'projects/acme/incidents/INC-1.yaml': incident('INC-1', 'P2', '2026-11-02T10:00:00+03:00', at('2026-11-02T10:20:00+03:00', 'acknowledged') + at('2026-11-02T12:00:00+03:00', 'resolved')),
    // Tue 3 Nov: response 1h 30m of 1h (breached by 30m), resolution 7h of 8h (met).
    'projects/acme/incidents/INC-2.yaml': incident('INC-2', 'P2', '2026-11-03T10:00:00+03:00', at('2026-11-03T11:30:00+03:00', 'acknowledged') + at('2026-11-03T17:00:00+03:00', 'resolved'), 'postmortem: pm-2\n'),
    // Thu 15 Oct: 10m of 30m, 3h of 4h: a met month in the trend, not in November's figures.
    'projects/acme/incidents/INC-3.yaml': incident('INC-3', 'P1', '2026-10-15T10:00:00+03:00', at('2026-10-15T10:10:00+03:00', 'acknowledged') + at('2026-10-15T13:00:00+03:00', 'resolved')),
    'projects/acme/postmortems/pm-2.yaml': `kind: postmortem
id: pm-2
incident: INC-2
summary: Slow acknowledgement
root_cause: The alert went to a muted channel
published: 2026-11-04T12:00:00+03:00
action_items:
  - { id: a1, title: Route the alert to the duty phone, owner: oleg, due: 2026-11-10, status: done }
  - { id: a2, title: "${HOSTILE}", owner: anna, due: 2026-11-20, status: open }
`,
    'projects/acme/chains/portal.yaml': `kind: chain
id: portal
project: acme
title: "${HOSTILE}"
deadline: 2026-12-31
tasks:
  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-09, finished: 2026-11-10 }
  - { id: power, title: Power upgrade, department: network, status: blocked, blocked_since: 2026-11-12 }
  - { id: os, title: OS, department: unix, status: todo, depends_on: [vlan] }
`,
    'projects/acme/proposals/redis.yaml': 'kind: proposal\nid: redis\nproject: acme\ntitle: Redis sessions\ntype: improvement\nproposed_by: oleg\nproposed_on: 2026-08-01\nstatus: implemented\nimplemented_on: 2026-11-06\ncustomer_value: Carts survive restarts\n',
    'projects/acme/proposals/waf.yaml': 'kind: proposal\nid: waf\nproject: acme\ntitle: WAF\ntype: risk\nseverity: high\nproposed_by: anna\nproposed_on: 2026-11-18\nstatus: proposed\n',
    'projects/acme/project.yaml': 'kind: project\nid: acme\nname: ACME landing\nclient: ACME\ntam: anna\ndocs:\n  - { path: docs/runbook.md, title: Runbook, reviewed: 2026-09-03, review_every: 90d }\n',
  });
  dirs.push(dir);
  return dir;
}

async function report(dir: string, ...args: string[]): Promise<string> {
  const r = await tam(['report', dir, '--project', 'acme', '--month', '2026-11', ...NOW, ...args]);
  assert.equal(r.code, 0, r.err);
  return r.out;
}

test('the SLA of the month: the figures of tam sla --from --to, each incident with its clocks and cause', async () => {
  const dir = workspace();
  const md = await report(dir);
  assert.match(md, /^# Monthly service report — ACME, November 2026\n/);
  // Response met 1 of 2; medians by nearest rank: 20m and 2h; P90 1h 30m and 7h.
  assert.match(md, /\n\| \*\*Total\*\* \| 2 \| 50\.0% \| 20m \| 1h 30m \| 100\.0% \| 2h \| 7h \| 0 \| 1 \|\n/);
  const sla = JSON.parse((await tam(['sla', dir, '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json', ...NOW])).out).totals;
  assert.deepEqual([sla.incidents, sla.responseMetPct, sla.resolutionMetPct, sla.responseMedianMinutes, sla.responseP90Minutes, sla.breaches], [2, 50, 100, 20, 90, 1]);
  assert.match(md, /\n\| `INC-2` Incident INC-2 \| P2 \| 2026-11-03 10:00 \| \*\*breached\*\*: 1h 30m of 1h \| met: 7h of 8h \| hardware: Disk of INC-2 \|\n/);
});

test('the trend: twelve months, each with the figures of tam sla --by month; months without data only in the table', async () => {
  const dir = workspace();
  const md = await report(dir);
  const byMonth = JSON.parse((await tam(['sla', dir, '--by', 'month', '--format', 'json', ...NOW])).out).groups;
  for (const g of byMonth) {
    const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
    assert.match(md, new RegExp(`\\n\\| ${g.key} \\| ${g.incidents} \\| ${pct(g.responseMetPct)} \\| ${pct(g.resolutionMetPct)} \\| ${g.breaches} \\|\\n`), g.key);
  }
  assert.match(md, /\n\| 2025-12 \| 0 \| — \| — \| 0 \|\n/);
  const chart = /```mermaid\n([\s\S]*?)```/.exec(md)![1]!;
  assert.equal(await parseMermaid(chart), 'xychart');
  assert.match(chart, /x-axis \["2026-10", "2026-11"\]\n {2}y-axis "Met %" 0 --> 100\n {2}bar \[100, 50\]\n {2}line \[100, 100\]/);
});

test('the breach with its postmortem and action items; chains, proposals and documents of the month', async () => {
  const md = await report(workspace());
  assert.match(md, /\n### `INC-2` Incident INC-2: response over by 30m\n/);
  assert.match(md, /\n- Postmortem `pm-2`, published 2026-11-04; 1 of 2 action items done\n/);
  assert.match(md, /\n\| Route the alert to the duty phone \| Oleg Ivanov \| 2026-11-10 \| done \|\n/);
  assert.match(md, /\| Anna Smirnova \| 2026-11-20 \| \*\*overdue\*\* \|\n/);
  assert.match(md, /\| on time \| 2026-11-25 \| 2026-12-31 \| Power upgrade \(Network, blocked since 2026-11-12\); OS \(Unix, can start now\) \|\n/);
  assert.match(md, /\n- 2026-11-10: VLAN \(Network\) — `portal`\n/);
  assert.match(md, /\n### Implemented in November 2026\n\n[^\n]*\n[^\n]*\n\| `redis` Redis sessions \| improvement \| implemented \| 2026-08-01 \| Carts survive restarts \|\n/);
  assert.match(md, /\n### Waiting for your decision\n\n[^\n]*\n[^\n]*\n\| `waf` WAF \| risk \(high\) \| proposed \| 2026-11-18 \| — \|\n/);
  assert.match(md, /\n\| Runbook \| 2026-09-03 \| 2026-12-02 \| current \|\n/);
});

test('workspace text is inert: escaped in Markdown, entities in HTML, no script, a CSP that allows only the page\'s own style', async () => {
  const dir = workspace();
  const md = await report(dir);
  assert.ok(!md.includes('<script>'), 'raw HTML in the Markdown');
  assert.ok(!/(^|[^\u200b])@here/.test(md.replace(/@\u200b/g, '')), 'an @mention that would notify');
  assert.match(md, /Portal \\<script\\>alert\(1\)\\<\/script\\> \\\| @\u200bhere \\\*\\\*bold\\\*\\\*/);
  const html = await report(dir, '--format', 'html');
  assert.ok(!/<script/i.test(html), 'a script element in the page');
  assert.match(html, /Portal &#60;script&#62;alert\(1\)&#60;\/script&#62; &#124; /);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  const hash = createHash('sha256').update(style).digest('base64');
  assert.match(html, new RegExp(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'; img-src 'none'; base-uri 'none'; form-action 'none'">`));
  assert.ok(!/ style="/.test(html), 'an inline style attribute the CSP would block');
  assert.match(html, /<svg class="chart"[^>]*role="img"/);
  assert.match(html, /@media print/);
});

test('--out writes the file its extension names; bad input exits 2 and writes nothing', async () => {
  const dir = workspace();
  const out = path.join(dir, 'november.html');
  const r = await tam(['report', dir, '--project', 'acme', '--month', '2026-11', '--out', out, ...NOW]);
  assert.equal(r.code, 0, r.err);
  assert.match(fs.readFileSync(out, 'utf8'), /^<!doctype html>/);
  const cases: [string[], RegExp][] = [
    [['--month', '2026-11'], /--project is required/],
    [['--project', 'acme'], /--month is required/],
    [['--project', 'acme', '--month', '2026-13'], /--month must be a month written YYYY-MM, like 2026-11, not "2026-13"/],
    [['--project', 'acmee', '--month', '2026-11'], /no project "acmee" in the workspace; did you mean "acme"\?/],
    [['--project', 'acme', '--month', '2026-11', '--out', path.join(dir, 'tam.yaml')], /must end in \.md or \.markdown for --format markdown/],
    [['--project', 'acme', '--month', '2026-11', '--format', 'html', '--out', path.join(dir, 'r.md')], /must end in \.html or \.htm for --format html/],
    [['--project', 'acme', '--month', '2026-11', '--out', path.join(dir, 'nowhere', 'r.md')], /does not exist/],
  ];
  const before = fs.readFileSync(path.join(dir, 'tam.yaml'), 'utf8');
  for (const [args, message] of cases) {
    const bad = await tam(['report', dir, ...args, ...NOW]);
    assert.equal(bad.code, 2, args.join(' '));
    assert.match(bad.err, message);
  }
  assert.equal(fs.readFileSync(path.join(dir, 'tam.yaml'), 'utf8'), before);
});

test('the sample workspace: Kedr\'s November has every section, with the figures of tam sla on the project\'s folder', async () => {
  const sample = path.join(__dirname, '../../sample-workspace');
  const r = await tam(['report', sample, '--project', 'kedr-retail', '--month', '2026-11', ...NOW]);
  assert.equal(r.code, 0, r.err);
  const totals = JSON.parse((await tam(['sla', path.join(sample, 'projects/kedr-retail'), '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json', ...NOW])).out).totals;
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
  assert.match(r.out, new RegExp(`\\n\\| \\*\\*Total\\*\\* \\| ${totals.incidents} \\| ${pct(totals.responseMetPct)} \\| [^|]+ \\| [^|]+ \\| ${pct(totals.resolutionMetPct)} \\| [^|]+ \\| [^|]+ \\| ${totals.open} \\| ${totals.breaches} \\|\\n`));
  for (const section of ['## 1. SLA in November 2026', '## 2. Trend', '## 3. Breaches', '## 4. Requests', '### Done in November 2026', '## 5. Risks', '### New in November 2026', '## 6. Documentation']) {
    assert.ok(r.out.includes(section), section);
  }
  assert.ok(!r.out.includes('No incidents were opened') && !r.out.includes('No SLA target was missed'));
  assert.equal(await parseMermaid(/```mermaid\n([\s\S]*?)```/.exec(r.out)![1]!), 'xychart');
});
