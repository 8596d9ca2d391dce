// When an incident's postmortem is due (spec §4): a resolved incident whose priority its policy
// names in `postmortem.required_for` needs a postmortem published within `postmortem.within`
// (48h when absent, wall-clock time) of the resolution — the `resolved` entry of its last
// resolution. The one reading of that sentence: `missing-postmortem` reports from it, `tam
// agenda` lists what falls due, the monthly report shows the state of each breach's postmortem.

import type { SlaPolicyDoc } from '../model';
import { elapsedMs } from '../time/duration';
import { parseTimestamp } from '../time/timestamp';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { incidentSla, type IncidentSla } from './incident-clocks';

const DEFAULT_WITHIN = '48h';

/**
 * `on-time`: published by the deadline; `late`: published after it; `pending`: not published,
 * the deadline still ahead; `overdue`: not published and the deadline has passed.
 */
export type PostmortemState = 'on-time' | 'late' | 'pending' | 'overdue';

export interface PostmortemDue {
  sla: IncidentSla;
  resolvedAt: number;
  /** The instant the postmortem is due: `within` after the resolution. */
  deadline: number;
  within: string;
  /** The incident's postmortem, published or a draft, when there is one. */
  postmortem?: Entity;
  published?: number;
  state: PostmortemState;
}

/**
 * The postmortem an incident needs at "now", or undefined when it needs none: no clocks, not
 * resolved (or reopened), or a priority its policy does not name.
 */
export function postmortemDue(ws: Workspace, incident: Entity, nowMs: number): PostmortemDue | undefined {
  const sla = incidentSla(ws, incident, nowMs);
  const resolvedAt = sla?.clocks.resolvedAt;
  if (!sla || resolvedAt === undefined || !requiresPostmortem(sla, incident)) return undefined;
  const rule = (sla.policy.value as SlaPolicyDoc).postmortem;
  const within = typeof rule?.within === 'string' ? rule.within : DEFAULT_WITHIN;
  const deadline = resolvedAt + (elapsedMs(within) ?? 0);
  const postmortem = postmortemOf(ws, incident);
  const published = parseTimestamp(postmortem?.value.published);
  let state: PostmortemState;
  if (published !== undefined) state = published <= deadline ? 'on-time' : 'late';
  else state = nowMs <= deadline ? 'pending' : 'overdue';
  const due: PostmortemDue = { sla, resolvedAt, deadline, within, state };
  if (postmortem) due.postmortem = postmortem;
  if (published !== undefined) due.published = published;
  return due;
}

/**
 * Whether the incident's policy wants a postmortem of it at "now": it is resolved, and its
 * priority is in the policy's `postmortem.required_for`.
 */
export function requiresPostmortem(sla: IncidentSla | undefined, incident: Entity): boolean {
  if (sla?.clocks.resolvedAt === undefined) return false;
  const required: unknown = (sla.policy.value as SlaPolicyDoc).postmortem?.required_for;
  return Array.isArray(required) && required.includes(incident.value.priority);
}

/** The incident's postmortem: the one it names, else one that names it. */
export function postmortemOf(ws: Workspace, incident: Entity): Entity | undefined {
  if (typeof incident.value.postmortem === 'string') return ws.get('postmortem', incident.value.postmortem);
  const ref = ws.referencesTo('incident', incident.id).find((r) => r.from.startsWith('postmortem:'));
  return ref ? ws.get('postmortem', ref.from.slice('postmortem:'.length)) : undefined;
}
