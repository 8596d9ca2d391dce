// The templates of the "TAM: New …" commands: each one is a valid entity of its kind as the
// core reads it (no schema finding), whatever the user typed into the title.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { buildRecord } from '../../server/src/core/workspace/workspace';
import { chainYaml, idProblem, incidentYaml, postmortemIdFor, postmortemYaml, projectYaml, slug, yamlString } from '../../extension/src/templates';

const NASTY = ['Checkout: 502 # for some', 'yes', '- leading dash', '"quoted"', "it's {a} [b] & c", '123', 'null', 'tab\there', 'ends with -'];

function schemaFindings(file: string, text: string): string[] {
  const record = buildRecord(file, text);
  assert.ok(record, 'read as a workspace file');
  return record.local.map((d) => d.message);
}

test('yamlString reads back as the same string', () => {
  for (const s of [...NASTY, 'Plain title (network, VMs)', 'Kedr Market LLC']) {
    assert.equal(parse(`k: ${yamlString(s)}`).k, s.replace(/[\r\n]+/g, ' ').trim(), s);
  }
  assert.equal(yamlString('Plain title (network, VMs)'), 'Plain title (network, VMs)');
});

test('ids: slug and the id rule of the format', () => {
  assert.equal(slug('Kedr Market — e-commerce!'), 'kedr-market-e-commerce');
  assert.equal(idProblem('ok-id.1'), undefined);
  assert.match(idProblem('Bad Id')!, /lower-case/);
  assert.match(idProblem('taken', ['taken'])!, /already used/);
  assert.equal(postmortemIdFor('INC-2026-0326'), 'pm-2026-0326');
});

test('every template is a valid entity', () => {
  for (const title of NASTY) {
    assert.deepEqual(schemaFindings('projects/p/project.yaml', projectYaml({ id: 'p', name: title, client: title, tam: 'e.kuznetsova', departments: ['network', 'unix'] })), [], 'project');
    assert.deepEqual(schemaFindings('projects/p/chains/c.yaml', chainYaml({ id: 'c', project: 'p', title, requested: '2026-11-25', deadline: '2026-12-11', department: 'network' })), [], 'chain');
    assert.deepEqual(
      schemaFindings('projects/p/incidents/INC-2026-0575.yaml', incidentYaml({ id: 'INC-2026-0575', project: 'p', title, priority: 'P2', opened: '2026-11-25T12:00:00+03:00', department: 'unix', by: 'e.kuznetsova' })),
      [],
      'incident',
    );
    assert.deepEqual(
      schemaFindings('projects/p/postmortems/pm.yaml', postmortemYaml({ id: 'pm-2026-0575', incident: 'INC-2026-0575', incidentTitle: title, opened: '2026-11-25T12:00:00+03:00', owner: 'e.kuznetsova', due: '2026-12-09' })),
      [],
      'postmortem',
    );
  }
  const incident = parse(incidentYaml({ id: 'INC-2026-0575', project: 'p', title: 'x: y', priority: 'P1', opened: '2026-11-25T12:00:00+03:00' }));
  assert.equal(incident.title, 'x: y');
  assert.equal(incident.timeline[0].at, '2026-11-25T12:00:00+03:00');
});
