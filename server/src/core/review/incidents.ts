// What a change means for incidents: new ones, their status (the latest timeline entry), and
// their SLA clocks computed at the same "now" on both sides, so that a reviewer sees which
// clock a new timeline entry stopped, which breach an edit introduces or removes.

import { CLOCK_NAMES, type ClockName, type ClockState } from '../sla/clocks';
import { incidentSla } from '../sla/incident-clocks';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { changeKind, fieldChanges, pairEntities, textOf, type ChangeKind, type FieldChange, type ValueChange } from './compare';

export type { ClockName };
const INCIDENT_FIELDS = ['title', 'project', 'priority', 'department', 'sla_policy', 'postmortem'] as const;

export interface ClockSnapshot {
  state: ClockState;
  elapsedMinutes: number;
  /** null when the policy gives no readable target. */
  targetMinutes: number | null;
}

export interface IncidentChange {
  id: string;
  title: string;
  project: string | null;
  priority: string | null;
  file: string;
  change: ChangeKind;
  /** The status of the latest timeline entry; null before any entry. */
  status: ValueChange;
  /** Fields that differ: title, project, priority, department, sla_policy, postmortem, cause. */
  fields: FieldChange[];
  /** Number of timeline entries on each side. */
  timelineEntries: ValueChange<number>;
  /** Clocks on each side; null where the incident is absent or its clocks cannot be computed. */
  clocks: Record<ClockName, ValueChange<ClockSnapshot | null>>;
  /** Clocks whose state differs. */
  clockStatesChanged: ClockName[];
  /** Clocks breached after the change and not before (a new incident's breached clocks too). */
  breachesIntroduced: ClockName[];
  /** Clocks breached before the change and not after. */
  breachesRemoved: ClockName[];
}

export function incidentChanges(before: Workspace, after: Workspace, now: number, inScope: (file: string) => boolean): IncidentChange[] {
  const changes: IncidentChange[] = [];
  for (const pair of pairEntities(before, after, 'incident', inScope)) {
    const change = changeKind(pair);
    const b = pair.before?.value;
    const a = pair.after?.value;
    const fields = change === 'changed' ? fieldChanges(b, a, INCIDENT_FIELDS) : [];
    if (change === 'changed') {
      const cause = fieldChanges({ cause: b?.cause?.category }, { cause: a?.cause?.category }, ['cause']);
      fields.push(...cause);
    }
    const status = { before: latestStatus(b), after: latestStatus(a) };
    const timelineEntries = { before: entries(b), after: entries(a) };
    const clocksBefore = clocksOf(before, pair.before, now);
    const clocksAfter = clocksOf(after, pair.after, now);
    const clocks = {} as IncidentChange['clocks'];
    const clockStatesChanged: ClockName[] = [];
    const breachesIntroduced: ClockName[] = [];
    const breachesRemoved: ClockName[] = [];
    for (const name of CLOCK_NAMES) {
      const cb = clocksBefore?.[name] ?? null;
      const ca = clocksAfter?.[name] ?? null;
      clocks[name] = { before: cb, after: ca };
      if (change === 'changed' && cb?.state !== ca?.state) clockStatesChanged.push(name);
      if (ca?.state === 'breached' && cb?.state !== 'breached' && change !== 'removed') breachesIntroduced.push(name);
      if (cb?.state === 'breached' && ca?.state !== 'breached' && change === 'changed') breachesRemoved.push(name);
    }
    const changed =
      change !== 'changed' ||
      fields.length > 0 ||
      status.before !== status.after ||
      timelineEntries.before !== timelineEntries.after ||
      clockStatesChanged.length > 0;
    if (!changed) continue;
    const entity = (pair.after ?? pair.before)!;
    changes.push({
      id: pair.id,
      title: textOf(entity.value.title) ?? pair.id,
      project: textOf(entity.value.project),
      priority: textOf(entity.value.priority),
      file: entity.file,
      change,
      status,
      fields,
      timelineEntries,
      clocks,
      clockStatesChanged,
      breachesIntroduced,
      breachesRemoved,
    });
  }
  return changes;
}

/** The status of an incident's latest timeline entry; null before any entry. */
export function latestStatus(incident: any): string | null {
  const timeline = incident?.timeline;
  if (!Array.isArray(timeline)) return null;
  for (let i = timeline.length - 1; i >= 0; i--) {
    const status = textOf(timeline[i]?.status);
    if (status) return status;
  }
  return null;
}

function entries(incident: any): number {
  return Array.isArray(incident?.timeline) ? incident.timeline.length : 0;
}

function clocksOf(ws: Workspace, incident: Entity | undefined, now: number): Record<ClockName, ClockSnapshot> | undefined {
  if (!incident) return undefined;
  const sla = incidentSla(ws, incident, now);
  if (!sla) return undefined;
  const snapshot = (name: ClockName): ClockSnapshot => {
    const c = sla.clocks[name];
    return { state: c.state, elapsedMinutes: c.elapsedMinutes, targetMinutes: Number.isFinite(c.targetMinutes) ? c.targetMinutes : null };
  };
  return { response: snapshot('response'), resolution: snapshot('resolution') };
}
