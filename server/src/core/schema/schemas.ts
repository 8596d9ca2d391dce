// The JSON Schemas of schemas/, one per kind, bundled into the code that uses them.

import type { Kind } from '../model';
import workspace from '../../../../schemas/workspace.schema.json';
import department from '../../../../schemas/department.schema.json';
import person from '../../../../schemas/person.schema.json';
import calendar from '../../../../schemas/calendar.schema.json';
import slaPolicy from '../../../../schemas/sla-policy.schema.json';
import project from '../../../../schemas/project.schema.json';
import chain from '../../../../schemas/chain.schema.json';
import incident from '../../../../schemas/incident.schema.json';
import postmortem from '../../../../schemas/postmortem.schema.json';
import proposal from '../../../../schemas/proposal.schema.json';

export const SCHEMAS: Readonly<Record<Kind, Record<string, any>>> = {
  workspace,
  department,
  person,
  calendar,
  'sla-policy': slaPolicy,
  project,
  chain,
  incident,
  postmortem,
  proposal,
};
