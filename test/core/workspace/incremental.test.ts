// The index is updated one file at a time; affectedBy must name every file whose diagnostics
// can change, so that re-checking only those gives what a fresh check of everything gives.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { MemoryHost } from '../../../server/src/core/workspace/host';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { BASE, NOW, lines } from '../../helpers/workspace';

const FILES: Record<string, string> = {
  ...BASE,
  'projects/acme/chains/net.yaml': 'kind: chain\nid: net\nproject: acme\ntitle: Net\ntasks:\n  - { id: vlan, title: VLAN, department: network, status: todo, estimate: 2d }\n',
  'projects/acme/chains/os.yaml': 'kind: chain\nid: os\nproject: acme\ntitle: OS\ndeadline: 2026-12-31\ntasks:\n  - { id: install, title: Install, department: unix, status: todo, depends_on: [net/vlan] }\n',
  'projects/acme/incidents/INC-1.yaml':
    'kind: incident\nid: INC-1\nproject: acme\ntitle: T\npriority: P2\nopened: 2026-11-02T10:00:00+03:00\ntimeline:\n  - { at: 2026-11-02T10:10:00+03:00, status: acknowledged }\n  - { at: 2026-11-02T17:00:00+03:00, status: resolved }\n',
  'projects/other/incidents/INC-2.yaml':
    'kind: incident\nid: INC-2\nproject: acme\ntitle: T\npriority: P4\nopened: 2026-11-02T10:00:00+03:00\ntimeline: []\nsla_policy: standard\n',
  'projects/acme/project.yaml': BASE['projects/acme/project.yaml']!,
};

function setup() {
  const host = new MemoryHost(FILES);
  const ws = new Workspace(host);
  ws.loadAll();
  return { host, ws };
}

/** One file changed, as the language server sees it: every change is told to affectedBy. */
function edit(ws: Workspace, host: MemoryHost, file: string, text: string | undefined): Set<string> {
  if (text === undefined) host.files.delete(file);
  else host.files.set(file, text);
  const touched = ws.refresh(file);
  return ws.affectedBy([file], touched, true);
}

function fresh(host: MemoryHost): string[] {
  const ws = new Workspace(new MemoryHost(Object.fromEntries(host.files)));
  ws.loadAll();
  return lines([...check(ws, { now: NOW }).values()].flat()).sort();
}

test('renaming a department re-checks the chains that name it', () => {
  const { host, ws } = setup();
  const affected = edit(ws, host, 'org/departments.yaml', FILES['org/departments.yaml']!.replace('id: network', 'id: net-ops'));
  assert.ok(affected.has('projects/acme/chains/net.yaml'));
  assert.ok(!affected.has('projects/acme/incidents/INC-1.yaml'));
});

test('removing a task re-checks the chain that depends on it in another chain', () => {
  const { host, ws } = setup();
  const affected = edit(ws, host, 'projects/acme/chains/net.yaml', FILES['projects/acme/chains/net.yaml']!.replace('id: vlan', 'id: vlan2'));
  assert.ok(affected.has('projects/acme/chains/os.yaml'));
});

test('a calendar change reaches incidents through their policy, transitively', () => {
  const { host, ws } = setup();
  const affected = edit(ws, host, 'org/calendars.yaml', FILES['org/calendars.yaml']!.replace('holidays: [2026-11-04]', 'holidays: [2026-11-02]'));
  assert.ok(affected.has('org/sla.yaml'));
  assert.ok(affected.has('projects/acme/incidents/INC-1.yaml'), 'via the workspace default policy or the project');
  assert.ok(affected.has('projects/other/incidents/INC-2.yaml'), 'via its own sla_policy');
  assert.ok(affected.has('projects/acme/chains/net.yaml'), 'via the department calendar');
});

test('editing one incident re-checks only it', () => {
  const { host, ws } = setup();
  const affected = edit(ws, host, 'projects/acme/incidents/INC-1.yaml', FILES['projects/acme/incidents/INC-1.yaml']!.replace('P2', 'P1'));
  assert.deepEqual([...affected], ['projects/acme/incidents/INC-1.yaml']);
});

test('a new postmortem re-checks the incident it names', () => {
  const { host, ws } = setup();
  const affected = edit(ws, host, 'projects/acme/postmortems/pm.yaml', 'kind: postmortem\nid: pm\nincident: INC-1\nsummary: S\nroot_cause: R\naction_items: []\n');
  assert.ok(affected.has('projects/acme/incidents/INC-1.yaml'));
});

test('after any sequence of edits, re-checking the affected files equals a fresh check', () => {
  const { host, ws } = setup();
  const current = new Map([...check(ws, { now: NOW })].map(([f, d]) => [f, lines(d)]));
  const edits: [string, string | undefined][] = [
    ['org/departments.yaml', FILES['org/departments.yaml']!.replace('id: network', 'id: net-ops')],
    ['projects/acme/chains/net.yaml', FILES['projects/acme/chains/net.yaml']!.replace('department: network', 'department: net-ops')],
    ['org/more.yaml', 'kind: person\nid: anna\nname: Duplicate\n'],
    ['projects/acme/chains/net.yaml', undefined],
    ['org/calendars.yaml', FILES['org/calendars.yaml']!.replace('holidays: [2026-11-04]', 'holidays: [2026-11-02]')],
    ['org/more.yaml', undefined],
    ['tam.yaml', BASE['tam.yaml']! + 'rules:\n  sla-breach: error\n'],
  ];
  for (const [file, text] of edits) {
    const affected = edit(ws, host, file, text);
    for (const f of affected) current.delete(f);
    for (const [f, d] of check(ws, { now: NOW }, affected)) current.set(f, lines(d));
    assert.deepEqual([...current.values()].flat().sort(), fresh(host), `after editing ${file}`);
  }
});

test('a new id re-checks the references to missing ids of its kind: their did-you-mean may change', () => {
  const { host, ws } = setup();
  edit(ws, host, 'projects/acme/postmortems/pm.yaml', 'kind: postmortem\nid: pm\nincident: INC-9\nsummary: S\nroot_cause: R\naction_items: []\n');
  const affected = edit(ws, host, 'projects/acme/incidents/INC-8.yaml', FILES['projects/acme/incidents/INC-1.yaml']!.replace('id: INC-1', 'id: INC-8'));
  assert.ok(affected.has('projects/acme/postmortems/pm.yaml'), '"unknown incident INC-9" now suggests INC-8');
  assert.ok(!affected.has('projects/acme/chains/net.yaml'));
});

test('an edit that keeps every id re-checks no reference to a missing id; an id that comes, goes or is renamed does', () => {
  const { host, ws } = setup();
  const pm = 'projects/acme/postmortems/pm.yaml';
  const inc1 = 'projects/acme/incidents/INC-1.yaml';
  const inc8 = 'projects/acme/incidents/INC-8.yaml';
  const current = new Map([...check(ws, { now: NOW })].map(([f, d]) => [f, lines(d)]));
  const steps: [string, string | undefined, boolean][] = [
    [pm, 'kind: postmortem\nid: pm\nincident: INC-9\nsummary: S\nroot_cause: R\naction_items: []\n', true],
    [inc1, FILES[inc1]!.replace('P2', 'P1'), false],
    [inc8, FILES[inc1]!.replace('id: INC-1', 'id: INC-8'), true],
    [inc8, FILES[inc1]!.replace('id: INC-1', 'id: INC-8').replace('title: T', 'title: Eight'), false],
    [inc1, FILES[inc1]!.replace('id: INC-1', 'id: INC-7'), true],
    [inc8, undefined, true],
    [inc1, FILES[inc1]!.replace('id: INC-1', 'id: INC-7').replace('P2', 'P3'), false],
  ];
  for (const [file, text, reaches] of steps) {
    const affected = edit(ws, host, file, text);
    if (file !== pm) assert.equal(affected.has(pm), reaches, `after editing ${file}: the did-you-mean of "unknown incident INC-9" ${reaches ? 'may change' : 'cannot change'}`);
    for (const f of affected) current.delete(f);
    for (const [f, d] of check(ws, { now: NOW }, affected)) current.set(f, lines(d));
    assert.deepEqual([...current.values()].flat().sort(), fresh(host), `after editing ${file}`);
  }
});

test('keys of changes the index did not see happen (a Git diff, a cache) re-check the references to missing ids of their kind', () => {
  const { host, ws } = setup();
  const pm = 'projects/acme/postmortems/pm.yaml';
  edit(ws, host, pm, 'kind: postmortem\nid: pm\nincident: INC-9\nsummary: S\nroot_cause: R\naction_items: []\n');
  // INC-1 was renamed to INC-7 on disk since some earlier state the caller knows of.
  host.files.set('projects/acme/incidents/INC-1.yaml', FILES['projects/acme/incidents/INC-1.yaml']!.replace('id: INC-1', 'id: INC-7'));
  ws.refresh('projects/acme/incidents/INC-1.yaml');
  edit(ws, host, 'projects/acme/incidents/INC-2.yaml', FILES['projects/other/incidents/INC-2.yaml']!);
  const affected = ws.affectedBy(['projects/acme/incidents/INC-1.yaml'], ['incident:INC-1', 'incident:INC-7']);
  assert.ok(affected.has(pm));
});

test('a file that names an entity twice refers to it until it names it no more', () => {
  const { host, ws } = setup();
  const chains = (file: string) => file.includes('/chains/');
  const referrers = () => [...new Set(ws.referencesTo('department', 'network').map((r) => r.file))].filter(chains).sort();
  const net = 'projects/acme/chains/net.yaml';
  const twice = FILES[net]!.replace(/\n$/, '\n  - { id: port, title: Port, department: network, status: todo, estimate: 1d }\n');
  edit(ws, host, net, twice);
  assert.deepEqual(referrers(), [net]);
  assert.equal(ws.referencesTo('department', 'network').filter((r) => chains(r.file)).length, 2);
  edit(ws, host, net, FILES[net]!);
  assert.deepEqual(referrers(), [net], 'still named once');
  edit(ws, host, net, FILES[net]!.replace('department: network', 'department: unix'));
  assert.deepEqual(referrers(), [], 'named no more');
  edit(ws, host, 'projects/acme/chains/other.yaml', twice.replace('id: net', 'id: other'));
  edit(ws, host, net, twice);
  assert.deepEqual(referrers(), [net, 'projects/acme/chains/other.yaml']);
  edit(ws, host, 'projects/acme/chains/other.yaml', undefined);
  assert.deepEqual(referrers(), [net]);
});
