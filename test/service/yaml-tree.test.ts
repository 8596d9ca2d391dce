// The lenient YAML reader of the language service: the same tree as the YAML parser on valid
// text, and still a tree on half-typed lines.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Locator } from '../../server/src/core/workspace/locate';
import { parseYaml } from '../../server/src/core/workspace/parse';
import { locateFast } from '../../server/src/service/locate';
import { TextModel } from '../../server/src/service/text-model';
import { hitAt, parseTree, toValue } from '../../server/src/service/yaml-tree';
import { fixtureFiles } from './helpers';

test('the lenient tree reads block maps, sequences and flow collections as the YAML parser does', () => {
  const text = `kind: chain
id: c
tasks:
  - id: a
    depends_on: [x, "y", 'z']
    note: >
      folded
      text
  - { id: b, title: "B: quoted", department: network }
tags:
- one
- two
---
kind: calendar
id: msk
`;
  const tree = parseTree(text);
  assert.equal(tree.docs.length, 2);
  assert.deepEqual(toValue(tree.docs[0]!.root), {
    kind: 'chain',
    id: 'c',
    tasks: [
      { id: 'a', depends_on: ['x', 'y', 'z'], note: '>\n      folded\n      text' },
      { id: 'b', title: 'B: quoted', department: 'network' },
    ],
    tags: ['one', 'two'],
  });
  assert.deepEqual(toValue(tree.docs[1]!.root), { kind: 'calendar', id: 'msk' });
});

test('half-typed lines still give a tree: a key without its colon, an empty item, an open flow list', () => {
  const tree = parseTree('kind: chain\ntasks:\n  - id: a\n    depa\n  - \n    depends_on: [a, \n');
  const root = tree.docs[0]!.root;
  assert.equal(root?.type, 'map');
  const hit = hitAt(root, tree.text.indexOf('depa') + 2);
  assert.deepEqual(hit && { path: hit.path, part: hit.part }, { path: ['tasks', 0, 'depa'], part: 'key' });
  const flow = hitAt(root, tree.text.indexOf('[a') + 1);
  assert.deepEqual(flow?.path, ['tasks', 1, 'depends_on', 0]);
});

test('differential: every scalar and key of the fixture and sample workspaces is located where the core Locator puts it', () => {
  const files: [string, string][] = Object.entries(fixtureFiles());
  const sample = path.join(__dirname, '..', '..', 'sample-workspace');
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push([p, fs.readFileSync(p, 'utf8')]);
    }
  };
  if (fs.existsSync(sample)) walk(sample);
  let compared = 0;
  for (const [file, text] of files) {
    const model = new TextModel(file, text);
    const locator = new Locator(text);
    const visit = (value: unknown, p: (string | number)[], doc: number): void => {
      if (p.length) {
        for (const part of ['key', 'value'] as const) {
          if (part === 'key' && typeof p[p.length - 1] !== 'string') continue;
          if (part === 'value' && value !== null && typeof value === 'object') continue;
          const fast = locateFast(model, doc, p, part);
          if (!fast) continue; // multi-line scalars and collections go to the core Locator
          assert.deepEqual(fast, locator.range(doc, p, part), `${file} ${p.join('.')} (${part})`);
          compared++;
        }
      }
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...p, i], doc));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...p, k], doc);
    };
    for (const d of parseYaml(text).docs) visit(d.value, [], d.index);
  }
  assert.ok(compared > 200, `compared ${compared} nodes`);
});
