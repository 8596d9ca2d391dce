// The agenda (core/agenda) against hand-computed cases. The base workspace's "standard" policy
// runs on Mon–Fri 09:00–18:00 Moscow time (P2: response 1h, resolution 8h); the horizon is
// tam.yaml's agenda.sla_horizon, 4h of working time when absent.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAgenda, type AgendaItem } from '../../../server/src/core/agenda/agenda';
import { BASE, diagnoseRule, workspaceOf } from '../../helpers/workspace';

/** Friday 27 November 2026, 16:00 in Moscow: two working hours left this week. */
const FRIDAY_4PM = Date.parse('2026-11-27T16:00:00+03:00');
const WEDNESDAY_NOON = Date.parse('2026-11-25T12:00:00+03:00');

const incident = (id: string, opened: string, timeline: string, priority = 'P2') => ({
  [`projects/acme/incidents/${id}.yaml`]: `kind: incident
id: ${id}
project: acme
title: Checkout slow
priority: ${priority}
opened: ${opened}
timeline:
${timeline}`,
});

const acknowledged = (at: string) => `  - { at: ${at}, status: acknowledged }\n`;

function items(files: Record<string, string>, now: number, type?: AgendaItem['type'], options = {}): AgendaItem[] {
  const all = buildAgenda(workspaceOf(files), now, options).items;
  return type ? all.filter((i) => i.type === type) : all;
}

test('sla-due: a clock due inside the horizon across a weekend, with its instant and the working time left', () => {
  // Opened Fri 11:00: by 16:00, 5h of the 8h are used. The 3h left are Fri 16–18 and Mon
  // 09–10, so it is due Monday 10:00; 4h from Fri 16:00 reach Monday 11:00.
  const due = items(incident('INC-1', '2026-11-27T11:00:00+03:00', acknowledged('2026-11-27T11:05:00+03:00')), FRIDAY_4PM, 'sla-due');
  assert.equal(due.length, 1);
  assert.equal(due[0]!.id, 'INC-1');
  assert.equal(due[0]!.clock, 'resolution');
  assert.equal(due[0]!.when, Date.parse('2026-11-30T10:00:00+03:00'));
  assert.equal(due[0]!.leftMinutes, 180);
  assert.equal(due[0]!.message, 'P2 "Checkout slow": resolution is due at 2026-11-30 10:00 Europe/Moscow (3h of working time left, policy "standard")');
  assert.equal(due[0]!.summary, 'resolution due Mon 10:00, 3h left');
});

test('sla-due: exactly at the horizon is inside, a minute after it is outside', () => {
  // Opened 12:00: 4h left, due Mon 11:00, the horizon's end. Opened 12:01: due Mon 11:01.
  const files = {
    ...incident('INC-1', '2026-11-27T12:00:00+03:00', acknowledged('2026-11-27T12:05:00+03:00')),
    ...incident('INC-2', '2026-11-27T12:01:00+03:00', acknowledged('2026-11-27T12:05:00+03:00')),
  };
  const due = items(files, FRIDAY_4PM, 'sla-due');
  assert.deepEqual(due.map((i) => [i.id, i.leftMinutes]), [['INC-1', 240]]);
});

test('sla-due: the horizon is tam.yaml\'s agenda.sla_horizon', () => {
  const files = {
    'tam.yaml': BASE['tam.yaml'] + 'agenda:\n  sla_horizon: 5h\n',
    ...incident('INC-2', '2026-11-27T12:01:00+03:00', acknowledged('2026-11-27T12:05:00+03:00')),
  };
  assert.deepEqual(items(files, FRIDAY_4PM, 'sla-due').map((i) => i.id), ['INC-2']);
});

test('sla-due: an incident nobody has acknowledged: its response clock is due first', () => {
  // Opened 15:30: response (1h) is due 16:30, 30m left; resolution (8h) has 7h 30m left.
  const files = incident('INC-1', '2026-11-27T15:30:00+03:00', '  - { at: 2026-11-27T15:31:00+03:00, status: waiting_for_customer }\n');
  assert.deepEqual(items(files, FRIDAY_4PM, 'sla-due').map((i) => [i.clock, i.leftMinutes]), [['response', 30]]);
});

test('a paused clock is not due: it cannot breach while paused; paused over its target it is an open breach', () => {
  const waiting = (at: string) => `  - { at: ${at}, status: waiting_for_customer }\n`;
  // INC-1: opened 09:00, waiting since 15:00: 6h of 8h used, 2h left, paused.
  // INC-2: opened Thu 09:00, 9h Thursday + 1h Friday = 10h used by Fri 10:00, then paused.
  const files = {
    ...incident('INC-1', '2026-11-27T09:00:00+03:00', acknowledged('2026-11-27T09:05:00+03:00') + waiting('2026-11-27T15:00:00+03:00')),
    ...incident('INC-2', '2026-11-26T09:00:00+03:00', acknowledged('2026-11-26T09:05:00+03:00') + waiting('2026-11-27T10:00:00+03:00')),
  };
  const all = items(files, FRIDAY_4PM);
  assert.deepEqual(all.filter((i) => i.type === 'sla-due'), []);
  const breaches = all.filter((i) => i.type === 'sla-breach');
  assert.deepEqual(breaches.map((i) => [i.id, i.clock, i.overByMinutes]), [['INC-2', 'resolution', 120]]);
  // 8h were reached on Thursday 17:00, 23 hours before "now".
  assert.equal(breaches[0]!.when, Date.parse('2026-11-26T17:00:00+03:00'));
  assert.match(breaches[0]!.message, /resolution breached 23h ago \(at 2026-11-26 17:00 Europe\/Moscow\) and is paused since 2026-11-27 10:00, over by 2h of working time against 8h/);
});

test('sla-at-risk: the same prediction as a diagnostic on the incident, information by default', () => {
  const out = diagnoseRule('sla-at-risk', incident('INC-1', '2026-11-27T11:00:00+03:00', acknowledged('2026-11-27T11:05:00+03:00')), { now: FRIDAY_4PM });
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:6:9 info sla-at-risk resolution is due at 2026-11-30 10:00 Europe/Moscow (3h of working time left, policy "standard")',
  ]);
  const off = { 'tam.yaml': BASE['tam.yaml'] + 'rules:\n  sla-at-risk: "off"\n', ...incident('INC-1', '2026-11-27T11:00:00+03:00', acknowledged('2026-11-27T11:05:00+03:00')) };
  assert.deepEqual(diagnoseRule('sla-at-risk', off, { now: FRIDAY_4PM }), []);
  // A minute past the horizon, nothing.
  assert.deepEqual(diagnoseRule('sla-at-risk', incident('INC-2', '2026-11-27T12:01:00+03:00', acknowledged('2026-11-27T12:05:00+03:00')), { now: FRIDAY_4PM }), []);
});

test('postmortem-due: one falling due within the days ahead, one overdue, one published in time', () => {
  const resolved = (at: string) => `  - { at: ${at}, status: resolved }\n`;
  const files = {
    // Resolved Tue 24 12:00: due Thu 26 12:00 (48h), in 1 day.
    ...incident('INC-1', '2026-11-24T10:00:00+03:00', acknowledged('2026-11-24T10:05:00+03:00') + resolved('2026-11-24T12:00:00+03:00'), 'P1'),
    // Resolved Fri 20 12:00: was due Sun 22 12:00.
    ...incident('INC-2', '2026-11-20T10:00:00+03:00', acknowledged('2026-11-20T10:05:00+03:00') + resolved('2026-11-20T12:00:00+03:00'), 'P1'),
    // P3: no postmortem required.
    ...incident('INC-3', '2026-11-24T10:00:00+03:00', acknowledged('2026-11-24T10:05:00+03:00') + resolved('2026-11-24T12:00:00+03:00'), 'P3'),
  };
  const due = items(files, WEDNESDAY_NOON, 'postmortem-due');
  assert.deepEqual(due.map((i) => [i.id, i.overdue, i.when]), [
    ['INC-2', true, Date.parse('2026-11-22T12:00:00+03:00')],
    ['INC-1', false, Date.parse('2026-11-26T12:00:00+03:00')],
  ]);
  assert.equal(due[1]!.message, 'P1 "Checkout slow": resolved 2026-11-24 12:00; its postmortem is due 2026-11-26 12:00 Europe/Moscow, in 1d (none written yet)');
  assert.equal(due[0]!.message, 'P1 "Checkout slow": resolved 2026-11-20 12:00; its postmortem was due 2026-11-22 12:00 Europe/Moscow, 3d ago (none written yet)');
  // With --days 0, only the overdue one.
  assert.deepEqual(items(files, WEDNESDAY_NOON, 'postmortem-due', { days: 0 }).map((i) => i.id), ['INC-2']);
});

const chain = (tasks: string) => ({
  'projects/acme/chains/landscape.yaml': `kind: chain
id: landscape
project: acme
title: Landscape
deadline: 2026-12-31
tasks:
${tasks}`,
});

test('task-ready: a task whose last dependency finished yesterday; blocked and due tasks once each', () => {
  const files = chain(`  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-19, finished: 2026-11-20 }
  - { id: vms, title: VMs, department: unix, status: done, started: 2026-11-23, finished: 2026-11-24 }
  - { id: os, title: OS hardening, department: unix, status: todo, depends_on: [vlan, vms], due: 2026-11-27 }
  - { id: dns, title: DNS records, department: network, status: todo, depends_on: [os], due: 2026-11-30 }
  - { id: power, title: Power upgrade, department: network, status: blocked, blocked_since: 2026-11-02, due: 2026-11-13 }
  - { id: later, title: Decommission, department: unix, status: todo, depends_on: [dns], due: 2026-12-15 }
`);
  const all = items(files, WEDNESDAY_NOON);
  const ready = all.filter((i) => i.type === 'task-ready');
  assert.deepEqual(ready.map((i) => i.id), ['landscape/os']);
  assert.equal(ready[0]!.when, '2026-11-24');
  assert.equal(ready[0]!.message, 'Unix can start "OS hardening" now: everything it depends on is done (the last finished 2026-11-24, yesterday); due 2026-11-27 (in 2 days)');
  const blocked = all.filter((i) => i.type === 'task-blocked');
  assert.deepEqual(blocked.map((i) => [i.id, i.when]), [['landscape/power', '2026-11-02']]);
  assert.equal(blocked[0]!.message, 'Network: "Power upgrade" is blocked since 2026-11-02 (23 days); due 2026-11-13 (12 days ago)');
  // dns waits for os (not ready) and is due within 7 days; "later" is due after them.
  const due = all.filter((i) => i.type === 'task-due');
  assert.deepEqual(due.map((i) => [i.id, i.when, i.overdue, i.summary]), [['landscape/dns', '2026-11-30', false, 'due in 5 days']]);
});

test('doc-review-due: a document due in exactly N days is listed, one a day later is not', () => {
  // Reviewed 2026-09-03 every 90d: due 2026-12-02, 7 days after Wednesday 25 November.
  const project = `kind: project
id: acme
name: ACME landing
client: ACME
tam: anna
docs:
  - { path: docs/runbook.md, title: Runbook, reviewed: 2026-09-03, review_every: 90d }
  - { path: docs/network.md, title: Network, reviewed: 2026-09-04, review_every: 90d }
  - { path: docs/old.md, title: Old, reviewed: 2026-01-10, review_every: 90d }
`;
  const due = items({ 'projects/acme/project.yaml': project }, WEDNESDAY_NOON, 'doc-review-due');
  assert.deepEqual(due.map((i) => [i.id, i.when, i.overdue]), [
    ['docs/old.md', '2026-04-10', true],
    ['docs/runbook.md', '2026-12-02', false],
  ]);
  assert.equal(due[1]!.message, '"Runbook" is due for review 2026-12-02, in 7 days (last reviewed 2026-09-03, every 90d)');
  // --days 6 leaves the runbook out.
  assert.deepEqual(items({ 'projects/acme/project.yaml': project }, WEDNESDAY_NOON, 'doc-review-due', { days: 6 }).map((i) => i.id), ['docs/old.md']);
});

test('decision-waiting: a proposal waiting more than 30 days for the customer, not one waiting exactly 30', () => {
  const proposal = (id: string, on: string, status = 'proposed') => ({
    [`projects/acme/proposals/${id}.yaml`]: `kind: proposal\nid: ${id}\nproject: acme\ntitle: ${id}\ntype: risk\nseverity: high\nproposed_by: oleg\nproposed_on: ${on}\nstatus: ${status}\n`,
  });
  const files = { ...proposal('ddos', '2026-10-25'), ...proposal('waf', '2026-10-26'), ...proposal('cdn', '2026-09-01', 'accepted') };
  const waiting = items(files, WEDNESDAY_NOON, 'decision-waiting');
  assert.deepEqual(waiting.map((i) => i.id), ['ddos']);
  assert.equal(waiting[0]!.message, 'risk "ddos" (severity high) has waited 31 days for the customer\'s decision: proposed 2026-10-25 by Oleg Ivanov');
});

test('--tam and --project choose the projects; items come in the agenda\'s order', () => {
  const other = { 'projects/beta/project.yaml': 'kind: project\nid: beta\nname: Beta\nclient: Beta\ntam: oleg\n' };
  const files = {
    ...other,
    ...incident('INC-1', '2026-11-27T11:00:00+03:00', acknowledged('2026-11-27T11:05:00+03:00')),
    'projects/beta/incidents/INC-9.yaml': `kind: incident\nid: INC-9\nproject: beta\ntitle: Beta down\npriority: P2\nopened: 2026-11-26T09:00:00+03:00\ntimeline: []\n`,
  };
  const ws = workspaceOf(files);
  assert.deepEqual(buildAgenda(ws, FRIDAY_4PM).items.map((i) => `${i.type} ${i.id}`), ['sla-due INC-1', 'sla-breach INC-9', 'sla-breach INC-9']);
  assert.deepEqual(buildAgenda(ws, FRIDAY_4PM, { tam: 'anna' }).items.map((i) => i.id), ['INC-1']);
  assert.deepEqual(buildAgenda(ws, FRIDAY_4PM, { tam: 'anna' }).projects, ['acme']);
  assert.deepEqual(buildAgenda(ws, FRIDAY_4PM, { project: 'beta' }).items.map((i) => i.clock), ['response', 'resolution']);
});
