// The agenda's SLA items: running clocks due within the horizon (sla-due), open breaches
// (sla-breach) and postmortems falling due or overdue (postmortem-due), from the engine's
// predictions (at-risk.ts, incident-state.ts, postmortem-due.ts).

import { PRIORITIES, type Priority } from '../model';
import { dueMessage, incidentClocksAtRisk, leftWholeMinutes } from '../sla/at-risk';
import { incidentSla } from '../sla/incident-clocks';
import { openBreaches } from '../sla/incident-state';
import { postmortemDue } from '../sla/postmortem-due';
import { dayNumber, daysBetween, weekdayIndexOfDay } from '../time/dates';
import { formatElapsed, formatMinutes } from '../time/duration';
import { localDate, wallClock } from '../time/zone';
import type { Entity } from '../workspace/entities';
import type { AgendaContext, AgendaItem } from './agenda';

export function slaItems(ctx: AgendaContext): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const incident of ctx.ws.entities('incident')) {
    if (!incident.valid || !ctx.covers(incident, incident.value.project)) continue;
    items.push(...dueItems(ctx, incident), ...breachItems(ctx, incident));
    const postmortem = postmortemItem(ctx, incident);
    if (postmortem) items.push(postmortem);
  }
  return items;
}

function dueItems(ctx: AgendaContext, incident: Entity): AgendaItem[] {
  return incidentClocksAtRisk(ctx.ws, incident, ctx.now, ctx.settings.slaHorizonMinutes).map((due) => ({
    type: 'sla-due',
    project: incident.value.project,
    id: incident.id,
    at: { file: incident.file, doc: incident.doc, path: ['opened'] },
    when: due.dueAt,
    message: `${about(incident)}: ${dueMessage(due, ctx.zone)}`,
    summary: `${due.clock} due ${shortTime(due.dueAt, ctx)}, ${formatMinutes(leftWholeMinutes(due))} left`,
    rank: due.dueAt,
    clock: due.clock,
    priority: incident.value.priority,
    leftMinutes: leftWholeMinutes(due),
  }));
}

function breachItems(ctx: AgendaContext, incident: Entity): AgendaItem[] {
  const sla = incidentSla(ctx.ws, incident, ctx.now);
  if (!sla) return [];
  return openBreaches(sla.clocks).map((name) => {
    const clock = sla.clocks[name];
    const over = clock.elapsedMinutes - clock.targetMinutes;
    const since = clock.breachedAt;
    const when = since === undefined ? '' : ` ${formatElapsed(ctx.now - since)} ago (at ${wallClock(since, ctx.zone)} ${ctx.zone})`;
    const still = clock.pausedSince !== undefined ? `is paused since ${wallClock(clock.pausedSince, ctx.zone)}` : 'is still running';
    const item: AgendaItem = {
      type: 'sla-breach',
      project: incident.value.project,
      id: incident.id,
      at: { file: incident.file, doc: incident.doc, path: ['opened'] },
      message: `${about(incident)}: ${name} breached${when} and ${still}, over by ${formatMinutes(over)} of working time against ${formatMinutes(clock.targetMinutes)} (policy "${sla.policy.id}")`,
      summary: `${name} over by ${formatMinutes(over)}`,
      // Highest priority first, then the oldest breach.
      rank: priorityRank(incident.value.priority) * 1e15 + (since ?? 0),
      clock: name,
      priority: incident.value.priority,
      overByMinutes: over,
    };
    if (since !== undefined) item.when = since;
    return item;
  });
}

function postmortemItem(ctx: AgendaContext, incident: Entity): AgendaItem | undefined {
  const due = postmortemDue(ctx.ws, incident, ctx.now);
  if (!due || (due.state !== 'pending' && due.state !== 'overdue')) return undefined;
  const overdue = due.state === 'overdue';
  // Falling due within the days ahead, read as dates in the workspace's zone.
  if (!overdue && daysBetween(ctx.today, localDate(ctx.zone, due.deadline)) > ctx.settings.days) return undefined;
  const deadline = `${wallClock(due.deadline, ctx.zone)} ${ctx.zone}`;
  const when = overdue ? `was due ${deadline}, ${formatElapsed(ctx.now - due.deadline)} ago` : `is due ${deadline}, in ${formatElapsed(due.deadline - ctx.now)}`;
  const draft = due.postmortem ? `draft "${due.postmortem.id}" not published yet` : 'none written yet';
  const item: AgendaItem = {
    type: 'postmortem-due',
    project: incident.value.project,
    id: incident.id,
    at: { file: incident.file, doc: incident.doc, path: typeof incident.value.postmortem === 'string' ? ['postmortem'] : ['priority'] },
    when: due.deadline,
    message: `${about(incident)}: resolved ${wallClock(due.resolvedAt, ctx.zone)}; its postmortem ${when} (${draft})`,
    summary: overdue ? `postmortem overdue by ${formatElapsed(ctx.now - due.deadline)}` : `postmortem due in ${formatElapsed(due.deadline - ctx.now)}`,
    rank: due.deadline,
    priority: incident.value.priority,
    overdue,
  };
  if (due.postmortem) item.postmortem = due.postmortem.id;
  return item;
}

/** "14:35" today, "Mon 10:00" within a week, else "2026-12-07 10:00": when, in few words. */
function shortTime(ms: number, ctx: AgendaContext): string {
  const stamp = wallClock(ms, ctx.zone);
  const days = daysBetween(ctx.today, stamp.slice(0, 10));
  if (days === 0) return stamp.slice(11);
  if (days > 0 && days < 7) return `${WEEKDAY_NAMES[weekdayIndexOfDay(dayNumber(stamp.slice(0, 10))!)]} ${stamp.slice(11)}`;
  return stamp;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** P2 "TLS handshake failures": how an item names its incident. */
function about(incident: Entity): string {
  return `${incident.value.priority} "${incident.value.title}"`;
}

function priorityRank(priority: unknown): number {
  const i = PRIORITIES.indexOf(priority as Priority);
  return i === -1 ? PRIORITIES.length : i;
}
