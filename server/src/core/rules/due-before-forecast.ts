// due-before-forecast: an open task whose `due` date comes before the date the schedule
// (spec §5) says it can finish — the TAM must move the date or the work.

import { chainSchedule } from '../schedule/workspace-schedule';
import type { Rule } from './rule';

export const dueBeforeForecast: Rule = {
  id: 'due-before-forecast',
  defaultSeverity: 'warning',
  description: "An open task's due date is earlier than its forecast finish.",
  kinds: ['task'],
  check(entity, ctx) {
    const task = entity.value;
    if (task.status === 'done' || task.status === 'cancelled' || typeof task.due !== 'string') return;
    const [chainId, taskId] = [entity.id.slice(0, entity.id.indexOf('/')), task.id as string];
    // A forecast is made from today's date: the same all day.
    ctx.dependsOnNow('day');
    const forecast = chainSchedule(ctx.ws, ctx.nowUntracked, chainId)?.byId.get(chainId)?.tasks.get(taskId);
    if (!forecast?.finish || !forecast.finishAfterDue) return;
    ctx.report({
      code: 'due-before-forecast',
      at: { file: entity.file, doc: entity.doc, path: [...entity.path, 'due'] },
      message: `task "${taskId}" is due ${task.due}, but the forecast says it finishes ${forecast.finish}${forecast.duePassed ? ' (the due date has passed)' : ''}`,
    });
  },
};
