// The documents behind the tam/* answers may be half typed (the editor asks while someone
// types): a field that is not a string reads as a fallback, and a chain is made drawable by
// leaving out what the renderers cannot draw.

import type { ChainDoc, TaskDoc, TaskStatus } from '../../core/model';

/** A field's value when it is a string, else the fallback. */
export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

const STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'];

/**
 * A chain as the renderers expect it, from a document that may be half typed: tasks without a
 * string id are left out (as the renderers do), missing titles and departments are shown as
 * such. `index` keeps each task's position in the file, for its range.
 */
export function drawableChain(value: Record<string, unknown>): { chain: ChainDoc; index: number[] } {
  const tasks: TaskDoc[] = [];
  const index: number[] = [];
  const seen = new Set<string>();
  const list = Array.isArray(value.tasks) ? value.tasks : [];
  list.forEach((t: unknown, i) => {
    if (!t || typeof t !== 'object' || Array.isArray(t)) return;
    const task = t as Record<string, unknown>;
    if (typeof task.id !== 'string' || task.id === '' || seen.has(task.id)) return;
    seen.add(task.id);
    index.push(i);
    tasks.push({
      ...(task as unknown as TaskDoc),
      id: task.id,
      title: str(task.title, task.id),
      department: str(task.department, '?'),
      status: STATUSES.includes(task.status as TaskStatus) ? (task.status as TaskStatus) : 'todo',
      depends_on: Array.isArray(task.depends_on) ? task.depends_on.filter((d): d is string => typeof d === 'string') : undefined,
    });
  });
  const id = str(value.id, '?');
  return { chain: { kind: 'chain', id, project: str(value.project), title: str(value.title, id), tasks }, index };
}
