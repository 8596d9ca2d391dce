// A hostile workspace (test/helpers/hostile-workspace.ts) through every command and format of
// `tam`: no control character from it reaches the output — it is shown, as `\u001b` — Markdown
// carries the escapes, JUnit is well-formed XML, GitHub output is one workflow command per
// diagnostic, JSON keeps the exact values, and with colour on the only escape sequences are
// the renderer's own colours.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { main } from '../../server/src/cli/main';
import { TempRepo } from '../git/temp-repo';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';
import { HOSTILE, HOSTILE_FILE, HOSTILE_FILES, RAW_LINE, rawControls, SHOWN_START } from '../helpers/hostile-workspace';
import { parseMermaid } from '../helpers/mermaid-parse';
import { BASE } from '../helpers/workspace';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dir = tempWorkspace(HOSTILE_FILES);
const site = `${dir}-site`;
const repo = new TempRepo();
after(() => {
  removeTemp(dir);
  removeTemp(site);
  repo.remove();
});

async function run(...args: string[]): Promise<string> {
  const r = await tam([...args, ...NOW]);
  assert.ok(r.code === 0 || (r.code === 1 && args[0] === 'validate'), `exit ${r.code}: ${r.err}`);
  return r.out;
}

/** The same diagnostics as --format json, to count what the other formats must hold. */
async function diagnostics(): Promise<{ severity: string; message: string; file: string }[]> {
  return JSON.parse(await run('validate', dir, '--format', 'json')).diagnostics;
}

/** Markdown the reader sees, outside the Mermaid blocks (which have their own escape). */
function prose(md: string): string {
  return md.replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
}

/** What every Markdown output must show for the hostile text: escaped, not acted on. */
function assertMarkdownSafe(md: string): void {
  assert.deepEqual(rawControls(md), []);
  const text = prose(md);
  assert.match(text, /net\\\\u001b\\\[31mRED/, 'the value is shown, its escape visible');
  assert.match(text, /\\<script\\>alert\(1\)\\<\/script\\>/);
  assert.doesNotMatch(text, /(?<!\\)<script/);
  assert.match(text, /@\u200bsomeone/);
  assert.doesNotMatch(text, /@someone/);
  assert.match(text, /\\`tick\\`/);
  assert.match(text, / &amp; %0A/);
  assert.doesNotMatch(text, /(?<!\\)\]\(https:\/\/evil/, 'no link to the page the title names');
  // Every table row has as many unescaped pipes as its header: no cell was split.
  for (const table of text.split(/\n(?!\|)/).filter((b) => b.startsWith('|'))) {
    const rows = table.split('\n');
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    for (const row of rows) assert.equal(cells(row), cells(rows[0]!), row);
  }
}

describe('tam validate', () => {
  test('text: messages, paths and source lines show control characters as escapes', async () => {
    const out = await run('validate', dir);
    assert.deepEqual(rawControls(out), []);
    assert.ok(out.includes(`unknown department "${SHOWN_START}`), out);
    assert.ok(out.includes('INC-\\u001b[41mX.yaml'), 'the file name, shown');
    assert.ok(out.includes('\\rOVERWRITE \\u202eevil\\u202c \\u2066iso\\u2069 nul\\u0000'));
  });

  test('text: the marker stays under the value when an escape before it widens the line', async () => {
    const out = (await run('validate', dir)).split('\n');
    const frame = out.findIndex((l) => l.includes('| ') && l.includes('"\\u202eraw bidi here", department: nowhere'));
    assert.ok(frame > 0, 'the source line is shown with its bidi override visible and its tab as a space');
    const source = out[frame]!;
    const marker = out[frame + 1]!;
    // Both lines have the same gutter ("  nnnnn | ", "        | "), so columns compare directly.
    assert.equal(marker.indexOf('^'), source.indexOf('nowhere'));
    assert.equal(marker.trimEnd().length - marker.indexOf('^'), 'nowhere'.length);
    assert.equal(RAW_LINE.indexOf('nowhere'), source.indexOf('nowhere') - 10 - 5, 'the override shifted it by five');
  });

  test('text with colour on: the only escape sequences are the renderer\'s own colours', async () => {
    let out = '';
    const code = await main(['validate', dir, ...NOW], { out: (t) => void (out += t), err: () => undefined, cwd: process.cwd(), color: true });
    assert.equal(code, 1);
    const own = /\u001b\[(?:1|2|4|22|24|31|32|33|36|39)m/g;
    assert.ok((out.match(own) ?? []).length > 10, 'colour is on');
    assert.deepEqual(rawControls(out.replace(own, '')), []);
    assert.ok(out.includes(SHOWN_START));
  });

  test('json: the exact values, and no raw control character in the bytes', async () => {
    const out = await run('validate', dir, '--format', 'json');
    assert.deepEqual(rawControls(out), []);
    const list = JSON.parse(out).diagnostics as { file: string; message: string }[];
    assert.ok(list.some((d) => d.message === `unknown department "${HOSTILE}"; did you mean "evil"?`));
    assert.ok(list.some((d) => d.file === HOSTILE_FILE));
  });

  test('sarif: messages shown as plain text, brackets escaped so no embedded link', async () => {
    const out = await run('validate', dir, '--format', 'sarif');
    assert.deepEqual(rawControls(out), []);
    const messages = JSON.parse(out).runs[0].results.map((r: { message: { text: string } }) => r.message.text) as string[];
    const unknown = messages.find((m) => m.startsWith('unknown department "net'))!;
    assert.ok(unknown.startsWith('unknown department "net\\u001b\\[31mRED'), unknown);
    assert.ok(unknown.includes('\\[x\\](https://evil.example)'));
    for (const m of messages) assert.deepEqual(rawControls(m), []);
  });

  test('junit: well-formed XML whose texts read as shown', async () => {
    const out = await run('validate', dir, '--format', 'junit');
    assert.deepEqual(rawControls(out), []);
    const doc = new new JSDOM('').window.DOMParser().parseFromString(out, 'application/xml');
    assert.equal(doc.getElementsByTagName('parsererror').length, 0);
    const all = await diagnostics();
    assert.equal(doc.documentElement.getAttribute('failures'), String(all.filter((d) => d.severity === 'error').length));
    const failures = [...doc.getElementsByTagName('failure')].map((f) => f.getAttribute('message')!);
    assert.ok(failures.some((m) => m.startsWith(`unknown department "${SHOWN_START}`) && m.includes('<script>alert(1)</script>')));
    assert.ok([...doc.getElementsByTagName('testsuite')].some((s) => s.getAttribute('name')!.endsWith('INC-\\u001b[41mX.yaml')));
  });

  test('github: exactly one workflow command per diagnostic, the value\'s own %0A and ::error:: inert', async () => {
    const out = await run('validate', dir, '--format', 'github');
    assert.deepEqual(rawControls(out), []);
    const lines = out.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, (await diagnostics()).length);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=tam [a-z-]+::/);
    const unknown = lines.find((l) => l.includes('unknown department "net'))!;
    assert.ok(unknown.includes(`"${SHOWN_START}`));
    assert.ok(unknown.includes('& %250A ::error::pwned'), 'a literal %0A stays literal after the runner decodes');
    assert.ok(lines.some((l) => l.includes('file=../') && l.includes('INC-\\u001b[41mX.yaml,line=')));
  });

  test('gitlab: descriptions shown as plain text, one issue per diagnostic, valid JSON', async () => {
    const out = await run('validate', dir, '--format', 'gitlab');
    assert.deepEqual(rawControls(out), []);
    const issues = JSON.parse(out) as { description: string }[];
    assert.equal(issues.length, (await diagnostics()).length);
    const unknown = issues.find((i) => i.description.startsWith('unknown department "net'))!;
    assert.ok(unknown.description.startsWith(`unknown department "${SHOWN_START}`), unknown.description);
    for (const issue of issues) assert.deepEqual(rawControls(issue.description), []);
  });
});

describe('tam plan, graph and sla', () => {
  test('plan text: titles, department names and ids shown; json exact', async () => {
    const out = await run('plan', dir);
    assert.deepEqual(rawControls(out), []);
    assert.ok(out.startsWith(`hostile — ${SHOWN_START}`), out);
    assert.match(out, /waiting on net\\u001b\[31mRED.*: second/);
    const json = await run('plan', dir, '--format', 'json');
    assert.deepEqual(rawControls(json), []);
    assert.equal(JSON.parse(json).chains.find((c: { id: string }) => c.id === 'hostile').title, HOSTILE);
  });

  test('graph: Mermaid entity codes for everything, control characters shown first', async () => {
    for (const format of ['mermaid', 'gantt']) {
      const out = await run('graph', 'hostile', dir, '--format', format);
      assert.deepEqual(rawControls(out), []);
      assert.ok(out.includes('et#92;u001b#91;31mRED'), out);
      assert.doesNotMatch(out, /<script|%%|::error/);
      assert.ok(await parseMermaid(out));
    }
  });

  test('sla table, markdown, csv and json', async () => {
    const table = await run('sla', dir);
    assert.deepEqual(rawControls(table), []);
    assert.ok(table.includes(SHOWN_START));
    assertMarkdownSafe(await run('sla', dir, '--format', 'markdown'));
    const csv = await run('sla', dir, '--format', 'csv');
    assert.deepEqual(rawControls(csv, { crlf: true }), []);
    assert.equal(csv.split('\r\n').length, 3, 'a header, one incident, the final line end: no cell broke a row');
    assert.ok(csv.includes(SHOWN_START));
    const json = await run('sla', dir, '--format', 'json');
    assert.deepEqual(rawControls(json), []);
    assert.equal(JSON.parse(json).incidents[0].title, HOSTILE);
  });
});

describe('tam docs and tam review: Markdown for pages and pull requests', () => {
  test('docs: every page escaped', async () => {
    const out = await run('docs', dir, '--out', site);
    assert.deepEqual(rawControls(out), []);
    for (const page of ['index.md', 'projects/acme.md']) assertMarkdownSafe(fs.readFileSync(path.join(site, page), 'utf8'));
  });

  test('review: the comment escaped, the json exact', async () => {
    repo.write(BASE).commit('base');
    repo.write(HOSTILE_FILES);
    const md = await tam(['review', '--base', 'main', repo.dir, ...NOW]);
    assert.equal(md.code, 0, md.err);
    assertMarkdownSafe(md.out);
    assert.match(md.out, /<summary>Task graph of hostile after the change<\/summary>/);
    const json = await tam(['review', '--base', 'main', repo.dir, ...NOW, '--format', 'json']);
    assert.deepEqual(rawControls(json.out), []);
    assert.equal(JSON.parse(json.out).chains.find((c: { id: string }) => c.id === 'hostile').title, HOSTILE);
  });
});

test('errors that quote the user or the workspace show their control characters', async () => {
  const r = await tam(['plan', dir, '--chain', 'x\u001b]0;pwned\u0007', ...NOW]);
  assert.equal(r.code, 2);
  assert.deepEqual(rawControls(r.err), []);
  assert.match(r.err, /no chain "x\\u001b\]0;pwned\\u0007"/);
  const unknown = await tam(['\u001b[2Jvalidate']);
  assert.equal(unknown.code, 2);
  assert.deepEqual(rawControls(unknown.err), []);
});
