// missing-postmortem: a resolved incident whose priority the policy names in
// `postmortem.required_for` needs a postmortem published within `postmortem.within` of the
// resolution (spec §4). Reported once that time has passed without one; offers to create it.

import { formatElapsed } from '../time/duration';
import { formatInZone } from '../time/zone';
import { workspaceZone } from '../schedule/workspace-schedule';
import { incidentSla } from '../sla/incident-clocks';
import { postmortemDue } from '../sla/postmortem-due';
import type { Entity } from '../workspace/entities';
import type { Rule } from './rule';

export const missingPostmortem: Rule = {
  id: 'missing-postmortem',
  defaultSeverity: 'warning',
  description: 'A resolved major incident has no postmortem published within the time its SLA policy requires.',
  kinds: ['incident'],
  check(entity, ctx) {
    const sla = incidentSla(ctx.ws, entity, ctx.nowUntracked);
    if (!sla) return;
    // Not resolved yet, or resolved with entries still to come: a later time may resolve it.
    if (!sla.clocks.settled) ctx.dependsOnNow();
    const due = postmortemDue(ctx.ws, entity, ctx.nowUntracked);
    if (!due) return;
    const { postmortem, within, deadline } = due;
    // Formatting in a zone is costly: only for what is reported.
    const dueText = (): string => formatInZone(deadline, workspaceZone(ctx.ws));
    const at = { file: entity.file, doc: entity.doc, path: typeof entity.value.postmortem === 'string' ? ['postmortem'] : ['priority'] };
    switch (due.state) {
      case 'on-time':
        return;
      case 'late':
        ctx.report({
          code: 'missing-postmortem',
          at,
          message: `postmortem "${postmortem!.id}" was published ${formatElapsed(due.published! - deadline)} late: policy "${sla.policy.id}" wants it within ${within} of the resolution for ${entity.value.priority} (due ${dueText()})`,
          related: [{ at: { file: postmortem!.file, doc: postmortem!.doc, path: ['published'] }, message: 'published here' }],
        });
        return;
      case 'pending':
        ctx.dependsOnNow(); // still within the time allowed, which runs out later
        return;
    }
    if (postmortem) {
      ctx.report({
        code: 'missing-postmortem',
        at,
        message: `postmortem "${postmortem.id}" is not published yet; policy "${sla.policy.id}" wants it within ${within} of the resolution (due ${dueText()})`,
        related: [{ at: { file: postmortem.file, doc: postmortem.doc, path: [] }, message: 'the draft postmortem' }],
      });
      return;
    }
    // An incident that names a postmortem not written yet gets that one created.
    const stub = postmortemStub(entity, typeof entity.value.postmortem === 'string' ? entity.value.postmortem : undefined);
    ctx.report({
      code: 'missing-postmortem',
      at,
      message: `${entity.value.priority} incident resolved without a postmortem; policy "${sla.policy.id}" wants one published within ${within} of the resolution (due ${dueText()})`,
      fixes: [
        {
          title: `Create postmortem ${stub.file}`,
          creates: [{ file: stub.file, text: stub.text }],
          edits: typeof entity.value.postmortem === 'string' ? [] : [{ at: { file: entity.file, doc: entity.doc, path: ['id'] }, insert: 'after', newText: `\npostmortem: ${stub.id}` }],
        },
      ],
    });
  },
};

/** A postmortem to start from: its id (the one the incident names, else pm-<incident>), file and text. */
export function postmortemStub(incident: Entity, named?: string): { id: string; file: string; text: string } {
  const id = named ?? `pm-${incident.id.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`;
  const folder = incident.file.includes('/incidents/') ? incident.file.slice(0, incident.file.lastIndexOf('/incidents/')) + '/postmortems' : incident.file.slice(0, Math.max(0, incident.file.lastIndexOf('/')));
  const file = `${folder ? folder + '/' : ''}${id}.yaml`;
  const text = `kind: postmortem
id: ${id}
incident: ${incident.id}
summary: >-
  What happened, in two or three sentences the customer can read.
impact: >-
  Who and what was affected, and for how long.
root_cause: >-
  Why it happened.
timeline: []
action_items:
  - id: a1
    title: What we change so that it does not happen again
    status: open
`;
  return { id, file, text };
}
