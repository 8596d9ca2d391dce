// dependency-cycle: tasks that wait for each other can never start (spec §5). Reported on
// each task of the cycle, at the dependency that closes it, naming every task on the cycle.

import { taskRefId } from '../workspace/entities';
import { chainSchedule } from '../schedule/workspace-schedule';
import type { Rule } from './rule';

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  defaultSeverity: 'error',
  description: 'Task dependencies form a cycle, so none of the tasks on it can ever start.',
  kinds: ['chain'],
  check(entity, ctx) {
    // Cycles are a matter of the dependencies alone, not of the day of the forecast.
    const cycles = chainSchedule(ctx.ws, ctx.nowUntracked, entity.id)?.cycles ?? [];
    for (const cycle of cycles) {
      if (!cycle.some((key) => key.startsWith(entity.id + '/'))) continue;
      const name = (key: string) => (key.startsWith(entity.id + '/') ? key.slice(entity.id.length + 1) : key);
      // Written in the direction work flows, as the graph draws it and `tam plan` says it:
      // each task must finish before the next one can start.
      const flow = [...cycle].reverse();
      const text = [...flow, flow[0]!].map(name).join(' → ');
      cycle.forEach((key, i) => {
        if (!key.startsWith(entity.id + '/')) return;
        const next = cycle[(i + 1) % cycle.length]!;
        const task = ctx.ws.get('task', key);
        if (!task || task.file !== entity.file) return;
        const deps: unknown[] = Array.isArray(task.value.depends_on) ? task.value.depends_on : [];
        const index = deps.findIndex((d) => typeof d === 'string' && taskRefId(entity.id, d) === next);
        ctx.report({
          code: 'dependency-cycle',
          at: { file: task.file, doc: task.doc, path: index === -1 ? [...task.path, 'id'] : [...task.path, 'depends_on', index] },
          message: `dependency cycle: ${text} (each task must finish before the next can start, so none of them can)`,
          related: cycle
            .filter((k) => k !== key)
            .map((k) => ctx.ws.get('task', k))
            .filter((t) => !!t)
            .map((t) => ({ at: { file: t!.file, doc: t!.doc, path: [...t!.path, 'id'] }, message: `"${name(t!.id)}" is on the cycle` })),
        });
      });
    }
  },
};
