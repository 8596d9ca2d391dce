// Where the cursor is in words of the format (document, path, key or value), also in YAML
// that is half typed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete } from '../../server/src/service/complete';
import { cursorContext } from '../../server/src/service/cursor';
import { cursor, fixture, NOW } from './helpers';

/** The context at `|`, without the tree, as a compact string. */
const at = (src: string): string => {
  const { model, position } = cursor('x.yaml', src);
  const c = cursorContext(model, position);
  return c ? `${c.mode} ${JSON.stringify(c.path)} "${c.prefix}"${c.inFlow ? ' flow' : ''}${c.needsSpace ? ' space' : ''}` : 'none';
};

const CHAIN = 'kind: chain\nid: c\ntasks:\n  - id: a\n    title: A\n';

test('where the cursor is, in the words of the format', () => {
  assert.equal(at(CHAIN + '    department: ne|\n'), 'value ["tasks",0,"department"] "ne"');
  assert.equal(at(CHAIN + '    department:|\n'), 'value ["tasks",0,"department"] "" space');
  assert.equal(at(CHAIN + '    depends_on: [a, |]\n'), 'value ["tasks",0,"depends_on",1] "" flow');
  assert.equal(at(CHAIN + '    depends_on: [|\n'), 'value ["tasks",0,"depends_on",0] "" flow');
  assert.equal(at(CHAIN + '    depa|\n'), 'key ["tasks",0] "depa"');
  assert.equal(at(CHAIN + '    |\n'), 'key ["tasks",0] ""');
  assert.equal(at(CHAIN + '  - |\n'), 'value-or-key ["tasks",1] ""');
  assert.equal(at(CHAIN + '  |\n'), 'item ["tasks",1] ""');
  assert.equal(at(CHAIN + '  - { id: b, department: ne| }\n'), 'value ["tasks",1,"department"] "ne" flow');
  assert.equal(at(CHAIN + '  - { id: b, dep| }\n'), 'key ["tasks",1] "dep" flow');
  assert.equal(at('kind: incident\ncause:\n  cat|\n'), 'value-or-key ["cause"] "cat"');
  assert.equal(at('ki|'), 'key [] "ki"');
  assert.equal(at('kind: chain\n---\nkind: incident\npriority: P|\n'), 'value ["priority"] "P"');
  assert.equal(at('kind: chain # a comment |here\n'), 'none');
});

test('quoted values complete inside their quotes', () => {
  const { model, position } = cursor('x.yaml', CHAIN + '    department: "ne|"\n');
  const c = cursorContext(model, position)!;
  assert.equal(c.quoted, true);
  assert.equal(model.text.slice(c.start, c.end), 'ne');
});

test('time zones where a zone is asked for', () => {
  const { model, position } = cursor('org/calendars.yaml', 'kind: calendar\nid: x\ntimezone: Europe/Mos|\n');
  const labels = complete(model, position, fixture(), { now: NOW, snippets: true }).items.map((i) => i.label);
  assert.ok(labels.includes('Europe/Moscow'));
});

test('a date field offers today in the workspace zone', () => {
  const { model, position } = cursor('projects/acme/chains/c.yaml', 'kind: chain\nid: c\ndeadline: |\n');
  const labels = complete(model, position, fixture(), { now: NOW, snippets: true }).items.map((i) => i.label);
  assert.deepEqual(labels, ['2026-11-25']);
});

test('thousands of candidates are filtered by what is typed and marked incomplete', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 1200; i++) files[`projects/acme/incidents/I-${i}.yaml`] = `kind: incident\nid: INC-${i}\nproject: acme\ntitle: T\npriority: P4\nopened: 2026-11-24T10:00:00+03:00\ntimeline: []\n`;
  const ws = fixture(files);
  const { model, position } = cursor('projects/acme/postmortems/pm.yaml', 'kind: postmortem\nid: pm\nincident: INC-11|\n');
  const list = complete(model, position, ws, { now: NOW, snippets: true });
  assert.equal(list.isIncomplete, true);
  assert.ok(list.items.length <= 500);
  assert.ok(list.items.every((i) => i.label.includes('INC-11')));
});
