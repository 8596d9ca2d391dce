// The fast locator (js-yaml events) and the precise one (`yaml` nodes) must give the same
// span for every key and value of every file: the sample workspace, a generated workspace,
// and hand-written corner cases.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Node } from 'yaml';
import { Locator, spanAt } from '../../../server/src/core/workspace/locate';
import { parsePrecise } from '../../../server/src/core/workspace/parse';
import { generateWorkspace } from '../../../bench/generate';
import { allPaths } from '../../helpers/yaml-paths';

/** `yaml` counts a block collection's last line break as its own; the text shown is the same. */
function trimmed(text: string, span: ReturnType<typeof spanAt> | undefined) {
  if (!span) return span;
  const trim = (r?: [number, number]): [number, number] | undefined => {
    if (!r) return r;
    let e = r[1];
    while (e > r[0] && /\s/.test(text[e - 1]!)) e--;
    return [r[0], e];
  };
  // Of a collection only the start is used (the locator shows its first line); `yaml` and
  // js-yaml disagree on whether a comment after its last item belongs to it.
  const value = span.collection && span.value ? [span.value[0]] : trim(span.value);
  return { ...span, key: trim(span.key), value };
}

function assertAgree(text: string, name: string): number {
  const precise = parsePrecise(text);
  const fast = new Locator(text);
  let checked = 0;
  precise.docs.forEach((doc, d) => {
    for (const p of allPaths(doc.contents as Node)) {
      const expected = trimmed(text, spanAt(doc, p));
      const actual = trimmed(text, fast.span(d, p));
      assert.deepEqual(actual, expected, `${name} doc ${d} path ${p.join('.')}`);
      checked++;
    }
  });
  return checked;
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
}

test('fast and precise spans agree on every node of the sample workspace', () => {
  let checked = 0;
  for (const file of yamlFiles(path.join(__dirname, '../../../sample-workspace'))) checked += assertAgree(fs.readFileSync(file, 'utf8'), file);
  assert.ok(checked > 3000, `${checked} nodes`);
});

test('fast and precise spans agree on a generated workspace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-locate-'));
  try {
    generateWorkspace(dir, { incidents: 200, chains: 20, longChainTasks: 50, seed: 3 });
    for (const file of yamlFiles(dir)) assertAgree(fs.readFileSync(file, 'utf8'), file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('fast and precise spans agree on corner cases', () => {
  const cases = [
    'a: 1 # comment\nb: "quoted # not a comment"\nc: \'single\'\n',
    'a:\n  - [x, y, {z: 1}]\n  - {p: [1, 2]}\n  -   spaced\n',
    'a: |\n  block\n  text\nb: >-\n  folded\nc: after\n',
    'a:\nb: ~\nc: null\nd: ""\n',
    '---\na: 1\n---\nb: [1,\n  2]\n',
    'key with spaces: v\n"quoted key": w\n? complex\n: value\n',
    'a: plain scalar\n  continued on the next line\nb: 2\n',
    'list:\n- a\n- b:\n    c: 1\n',
    'a: !!str 12\nb: !custom x\n',
    'ünïcode: "значение"\nemoji: "🚀 launch"\n',
    'a:   \n  # comment before value\n  value\n',
    'tabs:\t"x"\n',
  ];
  for (const text of cases) assertAgree(text, JSON.stringify(text));
});
