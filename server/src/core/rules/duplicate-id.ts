// duplicate-id: ids are unique per kind across the workspace, task ids within their chain.

import type { Entity } from '../workspace/entities';
import type { Rule, RuleContext } from './rule';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'An id is defined more than once for the same kind (or a task id twice in one chain).',
  kinds: ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal', 'task'],
  check(entity, ctx) {
    if (entity.kind === 'postmortem') duplicateActionItems(entity, ctx);
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

/** Action item ids are unique within their postmortem: "a2 is done" must name one item. */
function duplicateActionItems(entity: Entity, ctx: RuleContext): void {
  const items: unknown = entity.value.action_items;
  if (!Array.isArray(items)) return;
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const id = item?.id;
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    ctx.report({
      code: 'duplicate-id',
      at: { file: entity.file, doc: entity.doc, path: ['action_items', index, 'id'] },
      message: `action item id "${id}" is used twice in postmortem "${entity.id}"`,
      related: [{ at: { file: entity.file, doc: entity.doc, path: ['action_items', earlier, 'id'] }, message: 'first used here' }],
    });
  });
}
