// unknown-reference: a field names an entity that does not exist. Suggests the closest id
// (or a department by its alias) and offers it as a fix.

import { closest } from '../text/suggest';
import type { Rule } from './rule';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A reference names a department, person, calendar, policy, project, chain, task, incident or postmortem that does not exist.',
  kinds: ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal'],
  check(entity, ctx) {
    const record = ctx.ws.file(entity.file);
    for (const ref of record?.refs ?? []) {
      if (ref.doc !== entity.doc) continue;
      if (ctx.ws.all(ref.kind, ref.id).length) continue;
      let suggestion: string | undefined;
      let message: string;
      if (ref.kind === 'task') {
        const slash = ref.id.indexOf('/');
        const chainId = ref.id.slice(0, slash);
        const taskId = ref.id.slice(slash + 1);
        if (!ctx.ws.all('chain', chainId).length) {
          const guess = closest(chainId, ctx.ws.ids('chain'));
          message = `depends on task "${ref.raw}", but there is no chain "${chainId}"`;
          if (guess) {
            message += `; did you mean "${guess}/${taskId}"?`;
            suggestion = `${guess}/${taskId}`;
          }
        } else {
          const tasks = [...ctx.ws.ids('task')].filter((t) => t.startsWith(chainId + '/')).map((t) => t.slice(chainId.length + 1));
          const guess = closest(taskId, tasks);
          message = `depends on task "${taskId}", which chain "${chainId}" does not have`;
          if (guess) {
            suggestion = ref.raw.includes('/') ? `${chainId}/${guess}` : guess;
            message += `; did you mean "${guess}"?`;
          }
        }
      } else {
        const ids = [...ctx.ws.ids(ref.kind)];
        suggestion = ref.kind === 'department' ? departmentByAlias(ctx, ref.id) ?? closest(ref.id, ids) : closest(ref.id, ids);
        message = `unknown ${ref.kind} "${ref.raw}"${suggestion ? `; did you mean "${suggestion}"?` : ids.length ? '' : ` (the workspace defines no ${ref.kind})`}`;
      }
      const at = { file: ref.file, doc: ref.doc, path: ref.path };
      ctx.report({
        code: 'unknown-reference',
        at,
        message,
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ at, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  },
};

function departmentByAlias(ctx: Parameters<NonNullable<Rule['check']>>[1], text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const d of ctx.ws.entities('department')) {
    const aliases: unknown = d.value.aliases;
    if (Array.isArray(aliases) && aliases.some((a) => typeof a === 'string' && a.toLowerCase() === lower)) return d.id;
    if (typeof d.value.name === 'string' && d.value.name.toLowerCase() === lower) return d.id;
  }
  return undefined;
}
