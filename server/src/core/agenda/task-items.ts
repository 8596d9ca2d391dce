// The agenda's chain items: late chains (chain-at-risk), blocked tasks and since when
// (task-blocked), tasks that can start now and have not (task-ready), and tasks due within the
// days ahead or overdue (task-due), from the one forecast of the workspace (forecast.ts).
// A task appears once: blocked, else ready, else due.

import type { ChainDoc, TaskDoc } from '../model';
import { isLateChain, type ChainForecast } from '../schedule/forecast';
import { departmentNames, workspaceSchedule } from '../schedule/workspace-schedule';
import { dayNumber, daysBetween, isDate, relativeDays } from '../time/dates';
import type { AgendaContext, AgendaItem } from './agenda';
import { compareText } from '../text/order';

export function taskItems(ctx: AgendaContext): AgendaItem[] {
  const schedule = workspaceSchedule(ctx.ws, ctx.now);
  const names = departmentNames(ctx.ws);
  const items: AgendaItem[] = [];
  for (const chain of ctx.ws.entities('chain')) {
    const forecast = schedule.byId.get(chain.id);
    if (!chain.valid || !forecast || !ctx.covers(chain, chain.value.project)) continue;
    const doc = chain.value as ChainDoc;
    const project = doc.project;
    const dept = (id: string) => names[id] ?? id;
    const taskAt = (index: number, field: string) => ({ file: chain.file, doc: chain.doc, path: [...chain.path, 'tasks', index, field] });

    if (isLateChain(forecast)) items.push(lateChain(ctx, chain.id, project, forecast, { file: chain.file, doc: chain.doc, path: ['deadline'] }));

    const listed = new Set<string>();
    doc.tasks.forEach((task, index) => {
      if (task.status !== 'blocked' || listed.has(task.id)) return;
      listed.add(task.id);
      const since = isDate(task.blocked_since) ? task.blocked_since : undefined;
      const critical = forecast.tasks.get(task.id)?.critical ? ', on the critical path' : '';
      const how = since ? `is blocked since ${since} (${plural(daysBetween(since, ctx.today), 'day')})` : 'is blocked (add blocked_since: to record since when)';
      const item: AgendaItem = {
        type: 'task-blocked',
        project,
        id: `${chain.id}/${task.id}`,
        at: taskAt(index, since ? 'blocked_since' : 'status'),
        message: `${dept(task.department)}: "${task.title}" ${how}${critical}${dueNote(task, ctx.today)}`,
        summary: since ? `blocked for ${plural(daysBetween(since, ctx.today), 'day')}` : 'blocked',
        // The longest blocked first; without a date, after those with one.
        rank: since ? dayNumber(since)! : Number.MAX_SAFE_INTEGER,
        department: task.department,
      };
      if (since) item.when = since;
      items.push(item);
    });

    for (const waiting of forecast.waitingOn) {
      if (waiting.status !== 'todo' || listed.has(waiting.task)) continue;
      listed.add(waiting.task);
      const index = doc.tasks.findIndex((t) => t.id === waiting.task);
      const task = doc.tasks[index]!;
      const why = waiting.readySince
        ? `everything it depends on is done (the last finished ${waiting.readySince}, ${relativeDays(daysBetween(ctx.today, waiting.readySince))})`
        : 'it depends on no other task';
      const item: AgendaItem = {
        type: 'task-ready',
        project,
        id: `${chain.id}/${task.id}`,
        at: taskAt(index, 'status'),
        message: `${dept(task.department)} can start "${task.title}" now: ${why}${dueNote(task, ctx.today)}`,
        summary: `${dept(task.department)} can start`,
        rank: 0, // set below, by department

        department: task.department,
      };
      if (waiting.readySince) item.when = waiting.readySince;
      items.push(item);
    }

    doc.tasks.forEach((task, index) => {
      if (listed.has(task.id) || task.status === 'done' || task.status === 'cancelled' || !isDate(task.due)) return;
      const days = daysBetween(ctx.today, task.due);
      if (days > ctx.settings.days) return;
      listed.add(task.id);
      const finish = forecast.tasks.get(task.id)?.finish;
      const forecastNote = finish && finish > task.due ? `; forecast to finish ${finish}` : '';
      items.push({
        type: 'task-due',
        project,
        id: `${chain.id}/${task.id}`,
        at: taskAt(index, 'due'),
        message: `${dept(task.department)}: "${task.title}" (${task.status.replace('_', ' ')}) ${days < 0 ? 'was' : 'is'} due ${task.due}, ${relativeDays(days)}${forecastNote}`,
        summary: days < 0 ? `overdue by ${plural(-days, 'day')}` : `due ${relativeDays(days)}`,
        when: task.due,
        rank: dayNumber(task.due)!,
        department: task.department,
        overdue: days < 0,
      });
    });
  }
  // Ready tasks grouped by department, so that one call to a department covers its tasks.
  const ready = items.filter((i) => i.type === 'task-ready');
  ready.sort((a, b) => compareText(a.department!, b.department!) || compareText(a.project, b.project) || compareText(a.id, b.id));
  ready.forEach((item, i) => (item.rank = i));
  return items;
}

function lateChain(ctx: AgendaContext, id: string, project: string, forecast: ChainForecast, at: AgendaItem['at']): AgendaItem {
  const path = forecast.criticalPath.length ? `; critical path: ${forecast.criticalPath.join(' → ')}` : '';
  const waiting = forecast.waitingOn.length ? `; waiting on ${forecast.waitingOn.map((w) => w.task).join(', ')}` : '';
  return {
    type: 'chain-at-risk',
    project,
    id,
    at,
    when: forecast.forecastFinish,
    message: `"${forecast.title}" is forecast to finish ${forecast.forecastFinish}, ${plural(forecast.lateByWorkingDays, 'working day')} after its deadline ${forecast.deadline}${path}${waiting}`,
    summary: `late by ${plural(forecast.lateByWorkingDays, 'working day')}`,
    // The latest chain first.
    rank: -forecast.lateByWorkingDays,
    overdue: forecast.deadline !== undefined && forecast.deadline < ctx.today,
  };
}

/** "; due 2026-11-27 (in 2 days)" for a task with a due date. */
function dueNote(task: TaskDoc, today: string): string {
  if (!isDate(task.due)) return '';
  const days = daysBetween(today, task.due);
  return `; due ${task.due} (${relativeDays(days)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
