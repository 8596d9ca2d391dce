// What a change means for postmortems: written, published (the `published` timestamp set),
// and their action items opened (new or reopened) or closed (done).

import type { Workspace } from '../workspace/workspace';
import { changeKind, itemsByKey, pairEntities, sameValue, textOf, type ChangeKind, type ValueChange } from './compare';

/** Text fields whose edits a review mentions by name, not by content. */
const TEXT_FIELDS = ['summary', 'root_cause', 'impact', 'timeline'] as const;

export interface ActionItemSummary {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  status: string | null;
  /** Its status at the base; null when the item is new. */
  was: string | null;
}

export interface PostmortemChange {
  id: string;
  incident: string | null;
  file: string;
  change: ChangeKind;
  published: ValueChange;
  /** Published after the change and not before. */
  publishedNow: boolean;
  actionItems: {
    /** Open now and not open before: new items, and items reopened. */
    opened: ActionItemSummary[];
    /** Done now and not done before: items closed, and new items already done. */
    closed: ActionItemSummary[];
    removed: ActionItemSummary[];
  };
  /** Other fields edited: summary, root_cause, impact, timeline, incident. */
  edited: string[];
}

export function postmortemChanges(before: Workspace, after: Workspace, inScope: (file: string) => boolean): PostmortemChange[] {
  const changes: PostmortemChange[] = [];
  for (const pair of pairEntities(before, after, 'postmortem', inScope)) {
    const change = changeKind(pair);
    const b = pair.before?.value;
    const a = pair.after?.value;
    const published = { before: textOf(b?.published), after: textOf(a?.published) };
    const publishedNow = published.after !== null && published.before === null;
    const itemsBefore = itemsByKey(b?.action_items, (i) => i.id);
    const itemsAfter = itemsByKey(change === 'removed' ? [] : a?.action_items, (i) => i.id);
    const actionItems: PostmortemChange['actionItems'] = { opened: [], closed: [], removed: [] };
    for (const [id, item] of itemsAfter) {
      const was = itemsBefore.has(id) ? textOf(itemsBefore.get(id).status) : null;
      const now = textOf(item.status);
      const summary = summaryOf(id, item, was);
      if (now === 'open' && was !== 'open') actionItems.opened.push(summary);
      else if (now === 'done' && was !== 'done') actionItems.closed.push(summary);
    }
    if (change === 'changed') {
      for (const [id, item] of itemsBefore) if (!itemsAfter.has(id)) actionItems.removed.push(summaryOf(id, item, textOf(item.status)));
    }
    const edited = change === 'changed' ? ['incident', ...TEXT_FIELDS].filter((f) => !sameValue(b?.[f], a?.[f])) : [];
    const itemsChanged = actionItems.opened.length + actionItems.closed.length + actionItems.removed.length > 0;
    if (change === 'changed' && published.before === published.after && !itemsChanged && !edited.length) continue;
    const entity = (pair.after ?? pair.before)!;
    changes.push({ id: pair.id, incident: textOf(entity.value.incident), file: entity.file, change, published, publishedNow, actionItems, edited });
  }
  return changes;
}

function summaryOf(id: string, item: any, was: string | null): ActionItemSummary {
  return { id, title: textOf(item.title) ?? id, owner: textOf(item.owner), due: textOf(item.due), status: textOf(item.status), was };
}
