// duplicate-id: ids are unique per kind across the workspace, task ids within their chain.

import type { Rule } from './rule';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'An id is defined more than once for the same kind (or a task id twice in one chain).',
  kinds: ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal', 'task'],
  check(entity, ctx) {
    const all = ctx.ws.all(entity.kind, entity.id);
    if (all.length < 2) return;
    const others = all.filter((e) => e !== entity);
    const idPath = entity.kind === 'workspace' ? ['kind'] : [...entity.path, 'id'];
    const what = entity.kind === 'task' ? `task id "${entity.id.split('/')[1]}" is used twice in chain "${entity.id.split('/')[0]}"` : entity.kind === 'workspace' ? 'more than one document of kind workspace' : `${entity.kind} id "${entity.id}" is defined ${all.length} times`;
    ctx.report({
      code: 'duplicate-id',
      at: { file: entity.file, doc: entity.doc, path: idPath },
      message: what,
      related: others.map((o) => ({
        at: { file: o.file, doc: o.doc, path: o.kind === 'workspace' ? ['kind'] : [...o.path, 'id'] },
        message: 'also defined here',
      })),
    });
  },
};
