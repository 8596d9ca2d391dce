// `tam plan` output (spec §7): the forecast of each chain as text for a person — when it
// finishes, whether that is late, what path decides it, and whose move it is now — and as the
// JSON the spec fixes for machines. Ids, titles and names in the text go through plainText
// (core/text/shown), one piece at a time, so none can print an escape sequence or a line of its own.

import { isLateChain, type ChainForecast, type ScheduleResult, type WaitingTask } from '../schedule/forecast';
import { plainText } from '../text/shown';

export interface PlanTextOptions {
  /** Department id → display name ("waiting on Network: …"); the id when absent. */
  departmentNames?: Record<string, string>;
  /** "Now" as YYYY-MM-DD: due dates of another year are then written with their year. */
  today?: string;
}

/** Spec §7 `tam plan --format json`; fields after `criticalPath` are additions. */
export interface PlanJson {
  chains: PlanJsonChain[];
}
export interface PlanJsonChain {
  id: string;
  deadline: string | null;
  forecastFinish: string | null;
  late: boolean;
  criticalPath: string[];
  title: string;
  /** Every task is done or cancelled: a late chain that is done finished late, and is no risk now. */
  done: boolean;
  lateByWorkingDays: number;
  waitingOn: { task: string; department: string; due: string | null; daysOverdue: number }[];
  /** Task keys of a dependency cycle through the chain, each depending on the next. */
  cycle?: string[];
  /** Every task in the order the chain writes them (none for a chain in a cycle): what the editor's hints and the graph show. */
  tasks: PlanJsonTask[];
}
export interface PlanJsonTask {
  id: string;
  status: string;
  /** First and last working day, YYYY-MM-DD: actual dates for a done task; null for a cancelled one. */
  start: string | null;
  finish: string | null;
  /** Working days it may slip without moving the chain's finish. */
  slack: number;
  /** On the critical path. */
  critical: boolean;
}

function chainsOf(results: ScheduleResult | readonly ChainForecast[]): readonly ChainForecast[] {
  return Array.isArray(results) ? results : (results as ScheduleResult).chains;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function waitingLine(w: WaitingTask, options: PlanTextOptions): string {
  const dept = options.departmentNames?.[w.department] ?? w.department;
  const parts = [`waiting on ${plainText(dept)}: ${plainText(w.task)}`];
  if (w.status === 'blocked') parts[0] += ' (blocked)';
  if (w.due) parts.push(`due ${plainText(options.today && options.today.slice(0, 4) !== w.due.slice(0, 4) ? w.due : w.due.slice(5))}`);
  if (w.daysOverdue > 0) parts.push(`${plural(w.daysOverdue, 'day')} overdue`);
  return parts.join(', ');
}

/** The plan for people: a paragraph per chain. */
export function renderPlanText(results: ScheduleResult | readonly ChainForecast[], options: PlanTextOptions = {}): string {
  const chains = chainsOf(results);
  if (!chains.length) return 'No chains to plan.\n';
  const blocks = chains.map((c) => {
    const lines = [plainText(c.title && c.title !== c.id ? `${c.id} — ${c.title}` : c.id)];
    if (c.cycle) {
      // Written in the order the work would have to happen: each task before the next.
      const order = [...c.cycle].reverse().map(plainText);
      lines.push(`  no forecast: dependency cycle ${[...order, order[0]].join(' → ')}`);
      return lines.join('\n');
    }
    if (!c.forecastFinish) {
      lines.push('  no tasks to forecast');
      return lines.join('\n');
    }
    let when = `${c.done ? 'finished' : 'forecast'} ${c.forecastFinish}`;
    if (!c.deadline) when += ', no deadline';
    else if (isLateChain(c)) when += `, deadline ${c.deadline}: late by ${plural(c.lateByWorkingDays, 'working day')}`;
    else if (c.late) when += `, deadline ${c.deadline}: finished ${plural(c.lateByWorkingDays, 'working day')} after it`;
    else when += `, deadline ${c.deadline}: on time`;
    lines.push(`  ${when}`);
    if (c.criticalPath.length) lines.push(`  critical path: ${c.criticalPath.map(plainText).join(' → ')}`);
    for (const w of c.waitingOn) lines.push(`  ${waitingLine(w, options)}`);
    if (c.unscheduledPredecessors.length) {
      lines.push(`  not counted: ${c.unscheduledPredecessors.map(plainText).join(', ')} (in a dependency cycle)`);
    }
    return lines.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

/** The tasks of a chain's forecast as `tam plan --format json` lists them. */
export function planTasks(c: ChainForecast): PlanJsonTask[] {
  return [...c.tasks.values()].map((t) => ({ id: t.id, status: t.status, start: t.start ?? null, finish: t.finish ?? null, slack: t.slackDays, critical: t.critical }));
}

/** `tam plan --format json`: exactly the fields of spec §7, then additions. */
export function planJson(results: ScheduleResult | readonly ChainForecast[]): PlanJson {
  return {
    chains: chainsOf(results).map((c) => {
      const out: PlanJsonChain = {
        id: c.id,
        deadline: c.deadline ?? null,
        forecastFinish: c.forecastFinish ?? null,
        late: c.late,
        criticalPath: [...c.criticalPath],
        title: c.title,
        done: c.done,
        lateByWorkingDays: c.lateByWorkingDays,
        waitingOn: c.waitingOn.map((w) => ({ task: w.task, department: w.department, due: w.due ?? null, daysOverdue: w.daysOverdue })),
        tasks: planTasks(c),
      };
      if (c.cycle) out.cycle = [...c.cycle];
      return out;
    }),
  };
}
