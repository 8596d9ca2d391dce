// The two parsers agree (js-yaml on the fast path, yaml on the precise one), document
// boundaries are found as the parsers see them, and problems are shown on their own line.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { documentSegments, lineStartsOf, parseYaml } from '../../../server/src/core/workspace/parse';
import { Locator } from '../../../server/src/core/workspace/locate';

/** What the precise parser (`yaml`) makes of a text: the reference the fast path must match. */
function precise(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => d.toJS());
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

test('the fast and the precise parser agree on every file of the sample workspace', () => {
  const files = yamlFilesUnder(path.join(__dirname, '../../../sample-workspace'));
  assert.ok(files.length > 50);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const parsed = parseYaml(text);
    assert.deepEqual(parsed.problems, [], file);
    assert.deepEqual(parsed.docs.map((d) => d.value), precise(text), file);
  }
});

test('the fast and the precise parser agree on the scalars YAML 1.1 and 1.2 read differently', () => {
  const text = [
    'a: yes', 'b: off', 'c: 2026-11-03', 'd: 09:00', 'e: 0o17', 'f: 017', 'g: 1_000', 'h: .inf', 'i: ~', 'j: 0x1F',
    'k: "2026-11-03T09:12:00+03:00"', 'l: 2026-11-03T09:12:00+03:00', 'm: 1e3', 'n: +12', 'o: True', 'p: NULL', 'q: <<', 'r: =',
  ].join('\n');
  assert.deepEqual(parseYaml(text).docs.map((d) => d.value), precise(text));
});

test('document segments match the documents the parser sees', () => {
  const cases = [
    'a: 1\n',
    '---\na: 1\n',
    '# comment\n---\na: 1\n---\nb: 2\n',
    'a: 1\n---\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\n...\n---\nb: 2\n',
    '--- {a: 1}\n--- {b: 2}\n',
    'a: |\n  ---\n  text\n',
  ];
  for (const text of cases) {
    assert.equal(documentSegments(text, lineStartsOf(text)).length, parseAllDocuments(text).length, JSON.stringify(text));
  }
});

test('a syntax problem has a range on one line', () => {
  const parsed = parseYaml('kind: person\nid: x\nname: [unclosed\nother: 1\nmore: 2\n');
  assert.ok(parsed.problems.length > 0);
  for (const p of parsed.problems) assert.equal(p.range.start.line, p.range.end.line);
});

test('locating: a key, a scalar value, a block value by its first line, a missing field at its parent', () => {
  const text = 'kind: chain\nid: c\ntasks:\n  - id: a\n    depends_on:\n      - b\n      - c\n';
  const loc = new Locator(text);
  assert.deepEqual(loc.range(0, ['id'], 'key'), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  assert.deepEqual(loc.range(0, ['tasks', 0, 'depends_on', 1]), { start: { line: 6, character: 8 }, end: { line: 6, character: 9 } });
  assert.deepEqual(loc.range(0, ['tasks']), { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } });
  assert.deepEqual(loc.range(0, ['tasks', 0, 'status']), { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } });
});

test('a quote never closed is shown on the last line with text, not past the end of the file', () => {
  const parsed = parseYaml('kind: person\nid: x\nname: "unclosed\n\n');
  assert.ok(parsed.problems.length > 0);
  assert.deepEqual(parsed.problems[0]!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } });
});
