// Code lenses of the language service: above a chain its forecast, the graph and the Gantt
// chart; above an incident its clocks, its project's SLA Summary and, when its policy wants a
// postmortem that does not exist, "Create postmortem"; above a project its open breaches and
// late chains. Each lens says what clicking it does.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeLenses } from '../../server/src/service/code-lenses';
import { TextModel } from '../../server/src/service/text-model';
import { fixture, fixtureFiles, NOW } from './helpers';

const files = fixtureFiles();
const lensesOf = (file: string, overrides: Record<string, string> = {}) => {
  const ws = fixture(overrides);
  return codeLenses(new TextModel(file, ws.file(file)!.text!), ws, NOW).map((l) => [l.title, l.action ?? null, l.actionOnly ?? false]);
};

test('a chain: its forecast opens the graph; "Show graph" and "Gantt" are there to be clicked', () => {
  const graph = (format: string) => ({ kind: 'graph', chain: 'landscape', file: 'projects/acme/chains/landscape.yaml', format });
  assert.deepEqual(lensesOf('projects/acme/chains/landscape.yaml'), [
    ['forecast 2026-12-01 · late by 2 days · critical path: 2 tasks', graph('flowchart'), false],
    ['Show graph', graph('flowchart'), true],
    ['Gantt', graph('gantt'), true],
  ]);
});

test('an incident: its clocks open its project\'s SLA Summary; "Create postmortem" only while one is required and missing', () => {
  const sla = { kind: 'sla', project: 'acme' };
  assert.deepEqual(lensesOf('projects/acme/incidents/INC-1.yaml'), [
    ['response: met, 10m of 30m', sla, false],
    ['resolution: breached, 5h 10m of 4h', sla, false],
    ['SLA Summary', sla, true],
    ['Create postmortem', { kind: 'create-postmortem', incident: 'INC-1' }, true],
  ]);
  // With a postmortem (even a draft), nothing to create.
  const withDraft = lensesOf('projects/acme/incidents/INC-1.yaml', {
    'projects/acme/postmortems/pm-1.yaml': 'kind: postmortem\nid: pm-1\nincident: INC-1\nsummary: S\nroot_cause: R\naction_items: []\n',
  });
  assert.deepEqual(withDraft.map((l) => l[0]), ['response: met, 10m of 30m', 'resolution: breached, 5h 10m of 4h', 'SLA Summary']);
  // A P3 needs none.
  const p3 = lensesOf('projects/acme/incidents/INC-1.yaml', { 'projects/acme/incidents/INC-1.yaml': files['projects/acme/incidents/INC-1.yaml']!.replace('priority: P1', 'priority: P3') });
  assert.ok(!p3.some((l) => l[0] === 'Create postmortem'));
  // Not resolved yet: none either.
  const open = lensesOf('projects/acme/incidents/INC-1.yaml', { 'projects/acme/incidents/INC-1.yaml': files['projects/acme/incidents/INC-1.yaml']!.replace('status: resolved', 'status: in_progress') });
  assert.ok(!open.some((l) => l[0] === 'Create postmortem'));
});

test('a project: its open SLA breaches and its late chains', () => {
  assert.deepEqual(lensesOf('projects/acme/project.yaml'), [
    ['no open SLA breaches', { kind: 'sla', project: 'acme' }, false],
    ['late: landscape by 2 working days', { kind: 'graph', chain: 'landscape', file: 'projects/acme/chains/landscape.yaml', format: 'gantt' }, false],
  ]);
  // INC-1 not resolved: its resolution clock, over its 4h, is an open breach.
  const breach = lensesOf('projects/acme/project.yaml', { 'projects/acme/incidents/INC-1.yaml': files['projects/acme/incidents/INC-1.yaml']!.replace('status: resolved', 'status: in_progress') });
  assert.deepEqual(breach[0], ['1 open SLA breach', { kind: 'sla', project: 'acme' }, false]);
});

test('a chain with errors has no forecast, and says so', () => {
  const broken = files['projects/acme/chains/landscape.yaml']!.replace('    status: todo\n    estimate: 3d', '    status: started\n    estimate: 3d');
  assert.deepEqual(lensesOf('projects/acme/chains/landscape.yaml', { 'projects/acme/chains/landscape.yaml': broken })[0]!.slice(0, 2), ['no forecast until the errors of this chain are fixed', null]);
});
