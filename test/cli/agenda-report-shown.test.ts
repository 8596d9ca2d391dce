// The hostile workspace (test/helpers/hostile-workspace.ts) through `tam agenda`, `tam proposals`
// and `tam report`: no control character from it reaches a terminal, a Markdown page or the
// HTML report; JSON keeps the exact values; the HTML page holds the hostile text as text only.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';
import { HOSTILE, HOSTILE_FILES, HOSTILE_YAML, rawControls, SHOWN_START } from '../helpers/hostile-workspace';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dir = tempWorkspace({
  ...HOSTILE_FILES,
  'projects/acme/proposals/evil.yaml': `kind: proposal\nid: evil\nproject: acme\ntitle: "${HOSTILE_YAML}"\ntype: risk\nproposed_by: anna\nproposed_on: 2026-10-01\nstatus: proposed\ncustomer_value: "${HOSTILE_YAML}"\n`,
});
after(() => removeTemp(dir));

async function run(...args: string[]): Promise<string> {
  // The register does not depend on the time: it takes no --now.
  const r = await tam(args[0] === 'proposals' ? args : [...args, ...NOW]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(rawControls(r.out, { crlf: args.includes('csv') }), [], args.join(' '));
  return r.out;
}

/** Markdown outside its Mermaid blocks: the hostile text escaped, never acted on. */
function assertMarkdownSafe(md: string): void {
  const text = md.replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
  assert.match(text, /\\<script\\>alert\(1\)\\<\/script\\>/);
  assert.doesNotMatch(text, /(?<!\\)<script/);
  assert.doesNotMatch(text, /@someone/);
  for (const table of text.split(/\n(?!\|)/).filter((b) => b.startsWith('|'))) {
    const rows = table.split('\n');
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    for (const row of rows) assert.equal(cells(row), cells(rows[0]!), row);
  }
}

test('agenda: text and Markdown show the hostile titles inert; JSON keeps them exact', async () => {
  const text = await run('agenda', dir);
  assert.ok(text.includes(SHOWN_START), text);
  assertMarkdownSafe(await run('agenda', dir, '--format', 'markdown'));
  const json = JSON.parse(await run('agenda', dir, '--format', 'json'));
  const breach = json.items.find((i: { type: string }) => i.type === 'sla-breach');
  assert.ok(breach.message.includes(HOSTILE), 'the exact title in the JSON message');
  assert.ok(json.items.some((i: { type: string }) => i.type === 'chain-at-risk'));
});

test('proposals: every format', async () => {
  assert.ok((await run('proposals', dir)).includes(SHOWN_START));
  assertMarkdownSafe(await run('proposals', dir, '--format', 'markdown'));
  const csv = await run('proposals', dir, '--format', 'csv');
  assert.equal(csv.split('\r\n').length, 3, 'a header, one proposal, the final line end: no cell broke a row');
  assert.equal(JSON.parse(await run('proposals', dir, '--format', 'json')).proposals[0].title, HOSTILE);
});

test('report: Markdown escaped; the HTML page runs nothing and shows the text as text', async () => {
  assertMarkdownSafe(await run('report', dir, '--project', 'acme', '--month', '2026-11'));
  const html = await run('report', dir, '--project', 'acme', '--month', '2026-11', '--format', 'html');
  const doc = new JSDOM(html).window.document;
  assert.equal(doc.querySelectorAll('script, iframe, object, embed, img, link, a[href]').length, 0);
  assert.ok([...doc.querySelectorAll('*')].every((el) => [...el.attributes].every((a) => !a.name.startsWith('on'))), 'no event handler attribute');
  assert.ok(doc.body.textContent!.includes('<script>alert(1)</script>'), 'the title reads as text');
  assert.ok(doc.title.includes(SHOWN_START.slice(0, 8)));
});
