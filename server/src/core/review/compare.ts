// How `tam review` lines up the two versions of a workspace: entities paired by kind and id,
// and field values compared as the text a reviewer would read, so that `3d` and `3d`, or a
// list written in another order, are not reported as changes.

import type { Kind } from '../model';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import { byId } from '../text/order';

/** A value before and after the change; null when absent on that side. */
export interface ValueChange<T = string | null> {
  before: T;
  after: T;
}

/** One field of an entity or a task that differs. */
export interface FieldChange {
  field: string;
  before: string | string[] | null;
  after: string | string[] | null;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** An entity as it was at the base ref and as it is now (one side absent when added or removed). */
export interface EntityPair {
  id: string;
  before?: Entity;
  after?: Entity;
}

/** Every id of a kind on either side, sorted, with its first definition on each side. */
export function pairEntities(before: Workspace, after: Workspace, kind: Kind, inScope: (file: string) => boolean): EntityPair[] {
  const pairs = new Map<string, EntityPair>();
  for (const e of before.entities(kind)) pairs.set(e.id, { id: e.id, before: e });
  for (const e of after.entities(kind)) pairs.set(e.id, { ...(pairs.get(e.id) ?? { id: e.id }), after: e });
  return [...pairs.values()]
    .filter((p) => (p.before && inScope(p.before.file)) || (p.after && inScope(p.after.file)))
    .sort(byId);
}

export function changeKind(pair: EntityPair): ChangeKind {
  return !pair.before ? 'added' : !pair.after ? 'removed' : 'changed';
}

/** A scalar as text (null when absent), anything else as compact JSON. */
export function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A list of strings (depends_on), null when absent or not a list. */
export function listOf(value: unknown): string[] | null {
  if (!Array.isArray(value)) return value === undefined || value === null ? null : [String(textOf(value))];
  return value.map((v) => textOf(v) ?? '');
}

function sameList(a: string[] | null, b: string[] | null): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/** The fields, among those named, whose values differ; lists are compared as sets. */
export function fieldChanges(before: any, after: any, fields: readonly string[], lists: readonly string[] = []): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (lists.includes(field)) {
      const b = listOf(before?.[field]);
      const a = listOf(after?.[field]);
      if (!sameList(b, a)) changes.push({ field, before: b, after: a });
    } else {
      const b = textOf(before?.[field]);
      const a = textOf(after?.[field]);
      if (b !== a) changes.push({ field, before: b, after: a });
    }
  }
  return changes;
}

/** Whether two parsed values are the same data (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

/** Items of a list field (tasks, action items, docs) by their key, in written order; items without one are skipped. */
export function itemsByKey(list: unknown, key: (item: any) => unknown): Map<string, any> {
  const items = new Map<string, any>();
  if (!Array.isArray(list)) return items;
  for (const item of list) {
    const k = item && typeof item === 'object' ? key(item) : undefined;
    if (typeof k === 'string' && !items.has(k)) items.set(k, item);
  }
  return items;
}
