// Hover of the language service: schema documentation for keys, the entity behind a reference,
// an incident's clocks and a chain's forecast.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover } from '../../server/src/service/hover';
import { cursor, fixture, fixtureFiles, NOW } from './helpers';

const files = fixtureFiles();
const ws = fixture();
const hoverAt = (file: string, needle: string, shift = 0, text = files[file]!) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${file}`);
  const { model, position } = cursor(file, text.slice(0, i + shift) + '|' + text.slice(i + shift));
  return hover(model, position, ws, NOW);
};

test('a key: the title and description from the schema, through $ref', () => {
  const h = hoverAt('projects/acme/chains/landscape.yaml', 'estimate', 2);
  assert.match(h!.contents, /^\*\*Estimate\*\*\n\nExpected effort in working days/);
  const opened = hoverAt('projects/acme/incidents/INC-1.yaml', 'opened');
  assert.match(opened!.contents, /\*\*Opened\*\*/);
});

test('an enum value: what it means', () => {
  const h = hoverAt('projects/acme/incidents/INC-1.yaml', 'P1');
  assert.match(h!.contents, /`P1`: Critical/);
});

test('a department reference: its name and lead', () => {
  const h = hoverAt('projects/acme/incidents/INC-1.yaml', 'network');
  assert.match(h!.contents, /\*\*Department\*\* `network` — Network/);
  assert.match(h!.contents, /lead: Oleg Ivanov \(`oleg`\)/);
});

test('a person reference: name and roles', () => {
  const h = hoverAt('projects/acme/project.yaml', 'anna');
  assert.match(h!.contents, /Anna Smirnova/);
  assert.match(h!.contents, /roles: tam, engineer/);
});

test('a task reference: status, department and forecast', () => {
  const h = hoverAt('projects/acme/chains/landscape.yaml', '- vm', 2);
  assert.match(h!.contents, /\*\*Task\*\* `landscape\/vm` — Create three VMs/);
  assert.match(h!.contents, /status: todo/);
  assert.match(h!.contents, /department: Unix/);
  assert.match(h!.contents, /forecast: 2026-11-25 → 2026-11-27 \(critical path\)/);
});

test('an incident id: its response and resolution clocks', () => {
  const h = hoverAt('projects/acme/incidents/INC-1.yaml', 'INC-1');
  assert.match(h!.contents, /response: met, 10m of 30m/);
  assert.match(h!.contents, /resolution: breached, 5h 10m of 4h/);
});

test('a chain id: forecast and critical path', () => {
  const h = hoverAt('projects/acme/chains/landscape.yaml', 'landscape');
  assert.match(h!.contents, /forecast: forecast 2026-12-01 · late by 2 days · critical path: 2 tasks/);
  assert.match(h!.contents, /critical path: `vm` → `os`/);
});

test('an unknown reference says so, with a guess', () => {
  const h = hoverAt('projects/acme/incidents/INC-2.yaml', 'netwrok');
  assert.match(h!.contents, /`netwrok` is not defined in the workspace; did you mean `network`\?/);
});

test('nothing to say: blank lines, past the end', () => {
  assert.equal(hoverAt('tam.yaml', '\nkind', 0), undefined);
});

test('a date: its weekday and whether it is a working day in the calendar that applies there', () => {
  const chain = files['projects/acme/chains/landscape.yaml']!;
  const first = (h: ReturnType<typeof hoverAt>) => h!.contents.split('\n\n')[0];
  // A task's date: its department's calendar; a chain's own date: the calendar of its last task.
  assert.equal(first(hoverAt('projects/acme/chains/landscape.yaml', 'started: 2026-11-16', 10)), '**Monday** 2026-11-16 — a working day in calendar `msk` of department `network`');
  assert.equal(first(hoverAt('projects/acme/chains/landscape.yaml', 'deadline: 2026-11-27', 12)), '**Friday** 2026-11-27 — a working day in calendar `msk` of department `unix`');
  const weekend = chain.replace('started: 2026-11-16', 'started: 2026-11-21');
  assert.equal(first(hoverAt('projects/acme/chains/landscape.yaml', 'started: 2026-11-21', 10, weekend)), '**Saturday** 2026-11-21 — not a working day in calendar `msk` of department `network`');
  const holiday = chain.replace('started: 2026-11-16', 'started: 2026-11-04');
  assert.equal(first(hoverAt('projects/acme/chains/landscape.yaml', 'started: 2026-11-04', 10, holiday)), '**Wednesday** 2026-11-04 — a holiday in calendar `msk` of department `network`');
  // A department without a calendar works Mon–Fri.
  const nameless = chain.replace('department: network', 'department: design');
  assert.equal(first(hoverAt('projects/acme/chains/landscape.yaml', 'started: 2026-11-16', 10, nameless)), '**Monday** 2026-11-16 — a working day in the Mon–Fri calendar of department `design` (it names none)');
});

test('a timestamp of an incident: on the policy calendar\'s clock, within or outside working hours', () => {
  const incident = files['projects/acme/incidents/INC-1.yaml']!;
  const first = (h: ReturnType<typeof hoverAt>) => h!.contents.split('\n\n')[0];
  assert.equal(first(hoverAt('projects/acme/incidents/INC-1.yaml', 'opened: 2026', 10)), '**Monday** 2026-11-16 10:00 in Europe/Moscow — a working day in calendar `msk` of SLA policy `standard`, within working hours');
  // Written on another clock: 05:30 UTC is 08:30 in Moscow, before the working day starts.
  const early = incident.replace('opened: 2026-11-16T10:00:00+03:00', 'opened: 2026-11-16T05:30:00Z');
  assert.equal(first(hoverAt('projects/acme/incidents/INC-1.yaml', 'opened: 2026', 10, early)), '**Monday** 2026-11-16 08:30 in Europe/Moscow — a working day in calendar `msk` of SLA policy `standard`, outside working hours');
});

test('a date where no calendar applies: the weekday only; a holiday of a calendar: named when the calendar names it', () => {
  assert.equal(hoverAt('projects/acme/proposals/cdn.yaml', 'proposed_on: 2026', 14)!.contents.split('\n\n')[0], '**Friday** 2026-11-20');
  const calendars = files['org/calendars.yaml']!.replace('holidays: [2026-11-04]', 'holidays: [{ date: 2026-11-04, name: "Unity *Day*" }, 2026-12-31]');
  const named = fixture({ 'org/calendars.yaml': calendars });
  const at = (needle: string, shift: number) => {
    const i = calendars.indexOf(needle);
    const { model, position } = cursor('org/calendars.yaml', calendars.slice(0, i + shift) + '|' + calendars.slice(i + shift));
    return hover(model, position, named, NOW)!.contents.split('\n\n')[0];
  };
  assert.equal(at('date: 2026-11-04', 8), '**Wednesday** 2026-11-04 — a holiday in this calendar: Unity \\*Day\\*');
  assert.equal(at('2026-12-31', 3), '**Thursday** 2026-12-31 — a holiday in this calendar');
});
