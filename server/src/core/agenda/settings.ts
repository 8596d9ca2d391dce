// What the agenda looks ahead for, from `agenda:` in tam.yaml: the SLA horizon (working time of
// each policy's calendar), the days ahead for due dates, and how long a proposal may wait for the
// customer's decision. Read leniently: a value the schema refuses counts as absent.

import type { WorkspaceDoc } from '../model';
import { slaTargetMinutes } from '../time/duration';
import type { Workspace } from '../workspace/workspace';

export interface AgendaSettings {
  /** Running clocks due within this many working minutes of their calendar are at risk. */
  slaHorizonMinutes: number;
  /** Due dates up to today + `days` are listed (today included). */
  days: number;
  /** A proposal waiting longer than this many days for a decision is listed. */
  decisionWaitDays: number;
}

export const DEFAULT_AGENDA: AgendaSettings = { slaHorizonMinutes: 240, days: 7, decisionWaitDays: 30 };

export function agendaSettings(ws: Workspace): AgendaSettings {
  return ws.memo('agenda-settings', ['workspace'], () => {
    const agenda = (ws.config.doc as WorkspaceDoc | undefined)?.agenda;
    const settings = { ...DEFAULT_AGENDA };
    if (!agenda || typeof agenda !== 'object') return settings;
    const horizon = slaTargetMinutes(agenda.sla_horizon);
    if (horizon !== undefined) settings.slaHorizonMinutes = horizon;
    if (isCount(agenda.days, 366)) settings.days = agenda.days;
    if (isCount(agenda.decision_wait_days, 3650)) settings.decisionWaitDays = agenda.decision_wait_days;
    return settings;
  });
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}
