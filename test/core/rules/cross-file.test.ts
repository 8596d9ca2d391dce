// The rules that look across files without the engines: duplicate-id, unknown-reference,
// dependency-not-done, timeline-order, stale-doc, and the severities of tam.yaml `rules:`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { diagnose, diagnoseRule, lines, NOW, workspaceOf } from '../../helpers/workspace';

const chain = (tasks: string, extra = '') => ({
  'projects/acme/chains/landscape.yaml': `kind: chain\nid: landscape\nproject: acme\ntitle: Landscape\n${extra}tasks:\n${tasks}`,
});

test('duplicate-id: the same id twice in a kind, with the other definition as related', () => {
  const out = diagnoseRule('duplicate-id', { 'org/more-people.yaml': 'kind: person\nid: anna\nname: Anna Petrova\n' });
  assert.deepEqual(out, [
    'org/more-people.yaml:2:5 error duplicate-id person id "anna" is defined 2 times',
    'org/people.yaml:2:5 error duplicate-id person id "anna" is defined 2 times',
  ]);
});

test('duplicate-id: the same id in two kinds is fine', () => {
  assert.deepEqual(diagnoseRule('duplicate-id', { 'org/cal.yaml': 'kind: calendar\nid: network\ntimezone: UTC\n' }), []);
});

test('duplicate-id: a task id twice in one chain', () => {
  const out = diagnoseRule(
    'duplicate-id',
    chain('  - { id: vlan, title: VLAN, department: network, status: todo }\n  - { id: vlan, title: VLAN again, department: network, status: todo }\n'),
  );
  assert.equal(out.length, 2);
  assert.match(out[0]!, /landscape\.yaml:6:11 error duplicate-id task id "vlan" is used twice in chain "landscape"/);
});

test('unknown-reference: did-you-mean by spelling, and a department by its alias', () => {
  const out = diagnoseRule(
    'unknown-reference',
    chain('  - { id: vlan, title: VLAN, department: netwrok, status: todo }\n  - { id: os, title: OS, department: linux, status: todo, depends_on: [vlna] }\n'),
  );
  assert.deepEqual(out, [
    'projects/acme/chains/landscape.yaml:6:42 error unknown-reference unknown department "netwrok"; did you mean "network"?',
    'projects/acme/chains/landscape.yaml:7:38 error unknown-reference unknown department "linux"; did you mean "unix"?',
    'projects/acme/chains/landscape.yaml:7:72 error unknown-reference depends on task "vlna", which chain "landscape" does not have; did you mean "vlan"?',
  ]);
});

test('unknown-reference: cross-chain task references resolve, and a missing chain is named', () => {
  const files = {
    ...chain('  - { id: vlan, title: VLAN, department: network, status: todo, depends_on: [approvals/sign, nochain/x] }\n'),
    'projects/acme/chains/approvals.yaml': 'kind: chain\nid: approvals\nproject: acme\ntitle: Approvals\ntasks:\n  - { id: sign, title: Sign, department: network, status: done }\n',
  };
  const out = diagnoseRule('unknown-reference', files);
  assert.deepEqual(out, ['projects/acme/chains/landscape.yaml:6:94 error unknown-reference depends on task "nochain/x", but there is no chain "nochain"']);
});

test('unknown-reference: carries a fix', () => {
  const out = diagnose(chain('  - { id: vlan, title: VLAN, department: netwrok, status: todo }\n'));
  assert.equal(out.length, 1);
});

test('dependency-not-done: in progress while a predecessor is still to do', () => {
  const out = diagnoseRule(
    'dependency-not-done',
    chain(
      '  - { id: vlan, title: VLAN, department: network, status: todo }\n' +
        '  - { id: os, title: OS, department: unix, status: in_progress, started: 2026-11-20, depends_on: [vlan] }\n' +
        '  - { id: web, title: Web, department: unix, status: todo, depends_on: [os] }\n',
    ),
  );
  assert.deepEqual(out, [
    'projects/acme/chains/landscape.yaml:7:99 warning dependency-not-done task "os" is in progress but it depends on "vlan" (Network), which is to do',
  ]);
});

test('dependency-not-done: a done or cancelled predecessor is fine', () => {
  const out = diagnoseRule(
    'dependency-not-done',
    chain(
      '  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-02, finished: 2026-11-03 }\n' +
        '  - { id: fw, title: FW, department: network, status: cancelled }\n' +
        '  - { id: os, title: OS, department: unix, status: in_progress, started: 2026-11-20, depends_on: [vlan, fw] }\n',
    ),
  );
  assert.deepEqual(out, []);
});

test('timeline-order: an entry before opened, and one out of order', () => {
  const out = diagnoseRule('timeline-order', {
    'projects/acme/incidents/INC-1.yaml': `kind: incident
id: INC-1
project: acme
title: VPN down
priority: P3
opened: 2026-11-03T09:12:00+03:00
timeline:
  - { at: 2026-11-03T09:00:00+03:00, status: acknowledged }
  - { at: 2026-11-03T12:00:00+03:00, status: in_progress }
  - { at: 2026-11-03T11:00:00+03:00, status: resolved }
`,
  });
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:8:11 error timeline-order timeline entry 1 (acknowledged at 2026-11-03T09:00:00+03:00) is before the incident was opened (2026-11-03T09:12:00+03:00)',
    'projects/acme/incidents/INC-1.yaml:10:11 error timeline-order timeline entry 3 (resolved at 2026-11-03T11:00:00+03:00) is earlier than entry 2 (2026-11-03T12:00:00+03:00); keep the timeline in time order',
  ]);
});

test('timeline-order: entries in another offset are compared as instants', () => {
  const out = diagnoseRule('timeline-order', {
    'projects/acme/incidents/INC-1.yaml':
      'kind: incident\nid: INC-1\nproject: acme\ntitle: VPN down\npriority: P3\nopened: 2026-11-03T09:12:00+03:00\ntimeline:\n  - { at: 2026-11-03T06:20:00Z, status: acknowledged }\n',
  });
  assert.deepEqual(out, []);
});

test('stale-doc: a review older than its interval, and a fresh one', () => {
  const project = (reviewed: string, every = '') =>
    `kind: project\nid: acme\nname: ACME\nclient: ACME\ntam: anna\ndocs:\n  - path: docs/runbook.md\n    title: Runbook\n    reviewed: ${reviewed}\n${every}`;
  assert.deepEqual(diagnoseRule('stale-doc', { 'projects/acme/project.yaml': project('2026-09-01') }), []);
  assert.deepEqual(diagnoseRule('stale-doc', { 'projects/acme/project.yaml': project('2026-03-01') }), [
    'projects/acme/project.yaml:9:15 warning stale-doc "Runbook" was last reviewed 2026-03-01, 269 days ago; it is reviewed every 180d, so it was due on 2026-08-28',
  ]);
  assert.equal(diagnoseRule('stale-doc', { 'projects/acme/project.yaml': project('2026-09-01', '    review_every: 30d\n') }).length, 1);
});

test('stale-doc: a review falls due on a date, from the start of that day in the workspace zone', () => {
  // Reviewed 2026-05-30 + 180d = due 2026-11-26. The workspace is in Moscow (+03:00).
  const project = `kind: project\nid: acme\nname: ACME\nclient: ACME\ntam: anna\ndocs:\n  - path: docs/runbook.md\n    title: Runbook\n    reviewed: 2026-05-30\n`;
  const at = (now: string) => diagnoseRule('stale-doc', { 'projects/acme/project.yaml': project }, { now: Date.parse(now) });
  assert.deepEqual(at('2026-11-25T23:59:00+03:00'), [], 'the day before, all Moscow day');
  // 00:30 in Moscow is still the 25th in UTC: due already, as a TAM in Moscow reads the date.
  assert.deepEqual(at('2026-11-26T00:30:00+03:00'), [
    'projects/acme/project.yaml:9:15 warning stale-doc "Runbook" was last reviewed 2026-05-30, 180 days ago; it is reviewed every 180d, so it was due on 2026-11-26',
  ]);
});

test('rules: tam.yaml changes a severity or turns a rule off', () => {
  const files = { 'org/more-people.yaml': 'kind: person\nid: anna\nname: Anna Petrova\n' };
  const base = (rules: string) => ({ 'tam.yaml': `kind: workspace\nname: T\ndefault_sla_policy: standard\nrules:\n${rules}` });
  assert.match(diagnoseRule('duplicate-id', { ...files, ...base('  duplicate-id: warning\n') })[0]!, / warning duplicate-id /);
  assert.deepEqual(diagnoseRule('duplicate-id', { ...files, ...base('  duplicate-id: "off"\n') }), []);
});

test('one broken file never stops the others from being checked', () => {
  const out = diagnose({
    'org/broken.yaml': 'kind: person\nid: [unclosed\n',
    'org/more-people.yaml': 'kind: person\nid: anna\nname: Anna Petrova\n',
  });
  assert.ok(out.some((l) => l.startsWith('org/broken.yaml') && l.includes('yaml-syntax')));
  assert.ok(out.some((l) => l.startsWith('org/more-people.yaml') && l.includes('duplicate-id')));
});

test('unknown-reference: a suggestion follows the departments as they change, as a fresh check would', () => {
  const files = chain('  - { id: vlan, title: VLAN, department: storaje, status: todo }\n');
  const ws = workspaceOf(files);
  const unknown = (): string[] => lines([...check(ws, { now: NOW }).values()].flat()).filter((l) => l.includes('unknown-reference'));
  assert.deepEqual(unknown(), ['projects/acme/chains/landscape.yaml:6:42 error unknown-reference unknown department "storaje"']);
  // The suggestion is kept per kind (a typo repeated in many files is looked up once); a new
  // department must be seen by the next check, and a removed one forgotten.
  ws.setText('org/storage.yaml', 'kind: department\nid: storage\nname: Storage\n');
  assert.deepEqual(unknown(), ['projects/acme/chains/landscape.yaml:6:42 error unknown-reference unknown department "storaje"; did you mean "storage"?']);
  assert.deepEqual(unknown(), diagnoseRule('unknown-reference', { ...files, 'org/storage.yaml': 'kind: department\nid: storage\nname: Storage\n' }));
  ws.delete('org/storage.yaml');
  assert.deepEqual(unknown(), ['projects/acme/chains/landscape.yaml:6:42 error unknown-reference unknown department "storaje"']);
});
