// Hints of a chain document, all read from the forecast `tam plan` prints (one forecast per
// request, from the workspace's memo): after each task its dates and what drives them
// (`12-02 → 12-04 · critical`, `11-25 · slack 3d · waits on vmware: vms`, `done 11-10`), after
// `deadline:` the forecast finish and lateness, after an `estimate:` in hours the working days
// it spans on the department's calendar.

import { isLateChain, type ChainForecast, type TaskForecast } from '../../core/schedule/forecast';
import { workDaysOf } from '../../core/schedule/work-days';
import { departmentCalendar } from '../../core/schedule/workspace-schedule';
import { dayNumber } from '../../core/time/dates';
import { parseDuration } from '../../core/time/duration';
import type { Workspace } from '../../core/workspace/workspace';
import { findPair, type TreeDoc, type TreeMap } from '../yaml-tree';
import type { HintSink } from './sink';
import { piece, plural, shortDate, span, type HintFamilies } from './words';

export function chainHints(doc: TreeDoc, f: ChainForecast, ws: Workspace, today: string, families: HintFamilies, sink: HintSink): void {
  const root = doc.root;
  if (root?.type !== 'map') return;
  const deadline = findPair(root, 'deadline');
  if (families.deadline && deadline?.value?.type === 'scalar') {
    const words = deadlineWords(f, today);
    if (words) sink.add(deadline.value.start, words.label, words.tooltip);
  }
  const tasks = findPair(root, 'tasks')?.value;
  if (tasks?.type !== 'seq' || (!families.tasks && !families.estimates)) return;
  for (const item of tasks.items) {
    const map = item.node;
    if (map?.type !== 'map') continue;
    const id = findPair(map, 'id')?.value;
    if (id?.type !== 'scalar') continue;
    const task = f.tasks.get(id.value);
    if (!task) continue;
    if (families.tasks && sink.wants(id.start)) {
      const words = taskWords(task, f, today);
      if (words) sink.add(id.start, words.label, words.tooltip);
    }
    if (families.estimates) estimateHint(map, task, ws, sink);
  }
}

/** `forecast 12-02 · late by 2d`, `forecast 11-27 · on time`, `finished 11-20`. */
function deadlineWords(f: ChainForecast, today: string): { label: string; tooltip: string } | undefined {
  if (f.cycle) return { label: 'no forecast: dependency cycle', tooltip: 'A task of this chain is on a dependency cycle: no forecast until it is broken.' };
  if (!f.forecastFinish || !f.deadline) return undefined;
  const finish = shortDate(f.forecastFinish, today);
  if (f.done) {
    const label = f.late ? `finished ${finish} · ${f.lateByWorkingDays}d after it` : `finished ${finish} · on time`;
    return { label, tooltip: `Every task is done or cancelled: the chain finished on ${f.forecastFinish}${f.late ? `, ${plural(f.lateByWorkingDays, 'working day')} after its deadline` : ''}.` };
  }
  if (isLateChain(f)) {
    return { label: `forecast ${finish} · late by ${f.lateByWorkingDays}d`, tooltip: `Forecast finish ${f.forecastFinish}: ${plural(f.lateByWorkingDays, 'working day')} after the deadline ${f.deadline} (as tam plan says).` };
  }
  return { label: `forecast ${finish} · on time`, tooltip: `Forecast finish ${f.forecastFinish}, on or before the deadline ${f.deadline} (as tam plan says).` };
}

/** What a task's forecast says, in a few words. */
function taskWords(t: TaskForecast, f: ChainForecast, today: string): { label: string; tooltip: string } | undefined {
  if (!t.start || !t.finish) return undefined; // cancelled: no dates
  if (t.basis === 'actual') {
    return { label: `done ${shortDate(t.finish, today)}`, tooltip: `Done: ${t.start === t.finish ? `on ${t.start}` : `${t.start} to ${t.finish}`}.` };
  }
  const parts = [span(t.start, t.finish, today), t.critical ? 'critical' : `slack ${t.slackDays}d`];
  const tooltip = [`Forecast ${t.start === t.finish ? t.start : `${t.start} to ${t.finish}`} (working days of its department's calendar)`];
  tooltip.push(t.critical ? 'on the critical path: a day later here is a day later for the chain' : `${plural(t.slackDays, 'working day')} of slack before the chain's finish moves`);
  const holder = blocker(t, f);
  if (holder) {
    parts.push(`waits on ${piece(holder.department)}: ${piece(holder.task)}`);
    tooltip.push(`it cannot start before ${holder.task} (${holder.department}, ${holder.status}) finishes`);
  }
  return { label: parts.join(' · '), tooltip: `${tooltip.join('; ')}.` };
}

/** The predecessor not done yet whose finish sets the task's start, if one does. */
function blocker(t: TaskForecast, f: ChainForecast): { department: string; task: string; status: string } | undefined {
  if (!t.driver) return undefined;
  const slash = t.driver.indexOf('/');
  const sameChain = t.driver.slice(0, slash) === f.id;
  const own = sameChain ? f.tasks.get(t.driver.slice(slash + 1)) : undefined;
  const other = sameChain ? undefined : f.external.get(t.driver);
  const status = own?.status ?? other?.status;
  const department = own?.department ?? other?.department;
  if (!status || !department || status === 'done') return undefined;
  return { department, task: sameChain ? t.driver.slice(slash + 1) : t.driver, status };
}

/** After `estimate: 12h`: `2 working days`, the span the forecast lays it over. */
function estimateHint(map: TreeMap, t: TaskForecast, ws: Workspace, sink: HintSink): void {
  const estimate = findPair(map, 'estimate')?.value;
  if (estimate?.type !== 'scalar' || !sink.wants(estimate.start)) return;
  const parts = parseDuration(estimate.value);
  if (!parts || (!parts.hours && !parts.minutes)) return;
  // A done task's dates are what happened, not its estimate; a cancelled one has none.
  if (t.basis === 'actual' || t.basis === 'cancelled' || !t.start || !t.finish) return;
  const days = workDaysOf(departmentCalendar(ws, t.department)).countAfter(dayNumber(t.start)! - 1, dayNumber(t.finish)!);
  sink.add(estimate.start, plural(days, 'working day'), `${estimate.value} laid over the working hours of ${t.department}'s calendar: ${t.start === t.finish ? t.start : `${t.start} to ${t.finish}`}.`);
}
