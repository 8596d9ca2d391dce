// sla-at-risk: a running SLA clock will reach its target within the agenda's horizon
// (`agenda.sla_horizon` in tam.yaml, 4h of working time of the policy's calendar when absent),
// if nothing stops it: the prediction `tam agenda` lists, on the incident in the editor.

import { agendaSettings } from '../agenda/settings';
import { dueMessage, incidentClocksAtRisk } from '../sla/at-risk';
import { incidentSla } from '../sla/incident-clocks';
import { workspaceZone } from '../schedule/workspace-schedule';
import type { Rule } from './rule';

export const slaAtRisk: Rule = {
  id: 'sla-at-risk',
  defaultSeverity: 'info',
  description: "A running SLA clock of an incident will reach its target within the agenda's horizon of working time.",
  kinds: ['incident'],
  check(entity, ctx) {
    const sla = incidentSla(ctx.ws, entity, ctx.nowUntracked);
    if (!sla) return;
    // A running clock comes within the horizon as time passes; stopped clocks never do.
    if (!sla.clocks.settled) ctx.dependsOnNow();
    const zone = workspaceZone(ctx.ws);
    for (const due of incidentClocksAtRisk(ctx.ws, entity, ctx.nowUntracked, agendaSettings(ctx.ws).slaHorizonMinutes)) {
      ctx.report({
        code: 'sla-at-risk',
        at: { file: entity.file, doc: entity.doc, path: ['opened'] },
        message: dueMessage(due, zone),
        related: [{ at: { file: due.sla.policy.file, doc: due.sla.policy.doc, path: ['targets', entity.value.priority, due.clock] }, message: `${due.clock} target` }],
      });
    }
  },
};
