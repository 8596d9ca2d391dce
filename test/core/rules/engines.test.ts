// Rules that stand on the SLA clocks and the schedule, with hand-computed expectations. The
// base workspace's "standard" policy runs on Mon–Fri 09:00–18:00 Moscow time, holiday 2026-11-04.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, diagnoseRule } from '../../helpers/workspace';

const incident = (priority: string, timeline: string, extra = '') => ({
  'projects/acme/incidents/INC-1.yaml': `kind: incident
id: INC-1
project: acme
title: VPN down
priority: ${priority}
opened: 2026-11-02T10:00:00+03:00
${extra}timeline:
${timeline}`,
});

test('sla-breach: resolution over its target, reported where it stopped', () => {
  // Mon 10:00 → Mon 17:00 is 7h; P1 resolution target is 4h.
  const out = diagnoseRule(
    'sla-breach',
    incident('P1', '  - { at: 2026-11-02T10:10:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T17:00:00+03:00, status: resolved }\n'),
  );
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:9:11 warning sla-breach resolution breached: took 7h of working time against the P1 target of 4h (policy "standard"), over by 3h',
  ]);
});

const incidentFile = (text: string) => ({ 'projects/acme/incidents/INC-1.yaml': `kind: incident\nid: INC-1\nproject: acme\ntitle: T\n${text}` });

test('sla-breach: met clocks, and working time that skips the night', () => {
  // P2: Mon 17:00 → Tue 11:00 is 1h + 2h = 3h of working time, within 8h.
  const out = diagnoseRule(
    'sla-breach',
    incidentFile('priority: P2\nopened: 2026-11-02T17:00:00+03:00\ntimeline:\n  - { at: 2026-11-02T17:20:00+03:00, status: acknowledged }\n  - { at: 2026-11-03T11:00:00+03:00, status: resolved }\n'),
  );
  assert.deepEqual(out, []);
});

test('sla-breach: an open incident over its targets is reported at opened', () => {
  const out = diagnoseRule('sla-breach', incidentFile('priority: P1\nopened: 2026-11-24T10:00:00+03:00\ntimeline: []\n'));
  // Now is Wed 2026-11-25 12:00: Tue 10:00–18:00 (8h) + Wed 09:00–12:00 (3h) = 11h.
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:6:9 warning sla-breach resolution breached: has run 11h of working time and is still running against the P1 target of 4h (policy "standard"), over by 7h',
    'projects/acme/incidents/INC-1.yaml:6:9 warning sla-breach response breached: has run 11h of working time and is still running against the P1 target of 30m (policy "standard"), over by 10h 30m',
  ]);
});

test('missing-postmortem: a resolved P1 without a postmortem after 48h, with a fix that creates it', () => {
  const out = diagnoseRule(
    'missing-postmortem',
    incident('P1', '  - { at: 2026-11-02T10:10:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T12:00:00+03:00, status: resolved }\n'),
  );
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:5:11 warning missing-postmortem P1 incident resolved without a postmortem; policy "standard" wants one published within 48h of the resolution (due 2026-11-04T12:00+03:00)',
  ]);
});

test('missing-postmortem: published in time is fine; published late is reported', () => {
  const resolved = '  - { at: 2026-11-02T10:10:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T12:00:00+03:00, status: resolved }\n';
  const pm = (published: string) => ({
    'projects/acme/postmortems/pm-inc-1.yaml': `kind: postmortem\nid: pm-inc-1\nincident: INC-1\nsummary: S\nroot_cause: R\naction_items: []\npublished: ${published}\n`,
  });
  assert.deepEqual(diagnoseRule('missing-postmortem', { ...incident('P1', resolved, 'postmortem: pm-inc-1\n'), ...pm('2026-11-03T10:00:00+03:00') }), []);
  assert.deepEqual(diagnoseRule('missing-postmortem', { ...incident('P1', resolved), ...pm('2026-11-03T10:00:00+03:00') }), [], 'found through the postmortem');
  assert.deepEqual(diagnoseRule('missing-postmortem', { ...incident('P1', resolved, 'postmortem: pm-inc-1\n'), ...pm('2026-11-05T12:00:00+03:00') }), [
    'projects/acme/incidents/INC-1.yaml:7:13 warning missing-postmortem postmortem "pm-inc-1" was published 1d late: policy "standard" wants it within 48h of the resolution for P1 (due 2026-11-04T12:00+03:00)',
  ]);
  // Twenty minutes late is twenty minutes, not "0h"; one second late is a minute.
  assert.deepEqual(diagnoseRule('missing-postmortem', { ...incident('P1', resolved, 'postmortem: pm-inc-1\n'), ...pm('2026-11-04T12:20:00+03:00') }), [
    'projects/acme/incidents/INC-1.yaml:7:13 warning missing-postmortem postmortem "pm-inc-1" was published 20m late: policy "standard" wants it within 48h of the resolution for P1 (due 2026-11-04T12:00+03:00)',
  ]);
  assert.match(diagnoseRule('missing-postmortem', { ...incident('P1', resolved, 'postmortem: pm-inc-1\n'), ...pm('2026-11-04T12:00:01+03:00') })[0]!, / published 1m late: /);
  assert.match(diagnoseRule('missing-postmortem', { ...incident('P1', resolved, 'postmortem: pm-inc-1\n'), ...pm('2026-11-05T15:30:00+03:00') })[0]!, / published 1d 3h late: /);
});

test('missing-postmortem: P3 needs none, and a P1 still within its 48h is not reported yet', () => {
  const resolved = '  - { at: 2026-11-02T10:10:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T12:00:00+03:00, status: resolved }\n';
  assert.deepEqual(diagnoseRule('missing-postmortem', incident('P3', resolved)), []);
  assert.deepEqual(diagnoseRule('missing-postmortem', incident('P1', resolved), { now: Date.parse('2026-11-03T12:00:00+03:00') }), []);
});

const chain = (tasks: string, extra = '') => ({
  'projects/acme/chains/landscape.yaml': `kind: chain\nid: landscape\nproject: acme\ntitle: Landscape\n${extra}tasks:\n${tasks}`,
});

test('dependency-cycle: every task of the cycle is reported, naming the whole cycle', () => {
  const out = diagnoseRule(
    'dependency-cycle',
    chain(
      '  - { id: a, title: A, department: network, status: todo, depends_on: [c] }\n' +
        '  - { id: b, title: B, department: network, status: todo, depends_on: [a] }\n' +
        '  - { id: c, title: C, department: network, status: todo, depends_on: [b] }\n' +
        '  - { id: d, title: D, department: network, status: todo }\n',
    ),
  );
  assert.equal(out.length, 3);
  for (const line of out) assert.match(line, /error dependency-cycle dependency cycle: (a → b → c → a|b → c → a → b|c → a → b → c) \(each task must finish before the next can start, so none of them can\)/);
});

test('dependency-cycle: a task that depends on itself', () => {
  const out = diagnoseRule('dependency-cycle', chain('  - { id: a, title: A, department: network, status: todo, depends_on: [a] }\n'));
  assert.equal(out.length, 1);
  assert.match(out[0]!, /dependency cycle: a → a/);
});

test('deadline-at-risk: a chain that cannot finish by its deadline', () => {
  // Today is Wed 2026-11-25: a (3d) Wed–Fri, b (2d) Mon 30th–Tue Dec 1st; the deadline is Fri 27th.
  const tasks =
    '  - { id: a, title: A, department: network, status: todo, estimate: 3d }\n' +
    '  - { id: b, title: B, department: unix, status: todo, estimate: 2d, depends_on: [a] }\n';
  assert.deepEqual(diagnoseRule('deadline-at-risk', chain(tasks, 'deadline: 2026-11-27\n')), [
    'projects/acme/chains/landscape.yaml:5:11 warning deadline-at-risk forecast finish 2026-12-01 is 2 working days after the deadline 2026-11-27; critical path: a → b',
  ]);
  assert.deepEqual(diagnoseRule('deadline-at-risk', chain(tasks, 'deadline: 2026-12-01\n')), []);
});

test('due-before-forecast: an open task due before it can finish', () => {
  const tasks =
    '  - { id: a, title: A, department: network, status: todo, estimate: 3d }\n' +
    '  - { id: b, title: B, department: unix, status: todo, estimate: 1d, depends_on: [a], due: 2026-11-27 }\n';
  assert.deepEqual(diagnoseRule('due-before-forecast', chain(tasks)), [
    'projects/acme/chains/landscape.yaml:7:92 warning due-before-forecast task "b" is due 2026-11-27, but the forecast says it finishes 2026-11-30',
  ]);
});

test('missing-sla-policy: an incident no policy applies to', () => {
  const noDefault = { 'tam.yaml': 'kind: workspace\nname: T\ntimezone: Europe/Moscow\n' };
  const out = diagnoseRule('missing-sla-policy', { ...noDefault, ...incident('P3', '  []\n') });
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:5:11 warning missing-sla-policy no SLA policy applies to this incident: set "sla_policy" on it or on project "acme", or "default_sla_policy" in tam.yaml',
  ]);
  assert.deepEqual(diagnoseRule('missing-sla-policy', incident('P3', '  []\n')), [], 'the workspace default applies');
});

test('deadline-at-risk: a finished chain is history, not a risk', () => {
  const tasks = '  - { id: a, title: A, department: network, status: done, started: 2026-11-20, finished: 2026-11-24 }\n';
  assert.deepEqual(diagnoseRule('deadline-at-risk', chain(tasks, 'deadline: 2026-11-20\n')), []);
});

test('duplicate-id: an action item id twice in one postmortem', () => {
  const out = diagnoseRule('duplicate-id', {
    'projects/acme/postmortems/pm.yaml':
      'kind: postmortem\nid: pm\nincident: INC-1\nsummary: S\nroot_cause: R\naction_items:\n  - { id: a1, title: One, status: open }\n  - { id: a1, title: Two, status: done }\n',
    ...incident('P3', ''),
  });
  assert.deepEqual(out, ['projects/acme/postmortems/pm.yaml:8:11 error duplicate-id action item id "a1" is used twice in postmortem "pm"']);
});

test('due-before-forecast: a due date on or after the forecast finish is fine, and done tasks are history', () => {
  const tasks =
    '  - { id: a, title: A, department: network, status: todo, estimate: 3d, due: 2026-11-27 }\n' +
    '  - { id: b, title: B, department: unix, status: done, started: 2026-11-20, finished: 2026-11-24, due: 2026-11-21 }\n';
  assert.deepEqual(diagnoseRule('due-before-forecast', chain(tasks)), []);
});

test('dependency-cycle: dependencies without a cycle, across chains too, report nothing', () => {
  const files = {
    ...chain(
      '  - { id: a, title: A, department: network, status: todo }\n' +
        '  - { id: b, title: B, department: network, status: todo, depends_on: [a, approvals/sign] }\n' +
        '  - { id: c, title: C, department: network, status: todo, depends_on: [a, b] }\n',
    ),
    'projects/acme/chains/approvals.yaml': 'kind: chain\nid: approvals\nproject: acme\ntitle: Approvals\ntasks:\n  - { id: sign, title: Sign, department: network, status: todo }\n',
  };
  assert.deepEqual(diagnoseRule('dependency-cycle', files), []);
});

test('sla-breach and missing-sla-policy: nothing to report for an incident within its targets', () => {
  const out = diagnose(incident('P3', '  - { at: 2026-11-02T10:30:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T15:00:00+03:00, status: resolved }\n'));
  assert.deepEqual(out, []);
});
