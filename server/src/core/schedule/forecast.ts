// The task schedule of spec §5: when each task of each chain starts and finishes, counted in
// working days of its department's calendar from "today", which tasks make up each chain's
// critical path, how much slack the others have, and who the chain is waiting on right now.
// A pure function of the chain documents, so the CLI, the rules and the editor share it.
//
// Where the spec is silent, this file decides (and its tests show):
// - Estimates: `d` counts whole working days; `h` is laid over the working days that follow,
//   each day holding its own working minutes (4h fits in a 9-hour day; 12h takes two days).
//   A day a task has started is used up: its successor starts the next working day, so a task
//   takes ceil(hours / hours-per-day) days on a uniform calendar. `2d4h` is two full days
//   and part of a third. No estimate (or one that does not read) counts as `1d`; `0d`
//   occupies its start day only. Weeks, refused by the schema, would count as 5 working days.
// - A done task keeps its actual dates. Without `finished` it is taken as finished on its
//   estimate counted from `started`, else on its `due`, never later than today; without
//   `started` it is taken as started its estimate before it finished.
// - A task that is not done starts, as spec §5 says, at the later of today and the working day
//   after its predecessors' forecast finish, and ends after its estimate — also when it is
//   `in_progress` (its estimate is then read as the work that remains: a TAM who wants a
//   shorter forecast lowers the estimate). Only `todo` and `blocked` tasks also honour `start`.
// - A cancelled task takes no time and holds nothing up itself; its successors still wait for
//   its own predecessors, so the order the chain states is kept. It has no dates.
// - Dependencies on unknown tasks are ignored (unknown-reference reports them). A chain with a
//   task on a dependency cycle gets `cycle` and no forecast; a task of another chain that
//   depends on such a chain forgets that dependency and the chain lists it under
//   `unscheduledPredecessors`.
// - `slackDays` comes from a backward pass inside the chain against its forecast finish, using
//   each task's forecast span; `critical` means "on the critical path". When parallel branches
//   tie, the path follows the first predecessor written in `depends_on`.
// - `waitingOn` holds the tasks that could start now and have not: not done, not started, every
//   predecessor done (or cancelled), and no `start` after today. `daysOverdue` counts calendar
//   days since `due`; `readySince` is the day the last predecessor finished.
//   `lateByWorkingDays` counts in the calendar of the chain's last task.
// - "Today" is the date of "now" in the zone of the task's department calendar (spec §5 lays a
//   task on that calendar): it can be Monday in Vladivostok while Sunday in the workspace zone.

import type { DayCalendar } from '../calendar/days';
import type { ChainDoc, TaskStatus } from '../model';
import { dateOfDay, dayNumber, isDate } from '../time/dates';
import { localDay } from '../time/zone';
import { buildGraph, cyclesOf } from './task-graph';
import { effortOf, finishFrom, startFor, workDaysOf, type WorkDays } from './work-days';

export interface TaskForecast {
  id: string;
  /** "chain-id/task-id". */
  key: string;
  department: string;
  status: TaskStatus;
  /** First working day of the task; absent only for a cancelled task. */
  start?: string;
  /** Last working day of the task (a 1d task starts and finishes the same day); absent only when cancelled. */
  finish?: string;
  /** Where the dates come from: actual dates, a task under way, a forecast, or none (cancelled). */
  basis: 'actual' | 'in_progress' | 'forecast' | 'cancelled';
  /** Working days (of the task's calendar) it may slip without moving the chain's finish. */
  slackDays: number;
  /** On the critical path. */
  critical: boolean;
  /** Not done, not cancelled, and its `due` is before today. */
  duePassed: boolean;
  /** It finishes (or finished) after its `due`. */
  finishAfterDue: boolean;
  /**
   * The predecessor ("chain-id/task-id") whose forecast finish set this task's start: what
   * holds it up. Absent when today, its `start` or its actual dates set it.
   */
  driver?: string;
}

/** A task that could start now and has not: what the TAM chases. */
export interface WaitingTask {
  task: string;
  title: string;
  department: string;
  status: TaskStatus;
  due?: string;
  /** Calendar days since `due`; 0 when not overdue or without `due`. */
  daysOverdue: number;
  /** The date the last of its predecessors finished; absent for a task without predecessors. */
  readySince?: string;
}

/** A task of another chain that a task of this chain depends on. */
export interface ExternalTask {
  key: string;
  chain: string;
  task: string;
  title: string;
  department: string;
  status: TaskStatus;
  finish?: string;
}

export interface ChainForecast {
  id: string;
  title: string;
  project: string;
  deadline?: string;
  /** The latest task finish; absent for a chain in a cycle or without a scheduled task. */
  forecastFinish?: string;
  /** forecastFinish is after deadline (spec §5; also for a chain that is done: it finished late). */
  late: boolean;
  /** Every task is done or cancelled: the chain is history, its lateness no longer a risk. */
  done: boolean;
  /** Working days between deadline and forecastFinish when late, else 0. */
  lateByWorkingDays: number;
  /** Task ids from first to last, all of this chain. */
  criticalPath: string[];
  /** Every task of the chain, in document order (empty for a chain in a cycle). */
  tasks: Map<string, TaskForecast>;
  waitingOn: WaitingTask[];
  /** Cross-chain predecessors by key ("chain-id/task-id"). */
  external: Map<string, ExternalTask>;
  /** Predecessors in other chains that could not be forecast (their chain is in a cycle). */
  unscheduledPredecessors: string[];
  /** Task keys of a dependency cycle through this chain, each depending on the next. */
  cycle?: string[];
}

/**
 * A late chain: one still in progress whose forecast finish is after its deadline. What the
 * status bar, the tree, `tam plan`, `tam docs` and `deadline-at-risk` call late; a chain that
 * is done is history, even when it finished after its deadline (`late` says that).
 */
export function isLateChain(forecast: Pick<ChainForecast, 'late' | 'done'>): boolean {
  return forecast.late && !forecast.done;
}

export interface ScheduleResult {
  /** One per chain, in input order. */
  chains: ChainForecast[];
  byId: Map<string, ChainForecast>;
  /** Every dependency cycle, as from `findCycles`. */
  cycles: string[][];
}

export interface ForecastInput {
  chains: readonly ChainDoc[];
  /** The calendar of a department (the default Mon–Fri calendar when it names none). */
  calendarOf(departmentId: string): DayCalendar;
  /**
   * "Now": an instant, whose date each task reads in its own calendar's zone (a task in
   * Vladivostok starts "today" there), or one YYYY-MM-DD date for every calendar.
   */
  now: number | string;
}

export { findCycles } from './task-graph';

interface Slot {
  start: number;
  finish: number;
  basis: TaskForecast['basis'];
  /** The predecessor whose finish set this task's start, for the critical path. */
  driver: number;
}

/** Forecasts every chain (spec §5). Never throws on well-typed documents and never loops. */
export function forecastChains(input: ForecastInput): ScheduleResult {
  const fixedDay = typeof input.now === 'string' ? dayNumber(input.now) : undefined;
  if (typeof input.now === 'string' ? fixedDay === undefined : !Number.isFinite(input.now)) {
    throw new Error(`forecastChains: now must be an instant or a YYYY-MM-DD date, not ${JSON.stringify(input.now)}`);
  }
  const graph = buildGraph(input.chains);
  const { nodes, chainNodes } = graph;
  const n = nodes.length;

  const cycles = cyclesOf(graph);
  const chainCycle = new Map<number, number[]>();
  for (const cycle of cycles) {
    for (const v of cycle) if (!chainCycle.has(nodes[v]!.chain)) chainCycle.set(nodes[v]!.chain, cycle);
  }
  const schedulable = (v: number) => !chainCycle.has(nodes[v]!.chain);

  const byDepartment = new Map<string, { days: WorkDays; today: number }>();
  const departmentOf = (v: number) => {
    const dept = nodes[v]!.task.department;
    let found = byDepartment.get(dept);
    if (!found) {
      const days = workDaysOf(input.calendarOf(dept));
      found = { days, today: fixedDay ?? localDay(days.zone, input.now as number) };
      byDepartment.set(dept, found);
    }
    return found;
  };
  const calOf = (v: number): WorkDays => departmentOf(v).days;
  /** Today's day number in the zone of the task's calendar. */
  const todayOf = (v: number): number => departmentOf(v).today;

  // Topological order of the schedulable tasks (Kahn). The remaining graph is acyclic: every
  // task on a cycle belongs to a chain that is left out.
  const succs: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  const unscheduled: string[][] = chainNodes.map(() => []);
  for (let v = 0; v < n; v++) {
    if (!schedulable(v)) continue;
    for (const d of nodes[v]!.deps) {
      if (!schedulable(d)) {
        const list = unscheduled[nodes[v]!.chain]!;
        if (!list.includes(nodes[d]!.key)) list.push(nodes[d]!.key);
        continue;
      }
      succs[d]!.push(v);
      indegree[v]!++;
    }
  }
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (schedulable(v) && indegree[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    for (const w of succs[order[i]!]!) if (--indegree[w]! === 0) order.push(w);
  }

  // Effective predecessors: depends_on with cancelled tasks replaced by their own predecessors.
  const effPreds: number[][] = Array.from({ length: n }, () => []);
  const isCancelled = (v: number) => nodes[v]!.task.status === 'cancelled';
  for (const v of order) {
    const out: number[] = [];
    for (const d of nodes[v]!.deps) {
      if (!schedulable(d)) continue;
      for (const p of isCancelled(d) ? effPreds[d]! : [d]) if (!out.includes(p)) out.push(p);
    }
    effPreds[v] = out;
  }

  const chainOrder: number[][] = chainNodes.map(() => []);
  for (const v of order) chainOrder[nodes[v]!.chain]!.push(v);

  // Forward pass.
  const slots: (Slot | undefined)[] = new Array(n);
  for (const v of order) {
    const task = nodes[v]!.task;
    if (task.status === 'cancelled') continue;
    const cal = calOf(v);
    const today = todayOf(v);
    const effort = effortOf(task);
    let latest = -1;
    let latestFinish = -Infinity;
    for (const p of effPreds[v]!) {
      const f = slots[p]!.finish;
      if (f > latestFinish) {
        latestFinish = f;
        latest = p;
      }
    }
    const ready = latest === -1 ? undefined : cal.after(latestFinish);
    const started = dayOf(task.started);
    let slot: Slot;
    if (task.status === 'done') {
      let finish = dayOf(task.finished);
      if (finish === undefined) {
        const due = dayOf(task.due);
        const guess = started !== undefined ? finishFrom(cal, cal.onOrAfter(started), effort) : due ?? today;
        finish = Math.max(Math.min(guess, today), started ?? -Infinity);
      }
      const start = Math.min(started ?? startFor(cal, finish, effort), finish);
      slot = { start, finish, basis: 'actual', driver: ready !== undefined && ready === cal.onOrAfter(start) ? latest : -1 };
    } else {
      const planned = task.status === 'in_progress' ? undefined : dayOf(task.start);
      const earliest = Math.max(today, planned ?? today);
      const start = cal.onOrAfter(Math.max(earliest, ready ?? earliest));
      const basis = task.status === 'in_progress' ? 'in_progress' : 'forecast';
      slot = { start, finish: finishFrom(cal, start, effort), basis, driver: ready !== undefined && ready >= cal.onOrAfter(earliest) ? latest : -1 };
    }
    slots[v] = slot;
  }

  const chains: ChainForecast[] = graph.chains.map((chain, ci) => {
    const base: ChainForecast = {
      id: chain.id,
      title: chain.title,
      project: chain.project,
      late: false,
      done: chainNodes[ci]!.length > 0 && chainNodes[ci]!.every((v) => nodes[v]!.task.status === 'done' || nodes[v]!.task.status === 'cancelled'),
      lateByWorkingDays: 0,
      criticalPath: [],
      tasks: new Map(),
      waitingOn: [],
      external: new Map(),
      unscheduledPredecessors: unscheduled[ci]!,
    };
    if (isDate(chain.deadline)) base.deadline = chain.deadline;
    const cycle = chainCycle.get(ci);
    if (cycle) {
      base.cycle = cycle.map((v) => nodes[v]!.key);
      return base;
    }
    return forecastOne(base, ci);
  });

  function isDone(v: number): boolean {
    return nodes[v]!.task.status === 'done';
  }

  function forecastOne(result: ChainForecast, ci: number): ChainForecast {
    const own = chainNodes[ci]!;

    // The chain's finish and the task that sets it (the first written, among ties).
    let last = -1;
    for (const v of own) if (slots[v] && (last === -1 || slots[v]!.finish > slots[last]!.finish)) last = v;

    const path: number[] = [];
    for (let v = last; v !== -1 && nodes[v]!.chain === ci; v = slots[v]!.driver) path.push(v);
    path.reverse();
    const onPath = new Set(path);

    // Backward pass against the chain's finish: the latest each task may finish, from the
    // latest its successors in this chain may start.
    const latestFinish = new Map<number, number>();
    const latestStart = new Map<number, number>();
    if (last !== -1) {
      const chainFinish = slots[last]!.finish;
      const succsInChain = new Map<number, number[]>();
      for (const v of own) {
        for (const p of effPreds[v]!) {
          if (nodes[p]!.chain !== ci || !slots[v]) continue;
          let list = succsInChain.get(p);
          if (!list) succsInChain.set(p, (list = []));
          list.push(v);
        }
      }
      const inOrder = chainOrder[ci]!;
      for (let i = inOrder.length - 1; i >= 0; i--) {
        const v = inOrder[i]!;
        if (!slots[v]) continue;
        const cal = calOf(v);
        let lf = cal.onOrBefore(chainFinish);
        // A successor starting on day S lets this task finish on any working day before S.
        for (const s of succsInChain.get(v) ?? []) lf = Math.min(lf, cal.onOrBefore(latestStart.get(s)! - 1));
        const { start, finish } = slots[v]!;
        const span = Math.max(1, cal.countAfter(start - 1, finish));
        latestFinish.set(v, lf);
        latestStart.set(v, cal.back(lf, span - 1));
      }
    }

    for (const v of own) {
      const task = nodes[v]!.task;
      const slot = slots[v];
      const today = todayOf(v);
      const due = dayOf(task.due);
      const open = task.status !== 'done' && task.status !== 'cancelled';
      const f: TaskForecast = {
        id: task.id,
        key: nodes[v]!.key,
        department: task.department,
        status: task.status,
        basis: slot ? slot.basis : 'cancelled',
        slackDays: slot ? calOf(v).countAfter(slot.finish, latestFinish.get(v)!) : 0,
        critical: onPath.has(v),
        duePassed: open && due !== undefined && due < today,
        finishAfterDue: !!slot && due !== undefined && slot.finish > due,
      };
      if (slot) {
        f.start = dateOf(slot.start);
        f.finish = dateOf(slot.finish);
        if (slot.driver !== -1) f.driver = nodes[slot.driver]!.key;
      }
      if (!result.tasks.has(task.id)) result.tasks.set(task.id, f);

      for (const d of nodes[v]!.deps) {
        const dep = nodes[d]!;
        if (dep.chain === ci || result.external.has(dep.key)) continue;
        const ext: ExternalTask = {
          key: dep.key,
          chain: graph.chains[dep.chain]!.id,
          task: dep.task.id,
          title: dep.task.title,
          department: dep.task.department,
          status: dep.task.status,
        };
        if (slots[d]) ext.finish = dateOf(slots[d]!.finish);
        result.external.set(dep.key, ext);
      }

      const notStarted = slot?.basis === 'forecast';
      const planned = dayOf(task.start);
      const ready = effPreds[v]!.every(isDone) && nodes[v]!.deps.every((d) => schedulable(d) || isDone(d));
      if (notStarted && ready && (planned === undefined || planned <= today)) {
        const waiting: WaitingTask = {
          task: task.id,
          title: task.title,
          department: task.department,
          status: task.status,
          daysOverdue: due !== undefined && due < today ? today - due : 0,
        };
        if (task.due !== undefined) waiting.due = task.due;
        let last = -Infinity;
        for (const p of effPreds[v]!) last = Math.max(last, slots[p]!.finish);
        if (Number.isFinite(last)) waiting.readySince = dateOf(last);
        result.waitingOn.push(waiting);
      }
    }

    if (last !== -1) {
      const finish = slots[last]!.finish;
      result.forecastFinish = dateOf(finish);
      result.criticalPath = path.map((v) => nodes[v]!.task.id);
      const deadline = dayOf(result.deadline);
      if (deadline !== undefined && finish > deadline) {
        result.late = true;
        result.lateByWorkingDays = calOf(last).countAfter(deadline, finish);
      }
    }
    return result;
  }

  return { chains, byId: new Map([...chains].reverse().map((c) => [c.id, c])), cycles: cycles.map((c) => c.map((v) => nodes[v]!.key)) };
}

function dayOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : dayNumber(date);
}

function dateOf(day: number): string {
  return dateOfDay(day);
}
