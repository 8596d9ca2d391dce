// Completion of the language service on half-typed YAML: keys, enums, reference ids and snippets.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete } from '../../server/src/service/complete';
import { cursor, fixture, NOW } from './helpers';

const ws = fixture();
const options = { now: NOW, snippets: true };
const labels = (file: string, src: string, opts = options) => {
  const { model, position } = cursor(file, src);
  return complete(model, position, ws, opts).items.map((i) => i.label);
};
const item = (file: string, src: string, label: string, opts = options) => {
  const { model, position } = cursor(file, src);
  const found = complete(model, position, ws, opts).items.find((i) => i.label === label);
  assert.ok(found, `no completion "${label}"`);
  return found!;
};
const edit = (i: ReturnType<typeof item>) => (i.textEdit && 'range' in i.textEdit ? i.textEdit : assert.fail('no text edit'));

const CHAIN = 'kind: chain\nid: landscape\nproject: acme\ntitle: T\ntasks:\n  - id: vlan\n    title: V\n    department: network\n    status: todo\n  - id: vm\n    title: VM\n';
const CHAIN_FILE = 'projects/acme/chains/landscape.yaml';

test('department ids at a half-typed value, with their names as detail', () => {
  const i = item(CHAIN_FILE, CHAIN + '    department: ne|\n', 'network');
  assert.equal(i.detail, 'Network');
  assert.deepEqual(edit(i).range, { start: { line: 11, character: 16 }, end: { line: 11, character: 18 } });
  assert.ok(labels(CHAIN_FILE, CHAIN + '    department: |\n').includes('unix'));
});

test('right after the colon, a value comes with its space', () => {
  const i = item(CHAIN_FILE, CHAIN + '    department:|\n', 'unix');
  assert.equal(edit(i).newText, ' unix');
});

test('depends_on: tasks of the same chain in a flow list, without the task itself and what is listed', () => {
  const out = labels(CHAIN_FILE, CHAIN + '    depends_on: [vlan, |]\n');
  assert.ok(!out.includes('vm'), 'not itself');
  assert.ok(!out.includes('vlan'), 'not listed twice');
  assert.ok(out.includes('approvals/sign'), 'a task of another chain as chain/task');
  const block = labels(CHAIN_FILE, CHAIN + '    depends_on:\n      - |\n');
  assert.ok(block.includes('vlan'));
});

test('people, projects and policies where those are referenced', () => {
  assert.ok(labels(CHAIN_FILE, CHAIN + '    assignee: |\n').includes('anna'));
  assert.deepEqual(labels('projects/acme/incidents/INC-9.yaml', 'kind: incident\nid: INC-9\nproject: |\n'), ['acme']);
  assert.deepEqual(labels('projects/acme/incidents/INC-9.yaml', 'kind: incident\nid: INC-9\nsla_policy: |\n'), ['standard']);
  assert.deepEqual(labels('projects/acme/project.yaml', 'kind: project\nid: x\ndepartments:\n  - |\n').sort(), ['network', 'unix']);
  assert.deepEqual(labels('org/people.yaml', 'kind: person\nid: z\nroles: [|]\n').sort(), ['architect', 'engineer', 'service_manager', 'tam']);
});

test('enum values with their descriptions', () => {
  const i = item(CHAIN_FILE, CHAIN + '    status: |\n', 'blocked');
  assert.match(String((i.documentation as { value: string }).value), /Cannot progress/);
  assert.deepEqual(labels('x.yaml', 'kind: incident\npriority: P|\n'), ['P1', 'P2', 'P3', 'P4']);
});

test('keys of the schema at the cursor, without the ones present, required first', () => {
  const out = labels(CHAIN_FILE, CHAIN + '    dep|\n');
  assert.ok(out.includes('department') && out.includes('depends_on') && out.includes('status'));
  assert.ok(!out.includes('id') && !out.includes('title'));
  const dept = item(CHAIN_FILE, CHAIN + '    dep|\n', 'department');
  assert.equal(edit(dept).newText, 'department: $1');
  const status = item(CHAIN_FILE, CHAIN + '    |\n', 'status');
  assert.equal(edit(status).newText, 'status: ${1|todo,in_progress,blocked,done,cancelled|}');
  const root = labels(CHAIN_FILE, 'kind: chain\nid: x\n|\n');
  assert.ok(root.includes('tasks') && root.includes('deadline') && !root.includes('id'));
});

test('a new document: kind, and a snippet with every required field of each kind', () => {
  const out = labels('org/new.yaml', '|');
  assert.ok(out.includes('kind'));
  const chain = item('org/new.yaml', '|', 'new chain');
  assert.equal(edit(chain).newText, 'kind: chain\nid: $1\nproject: $2\ntitle: $3\ntasks:\n  - id: $4\n    title: $5\n    department: $6\n    status: ${7|todo,in_progress,blocked,done,cancelled|}');
  assert.deepEqual(labels('org/new.yaml', 'kind: |'), ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal']);
});

test('a whole task after `- ` in tasks, and where the dash is not typed yet', () => {
  const t = item(CHAIN_FILE, CHAIN + '  - |\n', 'new task');
  assert.equal(edit(t).newText, 'id: $1\n    title: $2\n    department: $3\n    status: ${4|todo,in_progress,blocked,done,cancelled|}\n    estimate: ${5:1d}\n    depends_on: [$6]');
  const dashless = item(CHAIN_FILE, CHAIN + '  |\n', 'new task');
  assert.match(edit(dashless).newText, /^- id: \$1\n {4}title: \$2/);
});

test('a timeline entry stamped with the current time and the policy calendar offset', () => {
  const src = 'kind: incident\nid: INC-9\nproject: acme\ntimeline:\n  - |\n';
  const { model, position } = cursor('projects/acme/incidents/INC-9.yaml', src);
  const entry = complete(model, position, ws, options).items.find((i) => i.label.startsWith('timeline entry'));
  assert.ok(entry);
  assert.equal(edit(entry).newText, 'at: ${1:2026-11-25T12:00:00+03:00}\n    status: ${2|acknowledged,in_progress,waiting_for_customer,resolved,closed|}\n    by: $3\n    note: $4');
  const at = labels('projects/acme/incidents/INC-9.yaml', 'kind: incident\nopened: |\n');
  assert.deepEqual(at, ['2026-11-25T12:00:00+03:00']);
});

test('without snippet support, plain text', () => {
  const i = item(CHAIN_FILE, CHAIN + '    |\n', 'status', { now: NOW, snippets: false });
  assert.equal(edit(i).newText, 'status: todo');
  assert.equal(i.insertTextFormat, undefined);
});

test('keys of a nested map typed on their own line', () => {
  const out = labels('x.yaml', 'kind: incident\ncause:\n  cat|\n');
  assert.ok(out.includes('category'));
});

test('a space triggers only where a value starts', () => {
  const { model, position } = cursor(CHAIN_FILE, CHAIN + '    title: Create three |\n');
  assert.deepEqual(complete(model, position, ws, { ...options, triggerCharacter: ' ' }).items, []);
});

test('nonsense stays sane: a comment, past the end, no workspace', () => {
  const { model, position } = cursor('x.yaml', 'kind: chain # |comment\n');
  assert.deepEqual(complete(model, position, ws, options).items, [], 'nothing inside a comment');
  // Past the end is the end: the keys a chain still lacks, as on the empty last line.
  const pastEnd = complete(model, { line: 99, character: 99 }, ws, options).items.map((i) => i.label);
  assert.deepEqual(pastEnd, complete(model, { line: 1, character: 0 }, ws, options).items.map((i) => i.label));
  assert.ok(pastEnd.includes('id') && pastEnd.includes('tasks') && !pastEnd.includes('kind'), pastEnd.join(', '));
  const noWs = cursor(CHAIN_FILE, CHAIN + '    department: |\n');
  assert.deepEqual(complete(noWs.model, noWs.position, undefined, options).items, []);
});

test('depends_on in a workspace with many chains: this chain\'s tasks, the other chains, then their tasks', () => {
  const files: Record<string, string> = {};
  for (let c = 0; c < 80; c++) {
    files[`projects/acme/chains/c${c}.yaml`] = `kind: chain\nid: c${c}\nproject: acme\ntitle: Chain ${c}\ntasks:\n` + Array.from({ length: 8 }, (_, t) => `  - { id: t${t}, title: T, department: unix, status: todo }\n`).join('');
  }
  const big = fixture(files);
  const src = CHAIN + '    depends_on: [|]\n';
  const { model, position } = cursor(CHAIN_FILE, src);
  const first = complete(model, position, big, options).items.map((i) => i.label);
  assert.ok(first.includes('vlan') && first.includes('c7/') && !first.includes('c7/t1'));
  const next = cursor(CHAIN_FILE, CHAIN + '    depends_on: [c7/|]\n');
  const tasks = complete(next.model, next.position, big, options).items.map((i) => i.label);
  assert.ok(tasks.includes('c7/t1'));
});
