// missing-postmortem: a resolved incident whose priority the policy names in
// `postmortem.required_for` needs a postmortem published within `postmortem.within` of the
// resolution (spec §4). Reported once that time has passed without one; offers to create it.

import { elapsedMs, formatElapsed } from '../time/duration';
import { parseTimestamp } from '../time/timestamp';
import { formatInZone } from '../time/zone';
import { workspaceZone } from '../schedule/workspace-schedule';
import { incidentSla, type IncidentSla } from '../sla/incident-clocks';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import type { Rule } from './rule';

const DEFAULT_WITHIN = '48h';

export const missingPostmortem: Rule = {
  id: 'missing-postmortem',
  defaultSeverity: 'warning',
  description: 'A resolved major incident has no postmortem published within the time its SLA policy requires.',
  kinds: ['incident'],
  check(entity, ctx) {
    const sla = incidentSla(ctx.ws, entity, ctx.nowUntracked);
    const resolvedAt = sla?.clocks.resolvedAt;
    if (!sla) return;
    // Not resolved yet, or resolved with entries still to come: a later time may resolve it.
    if (!sla.clocks.settled) ctx.dependsOnNow();
    if (resolvedAt === undefined || !requiresPostmortem(sla, entity)) return;
    const rule = sla.policy.value.postmortem;
    const within = rule.within ?? DEFAULT_WITHIN;
    const deadline = resolvedAt + (elapsedMs(within) ?? 0);
    const postmortem = postmortemOf(ctx.ws, entity);
    const published = parseTimestamp(postmortem?.value.published);
    // Formatting in a zone is costly: only for what is reported.
    const due = (): string => formatInZone(deadline, workspaceZone(ctx.ws));
    const at = { file: entity.file, doc: entity.doc, path: typeof entity.value.postmortem === 'string' ? ['postmortem'] : ['priority'] };
    if (postmortem && published !== undefined) {
      if (published <= deadline) return;
      ctx.report({
        code: 'missing-postmortem',
        at,
        message: `postmortem "${postmortem.id}" was published ${formatElapsed(published - deadline)} late: policy "${sla.policy.id}" wants it within ${within} of the resolution for ${entity.value.priority} (due ${due()})`,
        related: [{ at: { file: postmortem.file, doc: postmortem.doc, path: ['published'] }, message: 'published here' }],
      });
      return;
    }
    if (ctx.nowUntracked <= deadline) {
      ctx.dependsOnNow(); // still within the time allowed, which runs out later
      return;
    }
    if (postmortem) {
      ctx.report({
        code: 'missing-postmortem',
        at,
        message: `postmortem "${postmortem.id}" is not published yet; policy "${sla.policy.id}" wants it within ${within} of the resolution (due ${due()})`,
        related: [{ at: { file: postmortem.file, doc: postmortem.doc, path: [] }, message: 'the draft postmortem' }],
      });
      return;
    }
    // An incident that names a postmortem not written yet gets that one created.
    const stub = postmortemStub(entity, typeof entity.value.postmortem === 'string' ? entity.value.postmortem : undefined);
    ctx.report({
      code: 'missing-postmortem',
      at,
      message: `${entity.value.priority} incident resolved without a postmortem; policy "${sla.policy.id}" wants one published within ${within} of the resolution (due ${due()})`,
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

/**
 * Whether the incident's policy wants a postmortem of it at "now": it is resolved, and its
 * priority is in the policy's `postmortem.required_for`.
 */
export function requiresPostmortem(sla: IncidentSla | undefined, incident: Entity): boolean {
  if (sla?.clocks.resolvedAt === undefined) return false;
  const required: unknown = sla.policy.value.postmortem?.required_for;
  return Array.isArray(required) && required.includes(incident.value.priority);
}

/** The incident's postmortem: the one it names, else one that names it. */
export function postmortemOf(ws: Workspace, incident: Entity): Entity | undefined {
  if (typeof incident.value.postmortem === 'string') return ws.get('postmortem', incident.value.postmortem);
  const ref = ws.referencesTo('incident', incident.id).find((r) => r.from.startsWith('postmortem:'));
  return ref ? ws.get('postmortem', ref.from.slice('postmortem:'.length)) : undefined;
}

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
