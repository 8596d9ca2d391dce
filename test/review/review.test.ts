// `tam review` on real temporary git repositories: every kind of change in meaning named, text
// from the workspace escaped, graphs Mermaid accepts, and exit 2 outside git.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { Review } from '../../server/src/core/review/review';
import { TempRepo } from '../git/temp-repo';
import { tam } from '../helpers/cli';
import { mermaidModel, parseMermaid } from '../helpers/mermaid-parse';
import { BEFORE, CHANGES, mermaidBlocks, NOW } from './fixtures';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

/** A repository with BEFORE committed on main and the pull request's changes in the working tree. */
function pullRequest(options: { commit?: boolean; folder?: string } = {}): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  const at = (files: Record<string, string | null>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [options.folder ? `${options.folder}/${k}` : k, v]));
  r.write(at(BEFORE)).commit('base');
  r.write(at(CHANGES));
  if (options.commit) {
    r.git('checkout', '-q', '-b', 'pr');
    r.commit('the pull request');
  }
  return r;
}

async function review(r: TempRepo, ...args: string[]) {
  const result = await tam(['review', '--base', 'main', r.dir, ...NOW, ...args]);
  assert.equal(result.code, 0, result.err);
  return result.out;
}

test('the review names every kind of change a pull request makes', async () => {
  const md = await review(pullRequest());

  // Summary line first, with what needs attention.
  const summary = md.split('\n').find((l) => l.startsWith('Changes in meaning'));
  assert.match(summary!, /since `main` \(`[0-9a-f]{7}`\): \*\*1 chain, 2 incidents, 1 postmortem, 1 proposal, 2 documents\*\* changed/);
  assert.match(summary!, /⚠️ 1 chain becomes late · ⚠️ 1 SLA breach introduced · ❌ 1 error introduced/);
  // "Now" on the workspace's clock, naming the zone (09:00 UTC is noon in Moscow).
  assert.match(md, /computed at 2026-11-25 12:00 \(Europe\/Moscow\) on both sides/);

  // The chain: tasks added, removed, re-assigned; status, estimate, date and dependency changes.
  assert.match(md, /#### `landscape` Landscape for ACME · changed/);
  assert.match(md, /\| `db` DB \\\| \\<script\\>alert\(1\)\\<\/script\\> \\`x\\` \| \*\*added\*\*: network, todo, 4d, assignee `ghost` \|/);
  assert.match(md, /\| `old` Old task \| \*\*removed\*\* \(network, todo, 1d\) \|/);
  assert.match(md, /\| `os` OS install \| \*\*re-assigned\*\*; assignee: anna → oleg; status: todo → in progress; estimate: 3d → 2d; due: — → 2026-11-27; started: — → 2026-11-25 \|/);
  assert.match(md, /\| `web` Web server \| depends on: \+`db` \|/);
  // Deadline, forecast and lateness before → after, and the critical path.
  assert.match(md, /\| Deadline \| 2026-12-04 \| 2026-11-27 \| changed \|/);
  assert.match(md, /\| Forecast finish \| 2026-11-30 \| 2026-12-01 \| changed \|/);
  assert.match(md, /\| Lateness \| on time \| \*\*late by 2 working days\*\* \| changed \|/);
  assert.match(md, /\| Critical path \| `os` → `web` \| `db` → `web` \| changed \|/);

  // Incidents: a new one breaching its response, a status change that stops a clock.
  assert.match(md, /\| `INC-1` Slow checkout \| P2 \| acknowledged → resolved \| met 20m \/ 1h \| running 3h \/ 8h → met 2h \/ 8h \| \+1 timeline entry \|/);
  assert.match(md, /\| `INC-2` Shop down \\\| \\<img src=x onerror=alert\(1\)\\> \| P1 \| opened \| \*\*breached\*\* 2h \/ 30m \| running 2h \/ 4h \| \*\*new\*\*; ⚠️ response SLA breached \|/);
  // INC-0 changed only because its postmortem was published: its file did not change, so it is not listed...
  // ...but the postmortem is: published, one action item closed and one opened.
  assert.match(md, /\| `pm-1` \| `INC-0` \| \*\*published\*\* 2026-11-21T10:00:00\+03:00; 1 action item opened; 1 action item closed \|/);
  assert.match(md, /\| `pm-1` \/ `a3` Spare optics on site \| `anna` \| 2026-12-15 \| opened \|/);
  assert.match(md, /\| `pm-1` \/ `a1` Replace optics \| `oleg` \| 2026-11-30 \| \*\*closed\*\* \|/);

  // Proposals whose status changed.
  assert.match(md, /\| `cdn` Put a CDN in front of the shop \| `acme` \| improvement \| proposed → \*\*accepted\*\* \| decided on: — → 2026-11-24 \|/);

  // Documents reviewed, and documents gone stale.
  assert.match(md, /\| `acme` \| Network overview \(`docs\/network.md`\) \| current, next review 2027-05-19 \| reviewed 2026-11-20 \(was 2026-01-10\); ✅ now current \|/);
  assert.match(md, /\| `acme` \| Runbook \(`docs\/runbook.md`\) \| \*\*stale\*\*, next review 2026-11-15 \| review every 90d → 14d; ⚠️ went stale \|/);

  // Diagnostics introduced and fixed, by rule, file and message.
  const introduced = section(md, '#### Introduced by this change');
  assert.match(introduced, /❌ error \| `unknown-reference` \| `projects\/acme\/chains\/landscape.yaml:10` \| unknown person "ghost"/);
  assert.match(introduced, /`deadline-at-risk`/);
  assert.match(introduced, /`sla-breach` \| `projects\/acme\/incidents\/INC-2.yaml:6`/);
  assert.match(introduced, /`stale-doc` .* "Runbook"/);
  const fixed = section(md, '#### Fixed by this change');
  assert.match(fixed, /`missing-postmortem` \| `projects\/acme\/incidents\/INC-0.yaml:7`/);
  assert.match(fixed, /`stale-doc` .* "Network overview"/);
});

test('incidents whose clocks a policy change moves are listed, though their files did not change', async () => {
  const r = new TempRepo();
  repos.push(r);
  r.write(BEFORE).commit('base');
  r.write({ 'org/sla.yaml': BEFORE['org/sla.yaml']!.replace('P2: { response: 1h, resolution: 8h }', 'P2: { response: 1h, resolution: 1h30m }') });
  const md = await review(r);
  assert.match(md, /\| `INC-0` Uplink flapping \| P2 \| resolved \| met 10m \/ 1h \| met 2h \/ 8h → \*\*breached\*\* 2h \/ 1h 30m \| ⚠️ resolution SLA breached \|/);
  assert.match(md, /\| `INC-1` Slow checkout \| P2 \| acknowledged \| met 20m \/ 1h \| running 3h \/ 8h → \*\*breached\*\* 3h \/ 1h 30m \| ⚠️ resolution SLA breached \|/);
  assert.match(md, /\| sla-policy \| `standard` \| changed: `targets` \|/);
  assert.match(md, /⚠️ 2 SLA breaches introduced/);
});

test('every Mermaid graph in the review passes Mermaid\'s parser and outlines the edited tasks', async () => {
  const md = await review(pullRequest());
  const blocks = mermaidBlocks(md);
  assert.equal(blocks.length, 1);
  assert.equal(await parseMermaid(blocks[0]!), 'flowchart-v2');
  const model = await mermaidModel(blocks[0]!);
  assert.equal(model.type, 'flowchart');
  if (model.type !== 'flowchart') return;
  const outlined = model.nodes.filter((n) => n.classes.includes('reviewChanged')).map((n) => n.text.split('<br>')[1]);
  assert.deepEqual(outlined.sort(), ['db · to do', 'os · in progress', 'web · to do']);
  assert.ok(model.nodes.some((n) => n.text.startsWith('DB | <script>alert(1)</script> `x`')), 'the title reaches the graph as text');
  assert.match(md, /<details>\n<summary>Task graph of landscape after the change \(added or edited tasks outlined in purple\)<\/summary>\n\n```mermaid\n/);
});

test('text from the workspace cannot inject HTML, break a table or mention anyone', async () => {
  const md = await review(pullRequest());
  const outsideCode = md.replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
  assert.doesNotMatch(outsideCode, /(?<!\\)<(script|img)/);
  assert.match(outsideCode, /\\<script\\>/);
  // Every table row has as many unescaped pipes as its header.
  for (const table of outsideCode.split(/\n(?!\|)/).filter((b) => b.startsWith('|'))) {
    const rows = table.split('\n');
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    for (const row of rows) assert.equal(cells(row), cells(rows[0]!), row);
  }
});

test('--format json is the review as data', async () => {
  const json: Review = JSON.parse(await review(pullRequest(), '--format', 'json'));
  assert.equal(json.base.ref, 'main');
  assert.match(json.base.commit, /^[0-9a-f]{40}$/);
  assert.equal(json.now, '2026-11-25T09:00:00.000Z');
  assert.equal(json.zone, 'Europe/Moscow');
  assert.deepEqual(json.summary, {
    changed: true,
    chains: 1,
    incidents: 2,
    postmortems: 1,
    proposals: 1,
    documents: 2,
    entities: 0,
    chainsBecomingLate: 1,
    breachesIntroduced: 1,
    // INC-2's response breach, its resolution due within the horizon (sla-at-risk), the late
    // chain's deadline, the task due before its forecast, and the broken reference.
    diagnosticsIntroduced: 5,
    diagnosticsFixed: 2,
    errorsIntroduced: 1,
    errorsFixed: 0,
  });
  const chain = json.chains[0]!;
  assert.deepEqual(chain.forecast.before, { deadline: '2026-12-04', forecastFinish: '2026-11-30', late: false, lateByWorkingDays: 0, criticalPath: ['os', 'web'] });
  assert.deepEqual(chain.forecast.after, { deadline: '2026-11-27', forecastFinish: '2026-12-01', late: true, lateByWorkingDays: 2, criticalPath: ['db', 'web'] });
  assert.deepEqual(chain.tasks.changed.find((t) => t.id === 'web')?.changes, [{ field: 'depends_on', before: ['os'], after: ['os', 'db'] }]);
  assert.match(chain.graph!, /^flowchart LR\n/);
  const inc2 = json.incidents.find((i) => i.id === 'INC-2')!;
  assert.deepEqual([inc2.change, inc2.breachesIntroduced, inc2.clocks.response.after], ['added', ['response'], { state: 'breached', elapsedMinutes: 120, targetMinutes: 30 }]);
  assert.deepEqual(json.diagnostics.fixed.map((d) => d.code), ['missing-postmortem', 'stale-doc']);
  assert.ok(json.diagnostics.introduced.some((d) => d.code === 'sla-at-risk' && d.message.startsWith('resolution is due at 2026-11-25 14:00 Europe/Moscow (2h of working time left')));
  assert.deepEqual(json.files, {
    added: ['projects/acme/incidents/INC-2.yaml'],
    removed: [],
    modified: ['projects/acme/chains/landscape.yaml', 'projects/acme/incidents/INC-1.yaml', 'projects/acme/postmortems/pm-1.yaml', 'projects/acme/project.yaml', 'projects/acme/proposals/cdn.yaml'],
    renamed: [],
  });
});

test('committed changes on a branch read the same as uncommitted ones, and the working tree is left alone', async () => {
  const uncommitted = await review(pullRequest());
  const r = pullRequest({ commit: true });
  const status = r.git('status', '--porcelain');
  const head = r.git('rev-parse', 'HEAD');
  const committed = await review(r);
  assert.equal(committed.replace(/`[0-9a-f]{7}`/, ''), uncommitted.replace(/`[0-9a-f]{7}`/, ''));
  assert.equal(r.git('status', '--porcelain'), status);
  assert.equal(r.git('rev-parse', 'HEAD'), head);
  assert.equal(r.git('branch', '--show-current').trim(), 'pr');
});

test('a workspace in a subfolder of the repository is reviewed against the same subfolder', async () => {
  const r = pullRequest({ folder: 'ops/tam' });
  const result = await tam(['review', '--base', 'main', r.path('ops/tam'), ...NOW, '--format', 'json']);
  assert.equal(result.code, 0, result.err);
  const json: Review = JSON.parse(result.out);
  assert.equal(json.summary.chains, 1);
  assert.deepEqual(json.files.added, ['projects/acme/incidents/INC-2.yaml']);
  // From a folder inside the workspace, the review covers that folder.
  const scoped: Review = JSON.parse((await tam(['review', '--base', 'main', r.path('ops/tam/projects/acme/proposals'), ...NOW, '--format', 'json'])).out);
  assert.deepEqual([scoped.summary.proposals, scoped.summary.chains, scoped.summary.incidents], [1, 0, 0]);
});

test('comments, formatting and key order are no change in meaning', async () => {
  const r = new TempRepo();
  repos.push(r);
  r.write(BEFORE).commit('base');
  r.write({
    'projects/acme/proposals/cdn.yaml': `# Asked for by the customer at the October review.\n${BEFORE['projects/acme/proposals/cdn.yaml']!.replace('title: Put a CDN in front of the shop\ntype: improvement', 'type: improvement\ntitle:   "Put a CDN in front of the shop"')}`,
    'README.md': '# Notes\n',
  });
  const md = await review(r);
  assert.match(md, /^<!-- tam-review -->\n## TAM review\n\n\*\*No changes in meaning\*\* since `main` \(`[0-9a-f]{7}`\)\.\n\n1 workspace file changed, but no chain/);
  const json: Review = JSON.parse(await review(r, '--format', 'json'));
  assert.equal(json.summary.changed, false);
  assert.deepEqual(json.files.modified, ['projects/acme/proposals/cdn.yaml']);
});

test('a renamed file neither fixes nor introduces its diagnostics', async () => {
  const r = new TempRepo();
  repos.push(r);
  r.write(BEFORE).commit('base');
  r.git('mv', 'projects/acme/incidents/INC-0.yaml', 'projects/acme/incidents/uplink.yaml');
  const json: Review = JSON.parse(await review(r, '--format', 'json'));
  assert.deepEqual(json.files.renamed, [{ from: 'projects/acme/incidents/INC-0.yaml', to: 'projects/acme/incidents/uplink.yaml' }]);
  assert.deepEqual(json.diagnostics, { introduced: [], fixed: [] });
  assert.equal(json.summary.changed, false);
});

test('a diagnostic that only moved to another line is neither introduced nor fixed', async () => {
  const r = new TempRepo();
  repos.push(r);
  r.write(BEFORE).commit('base');
  r.write({ 'projects/acme/project.yaml': `# Owned by the ACME TAM.\n# Reviewed quarterly.\n${BEFORE['projects/acme/project.yaml']}` });
  const json: Review = JSON.parse(await review(r, '--format', 'json'));
  assert.deepEqual(json.diagnostics, { introduced: [], fixed: [] });
});

test('not a git repository, an unknown ref, or no --base: exit 2 with a clear message', async () => {
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-nogit-'));
  try {
    fs.writeFileSync(path.join(plain, 'tam.yaml'), 'kind: workspace\nname: Test\n');
    const notGit = await tam(['review', '--base', 'main', plain]);
    assert.equal(notGit.code, 2);
    assert.match(notGit.err, /^tam review: ".*" is not in a git repository: tam review compares the workspace with a git ref\n/);
  } finally {
    fs.rmSync(plain, { recursive: true, force: true });
  }
  const r = pullRequest();
  const unknown = await tam(['review', '--base', 'origin/nope', r.dir]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown git ref "origin\/nope".*fetch-depth: 0/);
  assert.doesNotMatch(unknown.err, /\n\s+at /, 'no stack trace');
  const noBase = await tam(['review', r.dir]);
  assert.equal(noBase.code, 2);
  assert.match(noBase.err, /--base is required/);
  const badFormat = await tam(['review', '--base', 'main', r.dir, '--format', 'html']);
  assert.equal(badFormat.code, 2);
});

test('a review too long for one GitHub comment drops its graphs, then is cut with a note', async () => {
  const { renderReviewMarkdown } = await import('../../server/src/core/render/review');
  const json: Review = JSON.parse(await review(pullRequest(), '--format', 'json'));
  const full = renderReviewMarkdown(json);
  const withoutGraphs = renderReviewMarkdown(json, { maxLength: full.length - 1 });
  assert.equal(mermaidBlocks(withoutGraphs).length, 0);
  assert.match(withoutGraphs, /Graphs are left out/);
  const cut = renderReviewMarkdown(json, { maxLength: 2000 });
  assert.ok(cut.length <= 2000);
  assert.match(cut, /was cut here; run `tam review` locally/);
});

/** The lines of a Markdown section, from its heading to the next heading. */
function section(md: string, heading: string): string {
  const start = md.indexOf(heading);
  assert.notEqual(start, -1, `no section "${heading}"`);
  const next = md.indexOf('\n#', start + heading.length);
  return md.slice(start, next === -1 ? undefined : next);
}
