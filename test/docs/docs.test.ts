// `tam docs`: pages per project with relative links and graphs Mermaid accepts, written only
// inside a folder of its own.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';
import { parseMermaid } from '../helpers/mermaid-parse';
import { BEFORE, mermaidBlocks, NOW } from '../review/fixtures';

const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-docs-'));
  dirs.push(dir);
  return dir;
}

/** The fixture workspace, with hostile text in a title and a risk to show. */
function workspace(): string {
  const dir = tempWorkspace({
    ...BEFORE,
    'projects/acme/project.yaml': `${BEFORE['projects/acme/project.yaml']}contacts:\n  - { name: "Ivan | <b>Petrov</b>", role: decision_maker, email: ivan@acme.example }\n`,
    'projects/acme/proposals/ddos.yaml': `kind: proposal
id: ddos
project: acme
title: "DDoS probes | <script>alert(1)</script> \`rm\`"
type: risk
severity: high
proposed_by: oleg
proposed_on: 2026-11-10
status: proposed
`,
    'projects/acme/proposals/old.yaml': `kind: proposal
id: old
project: acme
title: Retired idea
type: improvement
proposed_by: oleg
proposed_on: 2026-01-10
status: rejected
`,
    'projects/beta/project.yaml': 'kind: project\nid: beta\nname: Beta\nclient: Beta LLC\ntam: anna\n',
  });
  dirs.push(dir);
  return dir;
}

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();
}

test('tam docs writes an index and a page per project, linked by relative paths', async () => {
  const out = path.join(temp(), 'site');
  const r = await tam(['docs', workspace(), '--out', out, ...NOW]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Wrote 3 pages to .*site.: index.md and 2 project pages.\n$/);
  assert.deepEqual(files(out), ['.tam-docs.json', 'index.md', 'projects/acme.md', 'projects/beta.md']);

  const index = fs.readFileSync(path.join(out, 'index.md'), 'utf8');
  assert.match(index, /^# Test provider\n/);
  assert.match(index, /\| \[ACME landing\]\(projects\/acme.md\) \| ACME \| Anna Smirnova \(`anna`\) \| 1 \| 1 \| 2 \| 1 \|/);
  assert.match(index, /### SLA by project \(Europe\/Moscow\)/);
  const acme = fs.readFileSync(path.join(out, 'projects/acme.md'), 'utf8');
  assert.match(acme, /^# ACME landing\n\n\[← All projects\]\(\.\.\/index.md\)\n/);
  // Every link is relative and leads to a page that was written.
  for (const [page, text] of [['index.md', index], ['projects/acme.md', acme]] as const) {
    for (const [, target] of text.matchAll(/\]\(([^)]+\.md)\)/g)) {
      assert.ok(!path.isAbsolute(target!) && fs.existsSync(path.join(out, path.dirname(page), target!)), `${page} → ${target}`);
    }
  }
});

test('a project page has its departments, contacts, chains, SLA, risks and documentation freshness', async () => {
  const out = path.join(temp(), 'site');
  assert.equal((await tam(['docs', workspace(), '--out', out, ...NOW])).code, 0);
  const acme = fs.readFileSync(path.join(out, 'projects/acme.md'), 'utf8');
  assert.match(acme, /## Departments\n\n\| Department \| Lead \| Calendar \|\n.*\n\| Network \(`network`\) \| — \| `msk` \|\n\| Unix \(`unix`\) \| — \| `msk` \|/);
  assert.match(acme, /## Contacts\n\n.*\n.*\n\| Ivan \\\| \\<b\\>Petrov\\<\/b\\> \| decision maker \| ivan@acme.example \| — \|/);
  assert.match(acme, /### Landscape for ACME\n\n`landscape`\n\nForecast to finish 2026-11-30; deadline 2026-12-04: on time. Critical path: `os` → `web`./);
  assert.match(acme, /\| `os` OS install \| Unix \| todo \| Anna Smirnova \(`anna`\) \| 2026-11-25 \| 2026-11-27 \| — \| critical \|/);
  assert.match(acme, /## SLA\n\n### SLA by priority \(Europe\/Moscow\)/);
  assert.match(acme, /### Open incidents \(1\)\n\n.*\n.*\n\| `INC-1` Slow checkout \| P2 \| 2026-11-25T09:00:00\+03:00 \| acknowledged \| met 20m \/ 1h \| running 3h \/ 8h, breaches at 2026-11-25 17:00 \|\n\nTimes are on the Europe\/Moscow clock\./);
  assert.match(acme, /\| `pm-1` \| `INC-0` \| Replace optics \| Oleg Ivanov \(`oleg`\) \| 2026-11-30 \|/);
  // Open risks first; closed proposals collapsed.
  assert.match(acme, /## Open risks and proposals\n\n.*\n.*\n\| `ddos` DDoS probes \\\| \\<script\\>alert\(1\)\\<\/script\\> \\`rm\\` \| risk \| high \| proposed \|.*\n\| `cdn` Put a CDN/);
  assert.match(acme, /<summary>Closed proposals \(1\)<\/summary>\n\n.*\n.*\n\| `old` Retired idea \| improvement \| — \| rejected \|/);
  assert.match(acme, /\| Network overview \| `docs\/network.md` \| Oleg Ivanov \(`oleg`\) \| 2026-01-10 \| 180d \| 2026-07-09 \| ⚠️ \*\*stale\*\* \(319 days since review\) \|/);
  assert.match(acme, /\| Runbook \| `docs\/runbook.md` \| Anna Smirnova \(`anna`\) \| 2026-11-01 \| 90d \| 2027-01-30 \| current \|/);
  assert.doesNotMatch(acme.replace(/^```mermaid\n[\s\S]*?^```$/gm, ''), /(?<!\\)<(script|b>)/);
});

test('every Mermaid graph of the pages passes Mermaid\'s parser, the sample workspace\'s included', async () => {
  const out = path.join(temp(), 'site');
  const sample = path.join(__dirname, '../../sample-workspace');
  assert.equal((await tam(['docs', sample, '--out', out, ...NOW])).code, 0);
  const fixture = path.join(temp(), 'fixture');
  assert.equal((await tam(['docs', workspace(), '--out', fixture, ...NOW])).code, 0);
  let graphs = 0;
  for (const dir of [out, fixture]) {
    for (const page of files(dir).filter((f) => f.endsWith('.md'))) {
      for (const block of mermaidBlocks(fs.readFileSync(path.join(dir, page), 'utf8'))) {
        assert.equal(await parseMermaid(block), 'flowchart-v2', page);
        graphs++;
      }
    }
  }
  assert.ok(graphs >= 9, `${graphs} graphs`);
});

test('--out must be a folder of its own: not the workspace, not among its entity files, not someone else\'s folder', async () => {
  const ws = workspace();
  const before = files(ws);
  for (const out of [ws, path.dirname(ws), path.join(ws, 'projects'), path.join(ws, 'org/site'), path.join(ws, 'projects/acme/docs')]) {
    const r = await tam(['docs', ws, '--out', out, ...NOW]);
    assert.equal(r.code, 2, out);
    assert.match(r.err, /--out ".*" (holds the workspace itself|is inside the workspace's (org|projects)\/ folder)/);
  }
  const foreign = temp();
  fs.writeFileSync(path.join(foreign, 'index.md'), '# My own notes\n');
  const r = await tam(['docs', ws, '--out', foreign, ...NOW]);
  assert.equal(r.code, 2);
  assert.match(r.err, /already holds other files/);
  assert.equal(fs.readFileSync(path.join(foreign, 'index.md'), 'utf8'), '# My own notes\n');
  assert.equal((await tam(['docs', ws, ...NOW])).code, 2, '--out is required');
  // A folder of the workspace outside org/ and projects/ is fine, and nothing else is written.
  assert.equal((await tam(['docs', ws, '--out', path.join(ws, 'site'), ...NOW])).code, 0);
  assert.deepEqual(files(ws).filter((f) => !f.startsWith('site/')), before);
});

test('running again rewrites the folder it wrote, removing the pages of projects that are gone', async () => {
  const ws = workspace();
  const out = path.join(temp(), 'site');
  assert.equal((await tam(['docs', ws, '--out', out, ...NOW])).code, 0);
  fs.writeFileSync(path.join(out, 'extra.md'), 'kept\n');
  fs.rmSync(path.join(ws, 'projects/beta'), { recursive: true });
  assert.equal((await tam(['docs', ws, '--out', out, ...NOW])).code, 0);
  assert.deepEqual(files(out), ['.tam-docs.json', 'extra.md', 'index.md', 'projects/acme.md']);
});

test('a link planted in the output folder does not send a page elsewhere', async () => {
  const ws = workspace();
  const out = path.join(temp(), 'site');
  assert.equal((await tam(['docs', ws, '--out', out, ...NOW])).code, 0);
  const victim = path.join(temp(), 'victim.md');
  fs.writeFileSync(victim, 'untouched\n');
  fs.rmSync(path.join(out, 'index.md'));
  fs.symlinkSync(victim, path.join(out, 'index.md'));
  assert.equal((await tam(['docs', ws, '--out', out, ...NOW])).code, 0);
  assert.equal(fs.readFileSync(victim, 'utf8'), 'untouched\n');
  assert.equal(fs.lstatSync(path.join(out, 'index.md')).isFile(), true);
});
