// `tam plan` and `tam graph` as a user runs them: spec §7 JSON, who a chain waits on, graphs
// that Mermaid's own parser accepts whatever the titles hold, and exit 2 for what cannot run.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';
import { parseMermaid } from '../helpers/mermaid-parse';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

const CHAIN = `kind: chain
id: landscape
project: acme
title: "Landscape <b>for</b> ACME --> %%{init: {}}%%"
deadline: 2026-11-27
tasks:
  - { id: vlan, title: "VLAN [214] \\"quoted\\"", department: network, status: done, started: 2026-11-20, finished: 2026-11-20 }
  - { id: os, title: "end", department: unix, status: todo, estimate: 3d, depends_on: [vlan], due: 2026-11-26 }
  - { id: web, title: "click x call alert(1)", department: unix, status: todo, estimate: 1d, depends_on: [os] }
`;

function workspace(): string {
  const dir = tempWorkspace({ 'projects/acme/chains/landscape.yaml': CHAIN });
  dirs.push(dir);
  return dir;
}

test('tam plan --format json is spec §7', async () => {
  const r = await tam(['plan', workspace(), '--format', 'json', ...NOW]);
  assert.equal(r.code, 0, r.err);
  const chain = JSON.parse(r.out).chains[0];
  // os: Wed 25 – Fri 27 (3d), web: Mon 30.
  assert.deepEqual(
    { id: chain.id, deadline: chain.deadline, forecastFinish: chain.forecastFinish, late: chain.late, criticalPath: chain.criticalPath },
    { id: 'landscape', deadline: '2026-11-27', forecastFinish: '2026-11-30', late: true, criticalPath: ['os', 'web'] },
  );
});

test('tam plan text says who the chain waits on', async () => {
  const r = await tam(['plan', workspace(), ...NOW]);
  assert.match(r.out, /late by 1 working day/);
  assert.match(r.out, /waiting on Unix: os, due 11-26/);
});

test('tam plan --chain with an unknown id is exit 2 with a suggestion', async () => {
  const r = await tam(['plan', workspace(), '--chain', 'landscap', ...NOW]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no chain "landscap" in the workspace; did you mean "landscape"\?/);
});

test('tam graph by id and by file gives a flowchart that Mermaid parses, hostile titles included', async () => {
  const dir = workspace();
  const byId = await tam(['graph', 'landscape', dir, ...NOW]);
  assert.equal(byId.code, 0, byId.err);
  const byFile = await tam(['graph', path.join(dir, 'projects/acme/chains/landscape.yaml'), ...NOW]);
  assert.equal(byFile.out, byId.out);
  assert.equal(await parseMermaid(byId.out), 'flowchart-v2');
  assert.doesNotMatch(byId.out, /<b>|%%\{|^\s*click /m);
  const gantt = await tam(['graph', 'landscape', dir, '--format', 'gantt', ...NOW]);
  assert.equal(await parseMermaid(gantt.out), 'gantt');
});

test('tam graph errors are exit 2', async () => {
  const dir = workspace();
  assert.equal((await tam(['graph', 'nope', dir])).code, 2);
  assert.equal((await tam(['graph', path.join(dir, 'org/people.yaml')])).code, 2);
  assert.equal((await tam(['graph'])).code, 2);
});
