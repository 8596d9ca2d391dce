// The words every surface uses about incidents, defined once from spec §4's timeline and clocks,
// so that the status bar, the tree, `tam sla`, `tam docs` and the agenda count the same things:
// - an **open incident** is one not resolved by "now": no `resolved` entry yet, or a later entry
//   other than `closed` reopened it. One closed without ever being resolved is open (its
//   resolution clock still runs: docs/format.md), and so is one whose `opened` does not read.
// - an **open breach** is a clock over its target that has not stopped: still running, or paused
//   after going over. A stopped clock over its target is a breach of the past (the report
//   counts it; nobody can act on it any more).

import type { IncidentDoc } from '../model';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { incidentSla } from './incident-clocks';
import { CLOCK_NAMES, DEFAULT_PAUSE_SET, isBreached, walkTimeline, type Clock, type ClockName, type IncidentClocks } from './clocks';

/**
 * Whether an incident is open, from its clocks (or the walk of its timeline) at "now": both
 * carry the walk's `resolvedAt`, set while the last resolution stands.
 */
export function isOpen(clocks: { resolvedAt?: number } | undefined): boolean {
  return clocks?.resolvedAt === undefined;
}

/** Whether the incident is open at "now" (see the top of this file); needs no policy. */
export function isOpenIncident(incident: Pick<IncidentDoc, 'opened' | 'timeline'>, nowMs: number): boolean {
  return isOpen(walkTimeline(incident, DEFAULT_PAUSE_SET, nowMs));
}

/**
 * Whether an incident of the workspace is open: from its clocks when a policy applies (no
 * second walk), else from its timeline alone. Every incident counts, with a policy or not.
 */
export function isIncidentOpen(ws: Workspace, incident: Entity, nowMs: number): boolean {
  const clocks = incidentSla(ws, incident, nowMs)?.clocks;
  return clocks ? isOpen(clocks) : isOpenIncident(incident.value, nowMs);
}

/** The open breaches of an incident of the workspace (none without a usable policy). */
export function incidentOpenBreaches(ws: Workspace, incident: Entity, nowMs: number): ClockName[] {
  const clocks = incidentSla(ws, incident, nowMs)?.clocks;
  return clocks ? openBreaches(clocks) : [];
}

/** Whether a clock is an open breach: over its target and not stopped. */
export function isOpenBreach(clock: Clock): boolean {
  return isBreached(clock) && clock.stoppedAt === undefined;
}

/** The clocks of an incident that are open breaches, response first. */
export function openBreaches(clocks: IncidentClocks): ClockName[] {
  return CLOCK_NAMES.filter((name) => isOpenBreach(clocks[name]));
}
