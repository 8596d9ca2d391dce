// dependency-not-done: a task is in progress or done while a task it depends on is not done
// (finish-to-start, spec §5). A cancelled predecessor no longer holds anything up.

import { taskRefId } from '../workspace/entities';
import type { Rule } from './rule';

const STATUS_TEXT: Record<string, string> = { todo: 'to do', in_progress: 'in progress', blocked: 'blocked', done: 'done', cancelled: 'cancelled' };

export const dependencyNotDone: Rule = {
  id: 'dependency-not-done',
  defaultSeverity: 'warning',
  description: 'A task is in progress or done while a task it depends on is not done.',
  kinds: ['task'],
  check(entity, ctx) {
    const task = entity.value;
    if (task.status !== 'in_progress' && task.status !== 'done') return;
    if (!Array.isArray(task.depends_on)) return;
    const chainId = entity.id.slice(0, entity.id.indexOf('/'));
    task.depends_on.forEach((raw: unknown, index: number) => {
      if (typeof raw !== 'string') return;
      const pred = ctx.ws.get('task', taskRefId(chainId, raw));
      if (!pred) return; // unknown-reference reports it
      const status = pred.value.status;
      if (status === 'done' || status === 'cancelled') return;
      const dept = ctx.ws.get('department', pred.value.department)?.value.name ?? pred.value.department;
      ctx.report({
        code: 'dependency-not-done',
        at: { file: entity.file, doc: entity.doc, path: [...entity.path, 'depends_on', index] },
        message: `task "${task.id}" is ${STATUS_TEXT[task.status]} but it depends on "${raw}" (${dept}), which is ${STATUS_TEXT[status] ?? status}`,
        related: [{ at: { file: pred.file, doc: pred.doc, path: [...pred.path, 'status'] }, message: `status of "${raw}"` }],
      });
    });
  },
};
