// The schema rule: a finding per wrong node, at the key or the value, in words a person
// reads ("priority must be one of P1, P2, P3, P4, not \"P7\""); the schema chosen by kind.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAjv } from '../../../server/src/core/schema/ajv';
import { SCHEMAS } from '../../../server/src/core/schema/schemas';
import { diagnoseRule } from '../../helpers/workspace';

const incident = (extra: string) => ({
  'projects/acme/incidents/INC-1.yaml': `kind: incident
id: INC-1
project: acme
title: VPN down
priority: P2
opened: 2026-11-03T09:12:00+03:00
timeline: []
${extra}`,
});

test('a valid incident has no schema findings', () => {
  assert.deepEqual(diagnoseRule('schema', incident('')), []);
});

test('a wrong enum value is reported on the value with the allowed values', () => {
  const out = diagnoseRule('schema', {
    'projects/acme/incidents/INC-1.yaml': 'kind: incident\nid: INC-1\nproject: acme\ntitle: VPN down\npriority: P7\nopened: 2026-11-03T09:12:00+03:00\ntimeline: []\n',
  });
  assert.deepEqual(out, ['projects/acme/incidents/INC-1.yaml:5:11 error schema priority must be one of P1, P2, P3, P4, not "P7"']);
});

test('a missing required field is reported on the key of its parent', () => {
  const out = diagnoseRule('schema', {
    'projects/acme/chains/c.yaml': 'kind: chain\nid: c\nproject: acme\ntitle: Landscape\ntasks:\n  - id: vlan\n    title: VLAN\n    department: network\n',
  });
  assert.deepEqual(out, ['projects/acme/chains/c.yaml:6:5 error schema missing required field "status" in tasks item']);
});

test('an unknown field is reported on its key with a did-you-mean', () => {
  const out = diagnoseRule('schema', incident('cuase:\n  category: network\n'));
  assert.equal(out.length, 1);
  assert.match(out[0]!, /INC-1\.yaml:8:1 error schema unknown field "cuase"; did you mean "cause"\?/);
});

test('x- keys are free for users', () => {
  assert.deepEqual(diagnoseRule('schema', incident('x-jira: OPS-1234\n')), []);
});

test('a timestamp without an offset says so', () => {
  const out = diagnoseRule('schema', {
    'projects/acme/incidents/INC-1.yaml': 'kind: incident\nid: INC-1\nproject: acme\ntitle: VPN down\npriority: P2\nopened: 2026-11-03T09:12:00\ntimeline: []\n',
  });
  assert.deepEqual(out, [
    'projects/acme/incidents/INC-1.yaml:6:9 error schema opened must be a timestamp with an offset, like 2026-11-03T09:12:00+03:00; "2026-11-03T09:12:00" has no offset',
  ]);
});

test('an impossible date is refused', () => {
  const out = diagnoseRule('schema', {
    'projects/acme/chains/c.yaml': 'kind: chain\nid: c\nproject: acme\ntitle: T\ndeadline: 2026-02-30\ntasks:\n  - { id: a, title: A, department: network, status: todo }\n',
  });
  assert.deepEqual(out, ['projects/acme/chains/c.yaml:5:11 error schema deadline is not a real date: "2026-02-30"']);
});

test('SLA targets refuse days and weeks', () => {
  const out = diagnoseRule('schema', {
    'org/sla2.yaml': 'kind: sla-policy\nid: p2\ncalendar: msk\ntargets:\n  P1: { response: 1d, resolution: 4h }\n  P2: { response: 1h, resolution: 8h }\n  P3: { response: 4h, resolution: 24h }\n  P4: { response: 8h, resolution: 40h }\n',
  });
  assert.equal(out.length, 1);
  assert.match(out[0]!, /sla2\.yaml:5:19 error schema response must be working hours and minutes like 4h, 30m or 1h30m, not "1d"/);
});

test('task estimates refuse minutes', () => {
  const out = diagnoseRule('schema', {
    'projects/acme/chains/c.yaml': 'kind: chain\nid: c\nproject: acme\ntitle: T\ntasks:\n  - { id: a, title: A, department: network, status: todo, estimate: 30m }\n',
  });
  assert.equal(out.length, 1);
  assert.match(out[0]!, /estimate must be working days and hours/);
});

test('an unknown time zone is refused', () => {
  const out = diagnoseRule('schema', { 'org/cal2.yaml': 'kind: calendar\nid: mars\ntimezone: Mars/Olympus\n' });
  assert.deepEqual(out, ['org/cal2.yaml:3:11 error schema timezone "Mars/Olympus" is not an IANA time zone (like Europe/Moscow or UTC)']);
});

test('the schema is chosen by kind, never by file name', () => {
  const out = diagnoseRule('schema', { 'projects/acme/incidents/weird-name.yaml': 'kind: person\nid: pavel\nname: Pavel\n' });
  assert.deepEqual(out, []);
});

test('a document with no kind, an unknown kind, and an empty file in an entity folder', () => {
  const out = diagnoseRule('schema', {
    'org/nokind.yaml': 'id: x\nname: X\n',
    'org/typo.yaml': 'kind: incidnet\nid: x\n',
    'org/empty.yaml': '',
  });
  assert.deepEqual(out, [
    'org/empty.yaml:1:1 error schema file is empty: expected a document with a kind (workspace, department, person, calendar, sla-policy, project, chain, incident, postmortem or proposal)',
    'org/nokind.yaml:1:1 error schema document has no kind: add "kind:" with one of workspace, department, person, calendar, sla-policy, project, chain, incident, postmortem, proposal',
    'org/typo.yaml:1:7 error schema unknown kind "incidnet"; did you mean "incident"?',
  ]);
});

test('YAML that is not ours (a CI workflow) is skipped silently', () => {
  assert.deepEqual(diagnoseRule('schema', { '.github/workflows/ci.yml': 'name: CI\non: [push]\njobs: {}\n' }), []);
});

test('every schema is valid JSON Schema 2020-12 (the server skips this check at start)', () => {
  const ajv = createAjv({ validateSchema: true });
  for (const [kind, schema] of Object.entries(SCHEMAS)) {
    assert.equal(ajv.validateSchema(schema), true, `${kind}: ${ajv.errorsText(ajv.errors)}`);
    assert.doesNotThrow(() => ajv.compile(schema), kind);
  }
  // And the check does fail for a schema that is not one.
  assert.equal(ajv.validateSchema({ type: 'strng' }), false);
});

test('offsets no time zone has, and years typed wrong, are refused with their own words', () => {
  const out = diagnoseRule('schema', {
    'projects/acme/incidents/INC-1.yaml': `kind: incident
id: INC-1
project: acme
title: VPN down
priority: P2
opened: 2026-11-03T09:12:00+99:99
timeline:
  - { at: 2026-11-03T09:20:00+15:00, status: acknowledged }
  - { at: 2026-11-03T09:30:00+14:00, status: in_progress }
  - { at: 0206-11-03T10:00:00+03:00, status: resolved }
`,
    'projects/acme/chains/c.yaml': 'kind: chain\nid: c\nproject: acme\ntitle: T\ndeadline: 0206-12-11\ntasks:\n  - { id: a, title: A, department: network, status: todo }\n',
  });
  assert.deepEqual(out, [
    'projects/acme/chains/c.yaml:5:11 error schema deadline "0206-12-11" is in the year 0206: dates must lie between 1900 and 2199 (a typo?)',
    'projects/acme/incidents/INC-1.yaml:6:9 error schema opened has the offset +99:99, which no time zone has: offsets run from -14:00 to +14:00 with minutes 00–59 ("2026-11-03T09:12:00+99:99")',
    'projects/acme/incidents/INC-1.yaml:8:11 error schema at has the offset +15:00, which no time zone has: offsets run from -14:00 to +14:00 with minutes 00–59 ("2026-11-03T09:20:00+15:00")',
    'projects/acme/incidents/INC-1.yaml:10:11 error schema at "0206-11-03T10:00:00+03:00" is in the year 0206: dates must lie between 1900 and 2199 (a typo?)',
  ]);
});
