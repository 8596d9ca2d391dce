// The block reader must read what it accepts exactly as js-yaml does (values) and as `yaml` does
// (the ranges of diagnostics), and give up on everything else. Checked on the sample workspace,
// a generated workspace, hand-written cases, random documents written in many styles, and
// random edits of real files.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import * as jsYaml from 'js-yaml';
import type { Node } from 'yaml';
import { readBlockSpans, readBlockYaml } from '../../../server/src/core/workspace/block-yaml';
import { IMPLICIT, plainValue } from '../../../server/src/core/workspace/yaml-scalars';
import { Locator } from '../../../server/src/core/workspace/locate';
import { documentSegments, lineStartsOf, parsePrecise } from '../../../server/src/core/workspace/parse';
import { generateWorkspace } from '../../../bench/generate';
import { allPaths } from '../../helpers/yaml-paths';

const SAMPLE = path.join(__dirname, '../../../sample-workspace');

/** js-yaml's documents, or undefined when it refuses the text. */
function reference(text: string): unknown[] | undefined {
  const values: unknown[] = [];
  try {
    jsYaml.loadAll(text, (v) => values.push(v), { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return values;
}

/**
 * Whether the reader agrees with the references on `text`: it gives up, or it gives js-yaml's
 * values and, for every node, the range `yaml`'s nodes give. Returns whether it read the text.
 */
function agrees(text: string, name = 'text'): boolean {
  const read = readBlockYaml(text);
  const spans = readBlockSpans(text); // from what reading the values noted
  readBlockYaml('other: text\n');
  // Of a text read before another: read again, without values, to the same nodes.
  assert.deepEqual(readBlockSpans(text), spans, `${name}: spans read again differ from those noted:\n${text}`);
  assert.equal(!!spans, !!read, `${name}: the spans are read where the values are, and only there:\n${text}`);
  if (!read) return false;
  const expected = reference(text);
  assert.ok(expected, `${name}: read a text js-yaml refuses:\n${text}`);
  assert.deepEqual(read.values, expected, `${name}: values differ from js-yaml's:\n${text}`);
  assert.deepEqual(documentSegments(text, lineStartsOf(text)), [0], `${name}: one document, from line 0, as parseYaml takes it`);
  const precise = parsePrecise(text);
  assert.equal(precise.docs.length, 1);
  const slow = new Locator(text, precise);
  // The spans noted by the read of this text, walked where they lie…
  const fast = new Locator(text);
  fast.range(0, []);
  // …and, once another text was read, a tree of them.
  readBlockYaml('other: text\n');
  const tree = new Locator(text);
  tree.range(0, []);
  readBlockYaml(text);
  for (const p of [[], ...allPaths(precise.docs[0]!.contents as Node)]) {
    for (const locator of [fast, tree]) {
      for (const part of ['key', 'value'] as const) {
        assert.deepEqual(locator.range(0, p, part), slow.range(0, p, part), `${name}: ${part} of ${p.join('.')} in:\n${text}`);
      }
      for (const odd of ['missing', -1, 0.5, 99]) {
        assert.deepEqual(locator.range(0, [...p, odd], 'value'), slow.range(0, [...p, odd], 'value'), `${name}: ${odd} under ${p.join('.')}`);
      }
    }
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
}

test('every file of the sample workspace is read as js-yaml reads it, or left to js-yaml', () => {
  let read = 0;
  const files = yamlFiles(SAMPLE);
  for (const file of files) if (agrees(fs.readFileSync(file, 'utf8'), file)) read++;
  // Incidents, chains, projects, postmortems: all but the org files with several documents.
  assert.ok(read >= files.length - 6, `${read} of ${files.length} read`);
});

test('a generated workspace is read whole', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-block-'));
  try {
    generateWorkspace(dir, { incidents: 150, chains: 10, longChainTasks: 40, seed: 5 });
    for (const file of yamlFiles(dir).filter((f) => f.includes('/projects/'))) assert.ok(agrees(fs.readFileSync(file, 'utf8'), file), `${file} left to js-yaml`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('what the format uses is read: block scalars, flow lists, quotes, comments, CRLF, sequences at the key\'s indentation', () => {
  const cases: [string, unknown][] = [
    ['a: |\n  one\n\n  two  \n    three\nb: 1\n', { a: 'one\n\ntwo  \n  three\n', b: 1 }],
    ['a: >-\n  one\n  two\n\n  three\n\n\nb: x\n', { a: 'one two\nthree', b: 'x' }],
    ['a: |- # note\n  x\n', { a: 'x' }],
    ['list:\n- a\n- b: 1\n  c: [x, "y z", \'w\']\n- - p\n  - q\nafter: ~\n', { list: ['a', { b: 1, c: ['x', 'y z', 'w'] }, ['p', 'q']], after: null }],
    ['"quoted key": "tab\\there \\u00e9 \\"q\\""\n\'single\': \'it\'\'s\'\n', { 'quoted key': 'tab\there é "q"', single: "it's" }],
    ['# head\n---\nkind: incident # trailing\nn: 0x1F\nf: 1e3\nb: False\nd: 2026-11-03\ns: a:b #c\ne:\nm: {}\nl: []\n', { kind: 'incident', n: 31, f: 1000, b: false, d: '2026-11-03', s: 'a:b', e: null, m: {}, l: [] }],
    ['a: 1\r\nb:\r\n  - x\r\n', { a: 1, b: ['x'] }],
    ['1: one\ntrue: yes\nnull: ~\n', { '1': 'one', true: 'yes', null: null }],
  ];
  for (const [text, value] of cases) {
    assert.ok(agrees(text), `gave up on:\n${text}`);
    assert.deepEqual(readBlockYaml(text)!.values, [value]);
  }
});

test('what it does not plainly understand is left to js-yaml', () => {
  const cases = [
    'a:\tb\n', // a tab
    'a: &x 1\nb: *x\n', // an anchor and an alias
    'a: !!str 1\n', // a tag
    'a: b\n---\nc: d\n', // two documents
    'a: one\n  two\n', // a plain scalar over two lines
    'a: "one\n  two"\n', // a quoted scalar over two lines
    'a: 1\na: 2\n', // a duplicate key
    '__proto__: 1\n', // a key that is not an own property
    'a: |+\n  x\n\n', // keep chomping
    'a: |2\n   x\n', // an indentation indicator
    'a: >\n  x\n    y\n', // a more-indented folded line
    '? a\n: b\n', // an explicit key
    'a: {b: 1}\n', // a flow map
    'a: [b, [c]]\n', // a nested flow list
    'a: [b,\n  c]\n', // a flow list over two lines
    'a: b: c\n', // a map where a scalar must be
    'a: 😀\n', // an astral character
    'a: "\\q"\n', // an unknown escape
    'a:\n  - b\n c: d\n', // bad indentation
    '%YAML 1.2\n---\na: 1\n',
    'a: |\n\n  x\n', // a leading empty line
    '- -\n- a\n', // an empty item: js-yaml reads `- a` into the inner sequence
    'a: 1\rb: 2\n', // a carriage return that ends a line alone
  ];
  for (const text of cases) {
    assert.equal(readBlockYaml(text), undefined, `read:\n${text}`);
    assert.equal(readBlockSpans(text), undefined, `spans read:\n${text}`);
  }
});

test('plain scalars mean what js-yaml\'s core schema says, with and without the first-letter shortcut', () => {
  const tags = (types: readonly jsYaml.Type[]): string[] => types.map((t) => (t as unknown as { tag: string }).tag);
  assert.deepEqual(tags(IMPLICIT), tags((jsYaml.CORE_SCHEMA as unknown as { compiledImplicit: jsYaml.Type[] }).compiledImplicit));
  const full = (s: string): unknown => {
    for (const type of IMPLICIT) if (type.resolve(s)) return type.construct(s);
    return s;
  };
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 8 }),
        // The characters of numbers, signs where they may and may not be, times and dates.
        fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '+', 'e', 'E', '.', ':', '_', 'x', 'o', 'b', 'a', 'f', 'n', 'i', 'T'), maxLength: 8 }),
        fc.constantFrom('~', 'null', 'NULL', 'True', 'FALSE', '.inf', '-.Inf', '.NaN', '0x1f', '0o7', '1_0', '+1', '1e3', 'nope', 'tRue', '1e-3', '-1E-3', '.5e-1', '1-2', '2026-11-03', '2026-11-03T09:12:00+03:00', '12:30', '1:2'),
      ),
      (s) => {
        fc.pre(s.length > 0);
        assert.deepEqual(plainValue(s), full(s));
      },
    ),
    { numRuns: 4000 },
  );
});

// ── random documents, written in the styles people use ──

const PLAIN = ['a', 'network', 'P1', '1', '-1', '0x1F', '0o17', '1_000', '1e3', '.5', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'true', 'False', 'yes', '2026-11-03', '2026-11-03T09:12:00+03:00', '12:30', 'a b', 'a:b', 'a#b', 'a #b', 'http://x.y/z?q=1', '-x', '+1', '-', '0', '09', '1.', 'é ж', 'a, b', 'a]', 'x: y', 'x:', "it's", 'say "hi"', '@x', '%x', '!x', '&x', '*x', '?x', ':x', ',x', '{x', '|', '>', '#', '- a'];
const QUOTED = ['"a\\nb"', '"\\u00e9\\x41\\t"', '"q\\"q"', '"\\q"', "'it''s'", "''", '""', '"a: b"', "'# not a comment'", '"\\U0001F600"'];
const KEYS = ['id', 'kind', 'a', 'a b', '1', 'true', 'null', '~', 'x-y', 'a.b', '"q"', "'s'", '"a:b"', 'dup', 'dup', '__proto__', 'k '];

type Tree = { t: 'plain' | 'quoted'; v: string } | { t: 'block'; style: string; lines: string[] } | { t: 'flow'; items: string[] } | { t: 'map'; entries: [string, Tree][] } | { t: 'seq'; items: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('plain' as const), v: fc.constantFrom(...PLAIN) }),
    fc.record({ t: fc.constant('quoted' as const), v: fc.constantFrom(...QUOTED) }),
    fc.record({ t: fc.constant('block' as const), style: fc.constantFrom('|', '|-', '>', '>-', '|+', '> # c'), lines: fc.array(fc.constantFrom('text', 'more text ', '', '  indented', '# hash', 'a: b', '- x'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ t: fc.constant('flow' as const), items: fc.array(fc.constantFrom('a', '"b c"', "'d'", '1', 'true', '', '[x]', 'p: q'), { maxLength: 3 }) }),
    fc.record({ t: fc.constant('map' as const), entries: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

interface Style {
  step: number;
  seqAtKeyIndent: boolean;
  comments: boolean;
  blank: boolean;
  crlf: boolean;
}

/** Writes a tree as block YAML; `indent` is the column of the node's block lines. */
function write(node: Tree, indent: number, style: Style, out: string[], first: string): void {
  const pad = ' '.repeat(indent);
  const comment = style.comments ? ' # c' : '';
  switch (node.t) {
    case 'plain':
    case 'quoted':
      out.push(`${first}${node.v}${node.t === 'quoted' ? comment : ''}`);
      return;
    case 'flow':
      out.push(`${first}[${node.items.join(', ')}]${comment}`);
      return;
    case 'block':
      out.push(`${first}${node.style}`);
      for (const line of node.lines) out.push(line === '' ? '' : `${pad}${' '.repeat(style.step)}${line}`);
      return;
    case 'map':
      node.entries.forEach(([key, value], i) => {
        const lead = i === 0 ? first : pad;
        if (value.t === 'map' || value.t === 'seq') {
          out.push(`${lead}${key}:${i === 0 && style.comments ? comment : ''}`);
          if (style.blank) out.push('');
          const inner = value.t === 'seq' && style.seqAtKeyIndent ? indent : indent + style.step;
          write(value, inner, style, out, ' '.repeat(inner));
        } else write(value, indent, style, out, `${lead}${key}: `);
      });
      return;
    case 'seq':
      node.items.forEach((item, i) => {
        const lead = `${i === 0 ? first : pad}- `;
        write(item, indent + 2, style, out, lead);
      });
  }
}

const style: fc.Arbitrary<Style> = fc.record({ step: fc.constantFrom(1, 2, 4), seqAtKeyIndent: fc.boolean(), comments: fc.boolean(), blank: fc.boolean(), crlf: fc.boolean() });

test('random documents in many styles: read as js-yaml and `yaml` read them, or left to them', () => {
  let read = 0;
  fc.assert(
    fc.property(tree, style, fc.boolean(), (root, s, marker) => {
      const lines: string[] = [];
      if (marker) lines.push('---');
      write(root, 0, s, lines, '');
      const text = lines.join(s.crlf ? '\r\n' : '\n') + '\n';
      if (agrees(text)) read++;
    }),
    { numRuns: 1500 },
  );
  // The test means something only if much of what it writes is read.
  assert.ok(read > 300, `${read} of 1500 read`);
});

test('random edits of real files: read as js-yaml and `yaml` read them, or left to them', () => {
  const texts = ['projects/kedr-retail/incidents/INC-2026-0307.yaml', 'projects/kedr-retail/project.yaml'].map((f) => fs.readFileSync(path.join(SAMPLE, f), 'utf8'));
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.constantFrom('', ' ', '  ', '\n', '- ', ': ', ':', '#', ' #', '"', "'", '|', '>-', '[', ']', '{}', '\t', '\r', '&a ', '*a', '---\n', '\n  ', 'x', '1', '~', '\\') });
  let read = 0;
  fc.assert(
    fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 3 }), (original, edits) => {
      let text = original;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      }
      if (agrees(text)) read++;
    }),
    { numRuns: 800 },
  );
  assert.ok(read > 100, `${read} of 800 read`);
});
