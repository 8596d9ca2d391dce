// Quick fixes of the language service, called with a string of YAML: did-you-mean, the missing
// offset, a missing field, creating the postmortem.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../server/src/core/check';
import { codeActions } from '../../server/src/service/code-actions';
import { TextModel } from '../../server/src/service/text-model';
import { fixture, fixtureFiles, NOW } from './helpers';

const files = fixtureFiles();

function fixesFor(file: string, overrides: Record<string, string> = {}) {
  const ws = fixture(overrides);
  const diagnostics = check(ws, { now: NOW }, [file]).get(file) ?? [];
  const model = new TextModel(file, ws.file(file)!.text!);
  return { fixes: codeActions(model, diagnostics, ws), model };
}

function applied(model: TextModel, fix: { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }): string {
  let text = model.text;
  for (const e of [...fix.edits].sort((a, b) => model.offsetAt(b.range.start) - model.offsetAt(a.range.start))) {
    text = text.slice(0, model.offsetAt(e.range.start)) + e.newText + text.slice(model.offsetAt(e.range.end));
  }
  return text;
}

test('did-you-mean of an unknown reference, from the core', () => {
  const { fixes, model } = fixesFor('projects/acme/incidents/INC-2.yaml');
  const fix = fixes.find((f) => f.title === 'Change to "network"');
  assert.ok(fix?.preferred);
  assert.match(applied(model, fix!), /department: network/);
});

test('a timestamp without offset: the zone offset of that date, or Z', () => {
  const { fixes, model } = fixesFor('projects/acme/incidents/INC-2.yaml');
  const offset = fixes.find((f) => f.title.startsWith('Add offset'));
  assert.equal(offset?.title, 'Add offset +03:00 (Europe/Moscow)');
  assert.match(applied(model, offset!), /opened: 2026-11-24T10:00:00\+03:00\n/);
  const z = fixes.find((f) => f.title.startsWith('Add Z'));
  assert.match(applied(model, z!), /opened: 2026-11-24T10:00:00Z\n/);
});

test('the offset follows DST for the date written', () => {
  const tz = { 'tam.yaml': files['tam.yaml']!.replace('Europe/Moscow', 'Europe/Berlin'), 'org/calendars.yaml': files['org/calendars.yaml']!.replace(/Europe\/Moscow/g, 'Europe/Berlin') };
  const summer = fixesFor('projects/acme/incidents/INC-2.yaml', { ...tz, 'projects/acme/incidents/INC-2.yaml': files['projects/acme/incidents/INC-2.yaml']!.replace('2026-11-24', '2026-07-01') });
  assert.ok(summer.fixes.some((f) => f.title === 'Add offset +02:00 (Europe/Berlin)'));
  const winter = fixesFor('projects/acme/incidents/INC-2.yaml', tz);
  assert.ok(winter.fixes.some((f) => f.title === 'Add offset +01:00 (Europe/Berlin)'));
});

test('a missing required field is added as the last key of its map', () => {
  const { fixes, model } = fixesFor('projects/acme/proposals/cdn.yaml');
  const fix = fixes.find((f) => f.title === 'Add required field "status"');
  assert.ok(fix);
  assert.equal(applied(model, fix!), files['projects/acme/proposals/cdn.yaml']!.replace(/\n$/, '\nstatus:\n'));
  const nested = fixesFor('projects/acme/chains/approvals.yaml', {
    'projects/acme/chains/approvals.yaml': 'kind: chain\nid: approvals\nproject: acme\ntitle: A\ntasks:\n  - id: sign\n    title: Sign\n    department: network\n',
  });
  const status = nested.fixes.find((f) => f.title === 'Add required field "status"');
  assert.ok(status);
  assert.match(applied(nested.model, status!), /department: network\n {4}status:\n$/);
});

test('a missing postmortem: create the file, link it from the incident', () => {
  const { fixes } = fixesFor('projects/acme/incidents/INC-1.yaml');
  const fix = fixes.find((f) => f.creates?.length);
  assert.ok(fix);
  assert.equal(fix!.creates![0]!.file, 'projects/acme/postmortems/pm-inc-1.yaml');
  assert.match(fix!.creates![0]!.text, /^kind: postmortem\nid: pm-inc-1\nincident: INC-1\n/);
  assert.equal(fix!.edits[0]!.newText, '\npostmortem: pm-inc-1');
});
