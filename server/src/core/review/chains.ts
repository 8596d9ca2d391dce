// What a change means for task chains: tasks added, removed, re-assigned, moved in status,
// estimate, dates or dependencies; deadline changes; and, computed at the same "now" on both
// sides, the forecast finish, lateness and critical path before and after. A chain whose file
// did not change still appears when its forecast did (a task of another chain it waits for
// slipped, a department changed calendar).

import { reviewChainGraph } from '../render/review-graph';
import type { ChainForecast } from '../schedule/forecast';
import { departmentNames, workspaceSchedule } from '../schedule/workspace-schedule';
import type { Workspace } from '../workspace/workspace';
import { changeKind, fieldChanges, itemsByKey, pairEntities, textOf, type ChangeKind, type FieldChange, type ValueChange } from './compare';

/** The fields of a task a reviewer follows, in the order a review lists them. */
export const TASK_FIELDS = ['title', 'department', 'assignee', 'status', 'estimate', 'start', 'due', 'started', 'finished', 'depends_on'] as const;
const CHAIN_FIELDS = ['title', 'project', 'requested', 'deadline'] as const;

export interface TaskSummary {
  id: string;
  title: string;
  department: string | null;
  status: string | null;
  estimate: string | null;
  assignee: string | null;
}

export interface TaskChange {
  id: string;
  title: string;
  /** Fields of TASK_FIELDS that differ; `depends_on` before/after are lists. */
  changes: FieldChange[];
}

/** A chain's forecast, as `tam plan` gives it. */
export interface ChainForecastState {
  deadline: string | null;
  forecastFinish: string | null;
  late: boolean;
  lateByWorkingDays: number;
  criticalPath: string[];
  /** Task keys of a dependency cycle that prevents a forecast. */
  cycle?: string[];
}

export interface ChainChange {
  id: string;
  title: string;
  project: string | null;
  /** The chain's file now, or at the base when it was removed. */
  file: string;
  change: ChangeKind;
  /** Chain fields that differ: title, project, requested, deadline. */
  fields: FieldChange[];
  tasks: { added: TaskSummary[]; removed: TaskSummary[]; changed: TaskChange[] };
  /** null on a side where the chain is absent or cannot be forecast (schema errors). */
  forecast: ValueChange<ChainForecastState | null>;
  forecastChanged: boolean;
  criticalPathChanged: boolean;
  /** Late after the change and not before (or new and late). */
  becameLate: boolean;
  /** Late before the change and not after. */
  noLongerLate: boolean;
  /**
   * A Mermaid flowchart of the chain after the change, tasks added or edited outlined; null for
   * a removed chain or one with schema errors.
   */
  graph: string | null;
}

export function chainChanges(before: Workspace, after: Workspace, now: number, inScope: (file: string) => boolean): ChainChange[] {
  const scheduleBefore = workspaceSchedule(before, now);
  const scheduleAfter = workspaceSchedule(after, now);
  const names = departmentNames(after);
  const changes: ChainChange[] = [];
  for (const pair of pairEntities(before, after, 'chain', inScope)) {
    const b = pair.before?.value;
    const a = pair.after?.value;
    const change = changeKind(pair);
    const fields = change === 'changed' ? fieldChanges(b, a, CHAIN_FIELDS) : [];
    const tasks = taskChanges(b?.tasks, a?.tasks, change);
    const forecast = {
      before: pair.before?.valid ? stateOf(scheduleBefore.byId.get(pair.id)) : null,
      after: pair.after?.valid ? stateOf(scheduleAfter.byId.get(pair.id)) : null,
    };
    const forecastChanged = change === 'changed' && JSON.stringify(forecast.before) !== JSON.stringify(forecast.after);
    const criticalPathChanged = !!forecast.before && !!forecast.after && forecast.before.criticalPath.join('/') !== forecast.after.criticalPath.join('/');
    const tasksChanged = tasks.added.length + tasks.removed.length + tasks.changed.length > 0;
    if (change === 'changed' && !fields.length && !tasksChanged && !forecastChanged) continue;
    const entity = (pair.after ?? pair.before)!;
    const touched = new Set([...tasks.added, ...tasks.changed].map((t) => t.id));
    const graph = pair.after?.valid ? reviewChainGraph(a, scheduleAfter.byId.get(pair.id), change === 'added' ? new Set() : touched, { departmentNames: names }) : null;
    changes.push({
      id: pair.id,
      title: textOf(entity.value.title) ?? pair.id,
      project: textOf(entity.value.project),
      file: entity.file,
      change,
      fields,
      tasks,
      forecast,
      forecastChanged,
      criticalPathChanged,
      becameLate: !!forecast.after?.late && !forecast.before?.late && change !== 'removed',
      noLongerLate: !!forecast.before?.late && !forecast.after?.late && change === 'changed',
      graph,
    });
  }
  return changes;
}

function stateOf(f: ChainForecast | undefined): ChainForecastState | null {
  if (!f) return null;
  const state: ChainForecastState = {
    deadline: f.deadline ?? null,
    forecastFinish: f.forecastFinish ?? null,
    late: f.late,
    lateByWorkingDays: f.lateByWorkingDays,
    criticalPath: [...f.criticalPath],
  };
  if (f.cycle) state.cycle = [...f.cycle];
  return state;
}

function summary(task: any): TaskSummary {
  return {
    id: String(task.id),
    title: textOf(task.title) ?? String(task.id),
    department: textOf(task.department),
    status: textOf(task.status),
    estimate: textOf(task.estimate),
    assignee: textOf(task.assignee),
  };
}

function taskChanges(before: unknown, after: unknown, change: ChangeKind): ChainChange['tasks'] {
  // A new chain's tasks are all added, a removed chain's all removed.
  const b = itemsByKey(change === 'added' ? [] : before, (t) => t.id);
  const a = itemsByKey(change === 'removed' ? [] : after, (t) => t.id);
  const result: ChainChange['tasks'] = { added: [], removed: [], changed: [] };
  for (const [id, task] of a) {
    const old = b.get(id);
    if (!old) {
      result.added.push(summary(task));
      continue;
    }
    const changes = fieldChanges(old, task, TASK_FIELDS, ['depends_on']);
    if (changes.length) result.changed.push({ id, title: textOf(task.title) ?? id, changes });
  }
  for (const [id, task] of b) if (!a.has(id)) result.removed.push(summary(task));
  return result;
}
