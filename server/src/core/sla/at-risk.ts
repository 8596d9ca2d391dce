// SLA at risk: a running clock that will reach its target within a horizon of working time of
// its policy's calendar, if nothing stops it. The one prediction behind the `sla-at-risk` rule,
// `tam agenda` ("sla-due") and the status bar's soonest due clock.
//
// "Within a horizon of H" means: its `dueAt` is no later than the instant H of working time
// after "now" on the policy's calendar. A clock due Monday 10:00 is within 4h on a Friday at
// 16:00 of a Mon–Fri 09:00–18:00 calendar (2h on Friday, 1h on Monday). Only running clocks
// have a `dueAt`: a paused clock cannot breach while it is paused, a stopped one not at all,
// and one already over its target is an open breach (incident-state.ts), not a risk.

import type { WorkingTime } from '../calendar/working-time';
import type { SlaPolicyDoc } from '../model';
import { formatMinutes } from '../time/duration';
import { wallClock } from '../time/zone';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { CLOCK_NAMES, type ClockName } from './clocks';
import { incidentSla, workingTimeOf, type IncidentSla } from './incident-clocks';

/** A running clock with the instant it will reach its target. */
export interface DueClock {
  clock: ClockName;
  /** The instant the clock reaches its target if it keeps running. */
  dueAt: number;
  /** Working minutes of the policy's calendar from "now" to `dueAt`. */
  leftMinutes: number;
}

/** The running clocks of an incident's SLA with when each is due, soonest first. */
export function dueClocks(sla: IncidentSla, time: WorkingTime, nowMs: number): DueClock[] {
  const out: DueClock[] = [];
  for (const name of CLOCK_NAMES) {
    const dueAt = sla.clocks[name].dueAt;
    if (dueAt === undefined || !Number.isFinite(dueAt)) continue;
    out.push({ clock: name, dueAt, leftMinutes: time.workingMinutes(nowMs, dueAt) });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

/** Whether a due clock falls within `horizonMinutes` of working time of its calendar after "now". */
export function isDueWithin(due: DueClock, time: WorkingTime, nowMs: number, horizonMinutes: number): boolean {
  return due.dueAt <= time.addWorkingMinutes(nowMs, horizonMinutes);
}

/** The policy calendar's working time of an incident's SLA. */
export function slaWorkingTime(ws: Workspace, sla: IncidentSla): WorkingTime | undefined {
  return workingTimeOf(ws, (sla.policy.value as SlaPolicyDoc).calendar);
}

export interface IncidentDue extends DueClock {
  sla: IncidentSla;
}

/** Every running clock of an incident (soonest first), with its SLA; empty without clocks. */
export function incidentDueClocks(ws: Workspace, incident: Entity, nowMs: number): IncidentDue[] {
  const sla = incidentSla(ws, incident, nowMs);
  if (!sla) return [];
  const time = slaWorkingTime(ws, sla);
  if (!time) return [];
  return dueClocks(sla, time, nowMs).map((due) => ({ ...due, sla }));
}

/** The clocks of an incident due within the horizon, soonest first. */
export function incidentClocksAtRisk(ws: Workspace, incident: Entity, nowMs: number, horizonMinutes: number): IncidentDue[] {
  const sla = incidentSla(ws, incident, nowMs);
  if (!sla) return [];
  const time = slaWorkingTime(ws, sla);
  if (!time) return [];
  return dueClocks(sla, time, nowMs)
    .filter((due) => isDueWithin(due, time, nowMs, horizonMinutes))
    .map((due) => ({ ...due, sla }));
}

/** Working minutes left, rounded down: the time left is never overstated. */
export function leftWholeMinutes(due: DueClock): number {
  return Math.max(0, Math.floor(due.leftMinutes));
}

/**
 * "resolution is due at 2026-11-25 14:35 Europe/Moscow (1h 20m of working time left, policy
 * "premium-24x7")": the prediction as the rule, the agenda and the editor say it.
 */
export function dueMessage(due: IncidentDue, zone: string): string {
  return `${due.clock} is due at ${wallClock(due.dueAt, zone)} ${zone} (${formatMinutes(leftWholeMinutes(due))} of working time left, policy "${due.sla.policy.id}")`;
}

/** The running clock due soonest among some incidents (the status bar's), with its incident. */
export function soonestDue(ws: Workspace, incidents: Iterable<Entity>, nowMs: number): (IncidentDue & { incident: Entity }) | undefined {
  let best: (IncidentDue & { incident: Entity }) | undefined;
  for (const incident of incidents) {
    const due = incidentDueClocks(ws, incident, nowMs)[0];
    if (due && (!best || due.dueAt < best.dueAt)) best = { ...due, incident };
  }
  return best;
}
