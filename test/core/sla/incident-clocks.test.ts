// The clocks of an incident are computed once per "now" and kept for the rules, hovers and
// requests that ask again; an incident whose values the workspace lets go of is forgotten.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { forgetIncidentSla, incidentSla } from '../../../server/src/core/sla/incident-clocks';
import { FileSystemHost } from '../../../server/src/core/workspace/host';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { NOW } from '../../helpers/workspace';

test('clocks are kept per incident and "now", and forgotten when asked', () => {
  const ws = new Workspace(new FileSystemHost(path.join(__dirname, '../../../sample-workspace')));
  ws.loadAll();
  const incident = [...ws.entities('incident')].find((e) => e.valid && incidentSla(ws, e, NOW))!;
  assert.ok(incident, 'the sample workspace has an incident with clocks');
  const first = incidentSla(ws, incident, NOW);
  assert.equal(incidentSla(ws, incident, NOW), first, 'asked again: the same clocks');
  const later = incidentSla(ws, incident, NOW + 60_000);
  assert.notEqual(later, first, 'another "now": counted again');
  forgetIncidentSla(ws, incident);
  const again = incidentSla(ws, incident, NOW + 60_000);
  assert.notEqual(again, later, 'forgotten: counted again');
  assert.deepEqual(again, later, 'to the same clocks');
});
