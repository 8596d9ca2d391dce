// sla-breach: an incident's response or resolution clock went over its target (spec §4),
// reported where the clock stopped, with how much over and against which target.

import { formatMinutes } from '../time/duration';
import { parseTimestamp } from '../time/timestamp';
import { isBreached, type Clock } from '../sla/clocks';
import { incidentSla } from '../sla/incident-clocks';
import type { Rule } from './rule';

export const slaBreach: Rule = {
  id: 'sla-breach',
  defaultSeverity: 'warning',
  description: "An incident's response or resolution time exceeded the target of its SLA policy.",
  kinds: ['incident'],
  check(entity, ctx) {
    const sla = incidentSla(ctx.ws, entity, ctx.nowUntracked);
    if (!sla) return;
    // Stopped clocks stay as they are: only running or paused ones change with the time.
    if (!sla.clocks.settled) ctx.dependsOnNow();
    const timeline: any[] = Array.isArray(entity.value.timeline) ? entity.value.timeline : [];
    const atStop = (clock: Clock, statuses: string[]) => {
      const index = clock.stoppedAt === undefined ? -1 : timeline.findIndex((e) => statuses.includes(e?.status) && parseTimestamp(e.at) === clock.stoppedAt);
      return index === -1 ? ['opened'] : ['timeline', index, 'at'];
    };
    const report = (name: 'response' | 'resolution', clock: Clock, stops: string[]) => {
      if (!isBreached(clock)) return;
      const path = atStop(clock, stops);
      const over = formatMinutes(clock.elapsedMinutes - clock.targetMinutes);
      const stopped = clock.stoppedAt !== undefined;
      const how = stopped
        ? `took ${formatMinutes(clock.elapsedMinutes)} of working time`
        : `has run ${formatMinutes(clock.elapsedMinutes)} of working time and is still ${clock.pausedSince !== undefined ? 'paused' : 'running'}`;
      ctx.report({
        code: 'sla-breach',
        at: { file: entity.file, doc: entity.doc, path },
        message: `${name} breached: ${how} against the ${entity.value.priority} target of ${formatMinutes(clock.targetMinutes)} (policy "${sla.policy.id}"), over by ${over}`,
        related: [{ at: { file: sla.policy.file, doc: sla.policy.doc, path: ['targets', entity.value.priority, name] }, message: `${name} target` }],
      });
    };
    report('response', sla.clocks.response, ['acknowledged', 'in_progress', 'resolved']);
    report('resolution', sla.clocks.resolution, ['resolved']);
  },
};
