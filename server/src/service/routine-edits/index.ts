// A TAM's routine edits, offered where the cursor is (not only on a diagnostic): on a task,
// "Start today", "Mark done today" and "Block"; on an incident, "Add timeline entry now: …"
// for each status, signed with `tam.me` when it is set; on a project document, "Mark reviewed
// today". "Today" is what the engines call today there: a task's date in its department
// calendar's zone (the forecast's), a review's in the workspace's zone (stale-doc's); "now" is
// stamped to the minute in the workspace's zone. Each edit keeps the file's style (yaml-edit.ts).

import type { TextEdit } from '../../core/diagnostic';
import type { Position, TimelineStatus } from '../../core/model';
import { departmentToday, workspaceToday, workspaceZone } from '../../core/schedule/workspace-schedule';
import { minuteStamp } from '../../core/time/zone';
import type { Workspace } from '../../core/workspace/workspace';
import type { TextModel } from '../text-model';
import { docOfLine, findPair, rootScalar, type TreeItem, type TreeMap, type TreeNode } from '../yaml-tree';
import { addList, appendItem, quoteOf, setFields, type Field } from './yaml-edit';

export interface RoutineEdit {
  title: string;
  edits: TextEdit[];
}

/** The timeline statuses, in the order an incident usually goes through them. */
export const TIMELINE_STATUSES: readonly TimelineStatus[] = ['acknowledged', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'];

export interface RoutineOptions {
  /** `tam.me`: the user's person id, the `by` of a timeline entry. */
  me?: string;
}

export function routineEdits(model: TextModel, position: Position, ws: Workspace | undefined, now: number, options: RoutineOptions = {}): RoutineEdit[] {
  if (!ws) return [];
  const doc = docOfLine(model.tree, position.line);
  const root = doc.root;
  if (root?.type !== 'map' || root.flow) return [];
  const kind = rootScalar(doc, 'kind')?.value;
  if (kind === 'chain') {
    const item = itemAt(model, findPair(root, 'tasks')?.value, position);
    return item?.node?.type === 'map' ? taskEdits(model, item.node, ws, now) : [];
  }
  if (kind === 'incident') return timelineEdits(model, root, ws, now, options);
  if (kind === 'project') {
    const item = itemAt(model, findPair(root, 'docs')?.value, position);
    return item?.node?.type === 'map' ? reviewEdits(model, item.node, ws, now) : [];
  }
  return [];
}

/** The item of a list under the cursor: the one it is in, else the one whose lines hold its line. */
function itemAt(model: TextModel, seq: TreeNode | null | undefined, position: Position): TreeItem | undefined {
  if (seq?.type !== 'seq') return undefined;
  const offset = model.offsetAt(position);
  const span = (item: TreeItem) => ({ start: item.start, end: item.node ? Math.max(item.end, item.node.end) : item.end });
  const inside = seq.items.find((item) => span(item).start <= offset && offset <= span(item).end);
  if (inside) return inside;
  return seq.items.find((item) => {
    const { start, end } = span(item);
    return model.positionAt(start).line <= position.line && position.line <= model.positionAt(Math.max(start, end - 1)).line;
  });
}

function scalarOf(map: TreeMap, key: string): string | undefined {
  const value = findPair(map, key)?.value;
  return value?.type === 'scalar' ? value.value : undefined;
}

function taskEdits(model: TextModel, task: TreeMap, ws: Workspace, now: number): RoutineEdit[] {
  const status = scalarOf(task, 'status');
  const department = scalarOf(task, 'department') ?? '';
  // The task's today: the date the forecast starts it from, in its department calendar's zone.
  const today = departmentToday(ws, department, now);
  // A new key takes the quotes the status is written in, the map's closest neighbour.
  const quote = quoteOf(model, findPair(task, 'status')?.value);
  const out: RoutineEdit[] = [];
  const offer = (title: string, fields: Field[]) => {
    const edits = setFields(model, task, fields.map((f) => ({ ...f, quote })));
    if (edits?.length) out.push({ title, edits });
  };
  if (status !== 'in_progress' && status !== 'done' && status !== 'cancelled') {
    offer('Start today', [{ key: 'status', value: 'in_progress' }, { key: 'started', value: today }]);
  }
  if (status !== 'done' && status !== 'cancelled') {
    const fields: Field[] = [{ key: 'status', value: 'done' }];
    if (scalarOf(task, 'started') === undefined) fields.push({ key: 'started', value: today });
    fields.push({ key: 'finished', value: today });
    offer('Mark done today', fields);
  }
  if (status === 'todo' || status === 'in_progress') offer('Block', [{ key: 'status', value: 'blocked' }]);
  return out;
}

function timelineEdits(model: TextModel, incident: TreeMap, ws: Workspace, now: number, options: RoutineOptions): RoutineEdit[] {
  const at = minuteStamp(workspaceZone(ws), now);
  const timeline = findPair(incident, 'timeline');
  const list = timeline?.value;
  // The new entry is written like the last one: its keys in its order, its values in its quotes.
  const last = list?.type === 'seq' ? list.items[list.items.length - 1]?.node : undefined;
  const template = last?.type === 'map' ? last : undefined;
  const out: RoutineEdit[] = [];
  for (const status of TIMELINE_STATUSES) {
    const values: Record<string, string> = { at, status };
    if (options.me) values.by = options.me;
    const written = template ? template.pairs.map((p) => p.key).filter((k) => k in values) : [];
    const keys = [...written, ...Object.keys(values).filter((k) => !written.includes(k))];
    const fields = keys.map((key): Field => ({ key, value: values[key]!, quote: template ? quoteOf(model, findPair(template, key)?.value) : '' }));
    let edit: TextEdit | undefined;
    if (list?.type === 'seq') edit = appendItem(model, list, fields);
    else if (!list) edit = addList(model, incident, 'timeline', fields);
    if (edit) out.push({ title: `Add timeline entry now: ${status}`, edits: [edit] });
  }
  return out;
}

function reviewEdits(model: TextModel, doc: TreeMap, ws: Workspace, now: number): RoutineEdit[] {
  // The review date stale-doc counts from: today in the workspace's zone.
  const today = workspaceToday(ws, now);
  if (scalarOf(doc, 'reviewed') === today) return [];
  const edits = setFields(model, doc, [{ key: 'reviewed', value: today }]);
  return edits?.length ? [{ title: 'Mark reviewed today', edits }] : [];
}
