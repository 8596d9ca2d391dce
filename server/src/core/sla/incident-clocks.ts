// The SLA clocks of an incident in its workspace: which policy applies (the incident's own,
// else its project's, else the workspace default — spec §4), on which calendar, at "now".

import { WorkingTime } from '../calendar/working-time';
import type { SlaPolicyDoc } from '../model';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { computeClocks, timelineEffects, type EntryEffect, type IncidentClocks } from './clocks';

export interface ResolvedPolicy {
  policy: Entity;
  /** Where the policy came from, for hovers and messages. */
  via: 'incident' | 'project' | 'workspace';
}

export function resolvePolicy(ws: Workspace, incident: Entity): ResolvedPolicy | undefined {
  const own = incident.value.sla_policy;
  if (typeof own === 'string') {
    const policy = ws.get('sla-policy', own);
    return policy ? { policy, via: 'incident' } : undefined;
  }
  const project = ws.get('project', incident.value.project);
  const fromProject = project?.value.sla_policy;
  if (typeof fromProject === 'string') {
    const policy = ws.get('sla-policy', fromProject);
    return policy ? { policy, via: 'project' } : undefined;
  }
  const fallback = ws.config.doc?.default_sla_policy;
  if (typeof fallback === 'string') {
    const policy = ws.get('sla-policy', fallback);
    return policy ? { policy, via: 'workspace' } : undefined;
  }
  return undefined;
}

/** The working time of a calendar, shared by every incident until a calendar changes. */
export function workingTimeOf(ws: Workspace, calendarId: string): WorkingTime | undefined {
  // One memo of every calendar's, found by the id: a memo named for each calendar made and
  // hashed a new name at each of the several calls per incident, a fiftieth of a cold run.
  const times = ws.memo('working-times', ['calendar'], () => new Map<string, WorkingTime | undefined>());
  if (times.has(calendarId)) return times.get(calendarId);
  const time = workingTimeIn(ws, calendarId);
  times.set(calendarId, time);
  return time;
}

function workingTimeIn(ws: Workspace, calendarId: string): WorkingTime | undefined {
  const calendar = ws.get('calendar', calendarId);
  if (!calendar?.valid) return undefined;
  try {
    return new WorkingTime(calendar.value);
  } catch {
    return undefined; // an unknown zone: the schema rule reports it
  }
}

export interface IncidentSla {
  clocks: IncidentClocks;
  policy: Entity;
  via: ResolvedPolicy['via'];
}

/**
 * The clocks of a valid incident, or undefined when its policy or calendar cannot be used.
 * Several rules, the hover and the report ask for the same incident: computed once per
 * workspace version and "now".
 */
const KEPT_CLOCKS = 4096;

/** The clocks kept: for one "now" at a time, by incident. */
function clocksMemo(ws: Workspace, nowMs: number): { now: number; byEntity: Map<Entity, IncidentSla | undefined> } {
  return ws.memo('incident-sla', ['sla-policy', 'calendar', 'project', 'workspace'], () => ({ now: nowMs, byEntity: new Map<Entity, IncidentSla | undefined>() }));
}

export function incidentSla(ws: Workspace, incident: Entity, nowMs: number): IncidentSla | undefined {
  // Several rules ask for the clocks of the incident being checked, and a request for one
  // incident asks again: kept for one "now" at a time (the server, the status bar and the agenda
  // ask at every request and every minute), and for the last few thousand incidents only — a
  // request over every incident computes each once anyway, and 100 000 kept would be 40 MB.
  const memo = clocksMemo(ws, nowMs);
  if (memo.now !== nowMs || memo.byEntity.size >= KEPT_CLOCKS) {
    memo.now = nowMs;
    memo.byEntity = new Map();
  }
  if (memo.byEntity.has(incident)) return memo.byEntity.get(incident);
  const sla = computeIncidentSla(ws, incident, nowMs);
  memo.byEntity.set(incident, sla);
  return sla;
}

/**
 * Forgets the clocks of an incident whose values its workspace lets go of (Workspace.release):
 * it is never asked for again as that entity, and kept, the clocks and the values they were
 * counted from lived through thousands of files' collections in a cold `tam validate`.
 */
export function forgetIncidentSla(ws: Workspace, incident: Entity): void {
  clocksMemo(ws, 0).byEntity.delete(incident);
}

function computeIncidentSla(ws: Workspace, incident: Entity, nowMs: number): IncidentSla | undefined {
  if (!incident.valid) return undefined;
  const resolved = resolvePolicy(ws, incident);
  if (!resolved?.policy.valid) return undefined;
  const policy = resolved.policy.value as SlaPolicyDoc;
  const time = workingTimeOf(ws, policy.calendar);
  if (!time) return undefined;
  return { clocks: computeClocks(incident.value, policy, time, nowMs), policy: resolved.policy, via: resolved.via };
}

/**
 * What each timeline entry of a valid incident did to its clocks at "now" (by the entry's
 * index), under the policy its clocks are counted with; undefined when they cannot be counted.
 */
export function incidentTimelineEffects(ws: Workspace, incident: Entity, nowMs: number): Map<number, EntryEffect> | undefined {
  const sla = incidentSla(ws, incident, nowMs);
  if (!sla) return undefined;
  return timelineEffects(incident.value, sla.policy.value as SlaPolicyDoc, nowMs);
}
