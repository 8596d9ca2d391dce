// deadline-at-risk: a chain whose forecast finish (spec §5) falls after its deadline, reported
// on the deadline with the forecast and the critical path that decides it.

import { isLateChain } from '../schedule/forecast';
import { chainSchedule } from '../schedule/workspace-schedule';
import type { Rule } from './rule';

export const deadlineAtRisk: Rule = {
  id: 'deadline-at-risk',
  defaultSeverity: 'warning',
  description: "A chain's forecast finish is after its deadline.",
  kinds: ['chain'],
  check(entity, ctx) {
    // A forecast is made from today's date: the same all day.
    ctx.dependsOnNow('day');
    const forecast = chainSchedule(ctx.ws, ctx.nowUntracked, entity.id)?.byId.get(entity.id);
    // A chain whose tasks are all done or cancelled is history: its deadline is no longer at risk.
    if (!forecast || !isLateChain(forecast) || !forecast.forecastFinish || !forecast.deadline) return;
    const days = forecast.lateByWorkingDays;
    ctx.report({
      code: 'deadline-at-risk',
      at: { file: entity.file, doc: entity.doc, path: ['deadline'] },
      message: `forecast finish ${forecast.forecastFinish} is ${days} working day${days === 1 ? '' : 's'} after the deadline ${forecast.deadline}; critical path: ${forecast.criticalPath.join(' → ')}`,
      related: forecast.criticalPath
        .map((id) => ctx.ws.get('task', `${entity.id}/${id}`))
        .filter((t) => !!t && t.file === entity.file)
        .map((t) => ({ at: { file: t!.file, doc: t!.doc, path: [...t!.path, 'id'] }, message: `on the critical path: finishes ${forecast.tasks.get(t!.id.split('/')[1]!)?.finish ?? '?'}` })),
    });
  },
};
