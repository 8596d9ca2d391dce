// Document symbols (the outline) and workspace symbols.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longChain } from '../../bench/generate';
import { documentSymbols } from '../../server/src/service/document-symbols';
import { TextModel } from '../../server/src/service/text-model';
import { workspaceSymbols } from '../../server/src/service/workspace-symbols';
import { fixture, fixtureFiles, modelsOf } from './helpers';

const files = fixtureFiles();

test('outline: each document is its entity; a chain lists its tasks, an incident its timeline', () => {
  const chain = documentSymbols(new TextModel('c.yaml', files['projects/acme/chains/landscape.yaml']!));
  assert.equal(chain.length, 1);
  assert.equal(chain[0]!.name, 'landscape');
  assert.equal(chain[0]!.detail, 'chain · Landscape for the new shop');
  assert.deepEqual(chain[0]!.children!.map((c) => `${c.name}: ${c.detail}`), ['vlan: Allocate VLAN and subnet · done', 'vm: Create three VMs · todo', 'os: OS baseline · todo']);
  const inc = documentSymbols(new TextModel('i.yaml', files['projects/acme/incidents/INC-1.yaml']!));
  assert.deepEqual(inc[0]!.children!.map((c) => `${c.name}: ${c.detail}`), ['2026-11-16T10:10:00+03:00: acknowledged · oleg', '2026-11-16T15:10:00+03:00: resolved · oleg']);
  const departments = documentSymbols(new TextModel('d.yaml', files['org/departments.yaml']!));
  assert.deepEqual(departments.map((d) => d.name), ['network', 'unix']);
  assert.deepEqual(departments[1]!.range.start, { line: 6, character: 0 });
});

test('outline of a 2 000-line chain: every task', () => {
  // Its speed is measured by npm run bench (the server's outline), not asserted here.
  const text = longChain(290);
  assert.ok(text.split('\n').length > 2000);
  const out = documentSymbols(new TextModel('big.yaml', text));
  assert.equal(out[0]!.children!.length, 290);
  assert.deepEqual(out[0]!.children!.slice(0, 2).map((c) => c.name), ['task-0', 'task-1']);
});

test('outline of half-typed text', () => {
  const out = documentSymbols(new TextModel('x.yaml', 'kind: chain\nid: c\ntasks:\n  - id: a\n    titl\n  - \n'));
  assert.deepEqual(out[0]!.children!.map((c) => c.name), ['a', 'tasks 2']);
});

test('workspace symbols: by id or name, tasks included', () => {
  const ws = fixture();
  const byName = workspaceSymbols('smirnova', ws, modelsOf(ws));
  assert.deepEqual(byName.map((s) => `${s.name} ${s.file}:${s.range.start.line + 1}`), ['anna org/people.yaml:2']);
  const tasks = workspaceSymbols('landscape/v', ws, modelsOf(ws)).map((s) => s.name);
  assert.deepEqual(tasks, ['landscape/vlan', 'landscape/vm']);
  assert.ok(workspaceSymbols('', ws, modelsOf(ws)).length >= 15);
});
