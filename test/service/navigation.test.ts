// Definition, references and rename of ids across files, task references in both forms.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definition } from '../../server/src/service/definition';
import { references } from '../../server/src/service/references';
import { prepareRename, rename } from '../../server/src/service/rename';
import { TextModel } from '../../server/src/service/text-model';
import { cursor, fixture, fixtureFiles, modelsOf } from './helpers';

const files = fixtureFiles();
const ws = fixture();
const modelOf = modelsOf(ws);
/** The fixture file with the cursor put before the n-th occurrence of `needle`. */
const at = (file: string, needle: string, n = 1, shift = 0) => {
  const text = files[file]!;
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in ${file}`);
  return cursor(file, text.slice(0, i + shift) + '|' + text.slice(i + shift));
};
const show = (places: { file: string; range: { start: { line: number; character: number } } }[]) => places.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`);

test('definition: from a reference to the id it names, across files', () => {
  const { model, position } = at('projects/acme/incidents/INC-1.yaml', 'network');
  assert.deepEqual(show(definition(model, position, ws, modelOf)), ['org/departments.yaml:2:5']);
  const person = at('projects/acme/incidents/INC-1.yaml', 'oleg');
  assert.deepEqual(show(definition(person.model, person.position, ws, modelOf)), ['org/people.yaml:8:5']);
});

test('definition: depends_on items, plain and chain/task, in flow and block lists', () => {
  const f = 'projects/acme/chains/landscape.yaml';
  const plain = at(f, 'vlan, approvals');
  assert.deepEqual(show(definition(plain.model, plain.position, ws, modelOf)), [`${f}:7:9`]);
  const task = at(f, 'approvals/sign', 1, 11);
  assert.deepEqual(show(definition(task.model, task.position, ws, modelOf)), ['projects/acme/chains/approvals.yaml:6:11']);
  const chain = at(f, 'approvals/sign', 1, 2);
  assert.deepEqual(show(definition(chain.model, chain.position, ws, modelOf)), ['projects/acme/chains/approvals.yaml:2:5']);
  const block = at(f, '- vm', 1, 2);
  assert.deepEqual(show(definition(block.model, block.position, ws, modelOf)), [`${f}:14:9`]);
});

test('references: every file that names a department, and the declaration when asked', () => {
  const { model, position } = at('org/departments.yaml', 'network');
  assert.deepEqual(show(references(model, position, ws, modelOf, true)), [
    'org/departments.yaml:2:5',
    'org/people.yaml:10:13',
    'projects/acme/chains/approvals.yaml:6:52',
    'projects/acme/chains/landscape.yaml:9:17',
    'projects/acme/incidents/INC-1.yaml:7:13',
    'projects/acme/project.yaml:6:15',
  ]);
  assert.equal(references(model, position, ws, modelOf, false).length, 5);
});

test('references of a task: its id inside the chain and chain/task elsewhere', () => {
  const { model, position } = at('projects/acme/chains/approvals.yaml', 'sign');
  assert.deepEqual(show(references(model, position, ws, modelOf, false)), ['projects/acme/chains/landscape.yaml:19:24']);
});

test('prepareRename: ids and references only', () => {
  const ok = at('org/departments.yaml', 'network');
  const r = prepareRename(ok.model, ok.position);
  assert.deepEqual(r, { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } }, placeholder: 'network' });
  const title = at('org/departments.yaml', 'Network');
  assert.ok('error' in prepareRename(title.model, title.position));
  const key = at('org/departments.yaml', 'lead');
  assert.ok('error' in prepareRename(key.model, key.position));
});

function apply(edits: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const byFile = new Map<string, typeof edits>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const model = new TextModel(file, files[file]!);
    let text = model.text;
    for (const e of [...list].sort((a, b) => model.offsetAt(b.range.start) - model.offsetAt(a.range.start))) {
      text = text.slice(0, model.offsetAt(e.range.start)) + e.newText + text.slice(model.offsetAt(e.range.end));
    }
    out[file] = text;
  }
  return out;
}

test('rename a department: definition and every reference, in every file', () => {
  const { model, position } = at('projects/acme/chains/landscape.yaml', 'network');
  const result = rename(model, position, 'net', ws, modelOf);
  assert.ok('edits' in result);
  const changed = apply(result.edits);
  assert.deepEqual(Object.keys(changed).sort(), ['org/departments.yaml', 'org/people.yaml', 'projects/acme/chains/approvals.yaml', 'projects/acme/chains/landscape.yaml', 'projects/acme/incidents/INC-1.yaml', 'projects/acme/project.yaml']);
  assert.match(changed['projects/acme/project.yaml']!, /departments: \[net, unix\]/);
  assert.match(changed['org/departments.yaml']!, /^id: net$/m);
  const renamed = fixture(changed);
  assert.equal(renamed.referencesTo('department', 'net').length, 5);
});

test('rename a task: its id, plain references in its chain and chain/task ones elsewhere', () => {
  const { model, position } = at('projects/acme/chains/approvals.yaml', 'sign');
  const result = rename(model, position, 'signed', ws, modelOf);
  assert.ok('edits' in result);
  const changed = apply(result.edits);
  assert.match(changed['projects/acme/chains/approvals.yaml']!, /\{ id: signed,/);
  assert.match(changed['projects/acme/chains/landscape.yaml']!, /depends_on: \[vlan, approvals\/signed\]/);
});

test('rename a chain: its id and the chain part of chain/task references', () => {
  const { model, position } = at('projects/acme/chains/landscape.yaml', 'approvals/sign', 1, 3);
  const result = rename(model, position, 'sign-off', ws, modelOf);
  assert.ok('edits' in result);
  const changed = apply(result.edits);
  assert.match(changed['projects/acme/chains/approvals.yaml']!, /^id: sign-off$/m);
  assert.match(changed['projects/acme/chains/landscape.yaml']!, /\[vlan, sign-off\/sign\]/);
});

test('rename refuses invalid and taken ids', () => {
  const { model, position } = at('org/departments.yaml', 'network');
  assert.match((rename(model, position, 'Not Valid', ws, modelOf) as { error: string }).error, /not a valid department id/);
  assert.match((rename(model, position, 'unix', ws, modelOf) as { error: string }).error, /already exists/);
});
