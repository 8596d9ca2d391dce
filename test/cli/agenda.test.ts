// `tam agenda` as a user runs it, on the sample workspace at its snapshot: the JSON contract of
// docs/cli.md, every section filled, lines that point at the node named, the same prediction as
// `tam validate`'s sla-at-risk and the same open breaches as `tam sla`, and exit 2 for bad input.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { AGENDA_TYPES } from '../../server/src/core/agenda/agenda';
import { tam } from '../helpers/cli';

const SAMPLE = path.join(__dirname, '../../sample-workspace');
const NOW = ['--now', '2026-11-25T12:00:00+03:00'];

async function agendaJson(...args: string[]): Promise<any> {
  const r = await tam(['agenda', SAMPLE, ...NOW, '--format', 'json', ...args]);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

test('the JSON contract: now, and items with type, project, id, file, line, at and message', async () => {
  const json = await agendaJson();
  assert.equal(json.now, '2026-11-25T09:00:00.000Z');
  assert.ok(json.items.length > 0);
  for (const item of json.items) {
    assert.deepEqual(Object.keys(item).slice(0, 5), ['type', 'project', 'id', 'file', 'line']);
    assert.ok((AGENDA_TYPES as readonly string[]).includes(item.type), item.type);
    assert.equal(typeof item.message, 'string');
    assert.ok(Number.isInteger(item.line) && item.line >= 1);
    assert.ok(fs.existsSync(path.join(SAMPLE, item.file)), item.file);
    if (item.at !== undefined) assert.match(item.at, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.000Z)?$/);
    if (item.type === 'sla-due') assert.ok(item.clock === 'response' || item.clock === 'resolution');
  }
  // Most urgent first: the types in the agenda's order.
  const order = json.items.map((i: any) => AGENDA_TYPES.indexOf(i.type));
  assert.deepEqual(order, [...order].sort((a: number, b: number) => a - b));
});

test('on its snapshot date the sample workspace fills every section', async () => {
  const json = await agendaJson();
  for (const type of AGENDA_TYPES) assert.ok(json.items.some((i: any) => i.type === type), `no ${type} item`);
  const due = json.items.find((i: any) => i.type === 'sla-due');
  assert.deepEqual([due.id, due.clock, due.at, due.leftMinutes], ['INC-2026-0573', 'resolution', '2026-11-25T11:35:00.000Z', 155]);
  const blocked = json.items.find((i: any) => i.type === 'task-blocked');
  assert.deepEqual([blocked.id, blocked.at], ['volga-dc2-landscape/power-upgrade', '2026-11-06']);
});

test('each item\'s line is the line of the node it names', async () => {
  const json = await agendaJson();
  const lineOf = (item: any) => fs.readFileSync(path.join(SAMPLE, item.file), 'utf8').split('\n')[item.line - 1]!;
  for (const item of json.items) {
    const line = lineOf(item);
    if (item.type === 'sla-due' || item.type === 'sla-breach') assert.match(line, /^opened: /, `${item.id}: ${line}`);
    if (item.type === 'task-ready') assert.match(line, /^\s+status: todo/, `${item.id}: ${line}`);
    if (item.type === 'task-due') assert.match(line, /^\s+due: /, `${item.id}: ${line}`);
    if (item.type === 'decision-waiting') assert.match(line, /^status: proposed/, `${item.id}: ${line}`);
    if (item.type === 'chain-at-risk') assert.match(line, /^deadline: /, `${item.id}: ${line}`);
  }
});

test('one prediction: sla-due items are the sla-at-risk diagnostics, sla-breach items the open breaches of tam sla', async () => {
  const json = await agendaJson();
  const validate = JSON.parse((await tam(['validate', SAMPLE, ...NOW, '--format', 'json'])).out);
  const atRisk = validate.diagnostics.filter((d: any) => d.code === 'sla-at-risk').map((d: any) => `${d.file}:${d.line}`);
  assert.deepEqual(json.items.filter((i: any) => i.type === 'sla-due').map((i: any) => `${i.file}:${i.line}`), atRisk);
  const sla = JSON.parse((await tam(['sla', SAMPLE, ...NOW, '--format', 'json'])).out);
  const open = sla.breaches.filter((b: any) => b.open).map((b: any) => `${b.id} ${b.clock} ${b.overByMinutes}`);
  assert.deepEqual(json.items.filter((i: any) => i.type === 'sla-breach').map((i: any) => `${i.id} ${i.clock} ${i.overByMinutes}`), open);
});

test('--tam covers the projects of that person, --project one project', async () => {
  const mine = await agendaJson('--tam', 'e.kuznetsova');
  assert.deepEqual(mine.projects, ['kedr-retail', 'lumen-edu']);
  assert.equal(mine.tam, 'e.kuznetsova');
  assert.ok(mine.items.every((i: any) => mine.projects.includes(i.project)));
  const volga = await agendaJson('--project', 'volga-bank');
  assert.ok(volga.items.length > 0 && volga.items.every((i: any) => i.project === 'volga-bank'));
  const noDays = await agendaJson('--days', '0');
  assert.equal(noDays.days, 0);
  assert.ok(noDays.items.filter((i: any) => i.type === 'task-due').every((i: any) => i.overdue || i.at === '2026-11-25'));
});

test('text: sections with their counts, each item with where it is written', async () => {
  const r = await tam(['agenda', SAMPLE, ...NOW, '--tam', 'e.kuznetsova']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^Agenda of Elena Kuznetsova \(e\.kuznetsova\) — 2026-11-25 12:00 Europe\/Moscow\n2 projects: kedr-retail, lumen-edu\n/);
  assert.match(r.out, /\nSLA clocks due within 4h of working time \(1\)\n  INC-2026-0573 \(kedr-retail\)  P2 "Payment callbacks[^\n]*resolution is due at 2026-11-25 14:35 Europe\/Moscow \(2h 35m of working time left, policy "premium-24x7"\)\n {6}\S*sample-workspace\/projects\/kedr-retail\/incidents\/INC-2026-0573\.yaml:8\n/);
  const md = await tam(['agenda', SAMPLE, ...NOW, '--tam', 'e.kuznetsova', '--format', 'markdown']);
  assert.match(md.out, /^## Agenda of Elena Kuznetsova/);
  assert.match(md.out, /\n\| Project \| Id \| What \| Where \|\n/);
});

test('bad input exits 2 with a reason', async () => {
  const cases: [string[], RegExp][] = [
    [['--tam', 'e.kuznetsove'], /no person "e\.kuznetsove" in the workspace; did you mean "e\.kuznetsova"\?/],
    [['--project', 'kedr'], /no project "kedr" in the workspace/],
    [['--days', 'seven'], /--days must be a whole number of days from 0 to 366, not "seven"/],
    [['--tam', 'e.kuznetsova', '--project', 'kedr-retail'], /--tam and --project cannot be used together/],
    [['--format', 'html'], /--format must be one of text, markdown, json/],
  ];
  for (const [args, message] of cases) {
    const r = await tam(['agenda', SAMPLE, ...NOW, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
});
