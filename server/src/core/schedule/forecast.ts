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
//   days since `due`. `lateByWorkingDays` counts in the calendar of the chain's last task.

import type { ChainDoc, TaskDoc, TaskStatus } from '../model';
import { DayCalendar, DEFAULT_WORKDAY_CALENDAR, clockMinutes } from '../calendar/days';
import { parseDuration } from '../time/duration';
import { isDate } from '../time/timestamp';
import { taskRefId } from '../workspace/entities';

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
  /** forecastFinish is after deadline. */
  late: boolean;
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

export interface ScheduleResult {
  /** One per chain, in input order. */
  chains: ChainForecast[];
  byId: Map<string, ChainForecast>;
  /** Every dependency cycle, as from `findCycles`. */
  cycles: string[][];
}

export interface ForecastInput {
  chains: readonly ChainDoc[];
  /** The calendar of a department (DEFAULT_WORKDAY_CALENDAR when it names none). */
  calendarOf(departmentId: string): DayCalendar;
  /** "Now" as a YYYY-MM-DD date in the workspace's time zone. */
  today: string;
}

// ---------------------------------------------------------------------------------------
// The task graph shared by the cycle search and the forecast.

interface Node {
  chain: number;
  task: TaskDoc;
  key: string;
  /** Resolved predecessors (depends_on), duplicates and unknown targets dropped. */
  deps: number[];
}

interface Graph {
  chains: readonly ChainDoc[];
  nodes: Node[];
  /** Node indexes of each chain's tasks, in document order. */
  chainNodes: number[][];
}

function buildGraph(chains: readonly ChainDoc[]): Graph {
  const nodes: Node[] = [];
  const chainNodes: number[][] = [];
  const byKey = new Map<string, number>();
  chains.forEach((chain, ci) => {
    const own: number[] = [];
    const ids = new Set<string>();
    for (const task of Array.isArray(chain.tasks) ? chain.tasks : []) {
      // A duplicated task or chain id is another rule's report; the first definition wins.
      if (!task || typeof task.id !== 'string' || ids.has(task.id)) continue;
      ids.add(task.id);
      const key = `${chain.id}/${task.id}`;
      if (!byKey.has(key)) byKey.set(key, nodes.length);
      own.push(nodes.length);
      nodes.push({ chain: ci, task, key, deps: [] });
    }
    chainNodes.push(own);
  });
  for (const node of nodes) {
    const chainId = chains[node.chain]!.id;
    const seen = new Set<number>();
    for (const raw of Array.isArray(node.task.depends_on) ? node.task.depends_on : []) {
      if (typeof raw !== 'string') continue;
      const target = byKey.get(taskRefId(chainId, raw));
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      node.deps.push(target);
    }
  }
  return { chains, nodes, chainNodes };
}

/**
 * Strongly connected components (Tarjan), iteratively so that a chain of thousands of tasks
 * cannot overflow the stack. Returns the component of each node and which components are
 * cycles (more than one node, or a node depending on itself).
 */
function components(nodes: readonly Node[]): { comp: Int32Array; cyclic: boolean[] } {
  const n = nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const cyclic: boolean[] = [];
  let counter = 0;
  const work: { v: number; next: number }[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push({ v: root, next: 0 });
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const frame = work[work.length - 1]!;
      const { v } = frame;
      const deps = nodes[v]!.deps;
      if (frame.next < deps.length) {
        const w = deps[frame.next++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const id = cyclic.length;
        let size = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = id;
          size++;
        } while (w !== v);
        cyclic.push(size > 1 || deps.includes(v));
      }
    }
  }
  return { comp, cyclic };
}

/**
 * Elementary cycles that together name every task on a cycle: for each task of a cyclic
 * component not yet named, the shortest way back to itself along depends_on. Node indexes,
 * each depending on the next and the last on the first.
 */
function cyclesOf(graph: Graph): number[][] {
  const { nodes } = graph;
  const { comp, cyclic } = components(nodes);
  const covered = new Uint8Array(nodes.length);
  const out: number[][] = [];
  const parent = new Int32Array(nodes.length);
  for (let start = 0; start < nodes.length; start++) {
    if (covered[start] || !cyclic[comp[start]!]) continue;
    const c = comp[start]!;
    parent.fill(-1);
    const queue = [start];
    let last = -1;
    for (let q = 0; q < queue.length && last === -1; q++) {
      const v = queue[q]!;
      for (const w of nodes[v]!.deps) {
        if (comp[w] !== c) continue;
        if (w === start) {
          last = v;
          break;
        }
        if (parent[w] === -1) {
          parent[w] = v;
          queue.push(w);
        }
      }
    }
    const path: number[] = [];
    for (let v = last; v !== start && v !== -1; v = parent[v]!) path.push(v);
    path.push(start);
    path.reverse();
    for (const v of path) covered[v] = 1;
    out.push(path);
  }
  return out;
}

/**
 * The dependency cycles among the chains' tasks, as task keys ("chain-id/task-id"), each task
 * depending on the next and the last on the first. Every task on a cycle is named at least once.
 */
export function findCycles(chains: readonly ChainDoc[]): string[][] {
  const graph = buildGraph(chains);
  return cyclesOf(graph).map((cycle) => cycle.map((v) => graph.nodes[v]!.key));
}

// ---------------------------------------------------------------------------------------
// Working days as integers (days since 1970-01-01), with a per-calendar cache: the forecast
// asks the same few weeks of the same few calendars thousands of times.

class WorkDays {
  private readonly cal: DayCalendar;
  private lo = 0;
  /** Working days in [lo, lo + i], for every day of the cached window. */
  private cum = new Int32Array(0);
  private mins = new Int32Array(0);

  constructor(cal: DayCalendar) {
    // A calendar without one working weekday would never finish anything; count it as the default.
    const hours = cal.doc.working_hours;
    const works = !hours || hours.some((slot) => slot.days.length > 0 && clockMinutes(slot.to) > clockMinutes(slot.from));
    this.cal = works ? cal : new DayCalendar(DEFAULT_WORKDAY_CALENDAR);
  }

  private ensure(day: number): void {
    const hi = this.lo + this.cum.length - 1;
    if (this.cum.length && day >= this.lo && day <= hi) return;
    const size = Math.max(128, this.cum.length * 2);
    const lo = this.cum.length ? Math.min(this.lo, day - (day < this.lo ? size : 0)) : day - 64;
    const newHi = this.cum.length ? Math.max(hi, day + (day > hi ? size : 0)) : day + 64;
    const mins = new Int32Array(newHi - lo + 1);
    for (let d = lo; d <= newHi; d++) {
      const old = d - this.lo;
      mins[d - lo] = this.cum.length && old >= 0 && old < this.mins.length ? this.mins[old]! : this.cal.workingMinutesOn(dateOf(d));
    }
    const cum = new Int32Array(mins.length);
    let count = 0;
    for (let i = 0; i < mins.length; i++) cum[i] = count += mins[i]! > 0 ? 1 : 0;
    this.lo = lo;
    this.mins = mins;
    this.cum = cum;
  }

  minutes(day: number): number {
    this.ensure(day);
    return this.mins[day - this.lo]!;
  }

  isWorking(day: number): boolean {
    return this.minutes(day) > 0;
  }

  /** Working days in (from, to]; 0 when to ≤ from. */
  countAfter(from: number, to: number): number {
    if (to <= from) return 0;
    this.ensure(from);
    this.ensure(to);
    return this.cum[to - this.lo]! - this.cum[from - this.lo]!;
  }

  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorking(d)) d++;
    return d;
  }

  after(day: number): number {
    return this.onOrAfter(day + 1);
  }

  onOrBefore(day: number): number {
    let d = day;
    while (!this.isWorking(d)) d--;
    return d;
  }

  before(day: number): number {
    return this.onOrBefore(day - 1);
  }

  /** The n-th working day after a working day (n ≥ 0). */
  forward(day: number, n: number): number {
    let d = day;
    for (let i = 0; i < n; i++) d = this.after(d);
    return d;
  }

  back(day: number, n: number): number {
    let d = day;
    for (let i = 0; i < n; i++) d = this.before(d);
    return d;
  }
}

/** Calendars are immutable, so what was learnt about one serves every later forecast too. */
const workDaysCache = new WeakMap<DayCalendar, WorkDays>();

interface Effort {
  days: number;
  minutes: number;
}

function effortOf(task: TaskDoc): Effort {
  const d = parseDuration(task.estimate);
  if (!d) return { days: 1, minutes: 0 };
  return { days: d.weeks * 5 + d.days, minutes: d.hours * 60 + d.minutes };
}

/** The last working day of an effort that starts on the working day `start`. */
function finishFrom(cal: WorkDays, start: number, effort: Effort): number {
  let day = effort.days > 0 ? cal.forward(start, effort.days - 1) : start;
  if (effort.minutes > 0) {
    if (effort.days > 0) day = cal.after(day);
    let rest = effort.minutes;
    while (rest > cal.minutes(day)) {
      rest -= cal.minutes(day);
      day = cal.after(day);
    }
  }
  return day;
}

/** The first working day of an effort that finished on `finish`: finishFrom backwards. */
function startFor(cal: WorkDays, finish: number, effort: Effort): number {
  let day = cal.onOrBefore(finish);
  if (effort.minutes > 0) {
    let rest = effort.minutes;
    while (rest > cal.minutes(day)) {
      rest -= cal.minutes(day);
      day = cal.before(day);
    }
    if (effort.days > 0) day = cal.before(day);
  }
  return effort.days > 0 ? cal.back(day, effort.days - 1) : day;
}

// Date texts ↔ day numbers without Date objects (Hinnant's civil-date arithmetic): the
// forecast converts thousands of dates and Date.toISOString was most of its time.
const dayCache = new Map<string, number | undefined>();

function dayOf(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  let day = dayCache.get(date);
  if (day === undefined && !dayCache.has(date)) {
    day = isDate(date) ? daysFromCivil(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)) : undefined;
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(date, day);
  }
  return day;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function dateOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

// ---------------------------------------------------------------------------------------

interface Slot {
  start: number;
  finish: number;
  basis: TaskForecast['basis'];
  /** The predecessor whose finish set this task's start, for the critical path. */
  driver: number;
}

/** Forecasts every chain (spec §5). Never throws on well-typed documents and never loops. */
export function forecastChains(input: ForecastInput): ScheduleResult {
  const todayDay = dayOf(input.today);
  if (todayDay === undefined) throw new Error(`forecastChains: today must be a YYYY-MM-DD date, not ${JSON.stringify(input.today)}`);
  const today: number = todayDay;
  const graph = buildGraph(input.chains);
  const { nodes, chainNodes } = graph;
  const n = nodes.length;

  const cycles = cyclesOf(graph);
  const chainCycle = new Map<number, number[]>();
  for (const cycle of cycles) {
    for (const v of cycle) if (!chainCycle.has(nodes[v]!.chain)) chainCycle.set(nodes[v]!.chain, cycle);
  }
  const schedulable = (v: number) => !chainCycle.has(nodes[v]!.chain);

  const byDepartment = new Map<string, WorkDays>();
  const calOf = (v: number): WorkDays => {
    const dept = nodes[v]!.task.department;
    let wd = byDepartment.get(dept);
    if (!wd) {
      const cal = input.calendarOf(dept);
      wd = workDaysCache.get(cal);
      if (!wd) workDaysCache.set(cal, (wd = new WorkDays(cal)));
      byDepartment.set(dept, wd);
    }
    return wd;
  };

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
