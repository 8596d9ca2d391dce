// A TAM's routine edits (service/routine-edits): each case in routine-edits/ is a document with
// the action on its first line (`# action: Start today`) and the cursor at `‸`; beside it, the
// exact text after the action (`.golden.yaml`). Block and flow forms, comments and quotes: the
// edit keeps the file's style and changes nothing else. "Now" is Wednesday 2026-11-25 12:00 in
// Moscow; the user (`tam.me`) is anna.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { TextEdit } from '../../server/src/core/diagnostic';
import { routineEdits } from '../../server/src/service/routine-edits';
import { TextModel } from '../../server/src/service/text-model';
import { fixture, NOW } from './helpers';

const CASES = path.join(__dirname, 'routine-edits');
const CURSOR = '‸';

function applied(model: TextModel, edits: readonly TextEdit[]): string {
  let text = model.text;
  for (const e of [...edits].sort((a, b) => model.offsetAt(b.range.start) - model.offsetAt(a.range.start))) {
    text = text.slice(0, model.offsetAt(e.range.start)) + e.newText + text.slice(model.offsetAt(e.range.end));
  }
  return text;
}

/** The case's document without the cursor, and the cursor's position in it. */
function open(file: string, source: string) {
  const at = source.indexOf(CURSOR);
  assert.ok(at >= 0, `${file} has no cursor (${CURSOR})`);
  const text = source.slice(0, at) + source.slice(at + CURSOR.length);
  const ws = fixture({ [file]: text });
  const model = new TextModel(file, text);
  return { ws, model, position: model.positionAt(at) };
}

describe('routine edits: each case gives exactly its golden text', () => {
  const inputs = fs.readdirSync(CASES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.golden.yaml')).sort();
  assert.ok(inputs.length >= 14);
  for (const name of inputs) {
    test(name, () => {
      const source = fs.readFileSync(path.join(CASES, name), 'utf8');
      const action = /^# action: (.+)$/m.exec(source)?.[1];
      assert.ok(action, `${name} names no action`);
      const { ws, model, position } = open(`projects/acme/routine/${name}`, source);
      const offered = routineEdits(model, position, ws, NOW, { me: 'anna' });
      const edit = offered.find((e) => e.title === action);
      assert.ok(edit, `"${action}" not offered; offered: ${offered.map((e) => e.title).join(', ')}`);
      const golden = fs.readFileSync(path.join(CASES, name.replace(/\.yaml$/, '.golden.yaml')), 'utf8');
      assert.equal(applied(model, edit.edits), golden);
    });
  }
});

describe('routine edits: what is offered where', () => {
  const chain = `kind: chain
id: offers
project: acme
title: Offers
tasks:
  - { id: a, title: A, department: network, status: todo }
  - { id: b, title: B, department: network, status: in_progress, started: 2026-11-24 }
  - { id: c, title: C, department: network, status: blocked }
  - { id: d, title: D, department: network, status: done, started: 2026-11-20, finished: 2026-11-20 }
  - { id: e, title: E, department: network, status: cancelled }
`;
  const titlesOn = (text: string, needle: string, me?: string) => {
    const file = 'projects/acme/offers.yaml';
    const model = new TextModel(file, text);
    return routineEdits(model, model.positionAt(text.indexOf(needle)), fixture({ [file]: text }), NOW, { me }).map((e) => e.title);
  };

  test('a task offers what its status allows', () => {
    assert.deepEqual(titlesOn(chain, 'id: a'), ['Start today', 'Mark done today', 'Block']);
    assert.deepEqual(titlesOn(chain, 'id: b'), ['Mark done today', 'Block']);
    assert.deepEqual(titlesOn(chain, 'id: c'), ['Start today', 'Mark done today']);
    assert.deepEqual(titlesOn(chain, 'id: d'), []);
    assert.deepEqual(titlesOn(chain, 'id: e'), []);
    assert.deepEqual(titlesOn(chain, 'title: Offers'), [], 'outside the tasks, nothing');
  });

  test('an incident offers an entry for each status; without tam.me it is not signed', () => {
    const text = 'kind: incident\nid: INC-9\nproject: acme\ntitle: T\npriority: P3\nopened: 2026-11-25T11:00:00+03:00\ntimeline: []\n';
    assert.deepEqual(titlesOn(text, 'title'), [
      'Add timeline entry now: acknowledged',
      'Add timeline entry now: in_progress',
      'Add timeline entry now: waiting_for_customer',
      'Add timeline entry now: resolved',
      'Add timeline entry now: closed',
    ]);
    const file = 'projects/acme/i.yaml';
    const model = new TextModel(file, text);
    const [first] = routineEdits(model, { line: 1, character: 0 }, fixture({ [file]: text }), NOW);
    assert.equal(applied(model, first!.edits), text.replace('timeline: []', 'timeline: [{ at: 2026-11-25T12:00:00+03:00, status: acknowledged }]'));
  });

  test('"today" of a task is the date in its department calendar\'s zone; "now" of an entry is on the workspace clock', () => {
    // 22:30 in Moscow on the 25th is already the 26th in Vladivostok.
    const late = Date.parse('2026-11-25T22:30:00+03:00');
    const calendars = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'lsp-workspace', 'org', 'calendars.yaml'), 'utf8');
    const files = {
      'org/calendars.yaml': `${calendars}---\nkind: calendar\nid: vvo\ntimezone: Asia/Vladivostok\nworking_hours:\n  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }\n`,
      'org/far.yaml': 'kind: department\nid: far-dc\nname: Far data centre\ncalendar: vvo\n',
      'projects/acme/far.yaml': 'kind: chain\nid: far\nproject: acme\ntitle: Far\ntasks:\n  - { id: racks, title: Racks, department: far-dc, status: todo }\n  - { id: vlan, title: VLAN, department: network, status: todo }\n',
    };
    const ws = fixture(files);
    const model = new TextModel('projects/acme/far.yaml', files['projects/acme/far.yaml']);
    const start = (needle: string) => routineEdits(model, model.positionAt(model.text.indexOf(needle)), ws, late)[0]!;
    assert.match(applied(model, start('racks').edits), /id: racks, .*status: in_progress, started: 2026-11-26 }/);
    assert.match(applied(model, start('id: vlan').edits), /id: vlan, .*status: in_progress, started: 2026-11-25 }/);

    const incident = 'kind: incident\nid: INC-8\nproject: acme\ntitle: T\npriority: P3\nopened: 2026-11-25T11:00:00+03:00\ntimeline: []\n';
    const im = new TextModel('projects/acme/i8.yaml', incident);
    const [entry] = routineEdits(im, { line: 0, character: 0 }, fixture({ 'projects/acme/i8.yaml': incident }), late);
    assert.match(applied(im, entry!.edits), /at: 2026-11-25T22:30:00\+03:00/);
  });

  test('a file with CRLF line breaks keeps them', () => {
    const source = fs.readFileSync(path.join(CASES, 'start-today.block.yaml'), 'utf8').replace(/\n/g, '\r\n');
    const { ws, model, position } = open('projects/acme/routine/crlf.yaml', source);
    const edit = routineEdits(model, position, ws, NOW).find((e) => e.title === 'Start today')!;
    const golden = fs.readFileSync(path.join(CASES, 'start-today.block.golden.yaml'), 'utf8').replace(/\n/g, '\r\n');
    assert.equal(applied(model, edit.edits), golden);
  });
});
