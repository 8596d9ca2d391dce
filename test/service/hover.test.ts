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
