// A chain as Mermaid diagrams (spec §7, `tam graph`): a flowchart with one lane per department
// and the critical path drawn thick, and a gantt chart of the forecast. Titles are user text and
// may hold anything, so every piece of it goes through mermaidLabel (core/text/shown), which
// Mermaid's own parser cannot misread and which lets no HTML through; node and task ids are
// generated (n0, t0…), never the user's ids.

import type { ChainDoc, TaskDoc, TaskStatus } from '../model';
import type { ChainForecast, TaskForecast } from '../schedule/forecast';
import { mermaidGanttText, mermaidLabel } from '../text/shown';
import { addDays } from '../time/dates';

export interface MermaidOptions {
  /** Department id → display name for the lanes; the id when absent. */
  departmentNames?: Record<string, string>;
}

const STATUS_TEXT: Record<TaskStatus, string> = {
  todo: 'to do',
  in_progress: 'in progress',
  blocked: 'blocked',
  done: 'done',
  cancelled: 'cancelled',
};

const CLASS_DEFS = [
  'classDef todo fill:#f8f9fa,stroke:#868e96,color:#212529',
  'classDef in_progress fill:#e7f5ff,stroke:#1c7ed6,color:#1864ab',
  'classDef blocked fill:#fff5f5,stroke:#e03131,color:#c92a2a',
  'classDef done fill:#ebfbee,stroke:#2f9e44,color:#2b8a3e',
  'classDef cancelled fill:#f1f3f5,stroke:#adb5bd,color:#868e96,stroke-dasharray:4 3',
  'classDef external fill:#ffffff,stroke:#868e96,color:#495057,stroke-dasharray:5 5',
  // Last, so that its border wins over the status colours.
  'classDef critical stroke:#d9480f,stroke-width:3px',
];
const CRITICAL_LINK = 'stroke:#d9480f,stroke-width:3px';
const CYCLE_LINK = 'stroke:#e03131,stroke-width:3px,stroke-dasharray:6 4';

function tasksOf(chain: ChainDoc): TaskDoc[] {
  const seen = new Set<string>();
  return (Array.isArray(chain.tasks) ? chain.tasks : []).filter((t) => t && typeof t.id === 'string' && !seen.has(t.id) && seen.add(t.id));
}

/** "11-05", "11-05 → 11-09", or with years when the chain spans more than one. */
function span(f: TaskForecast | undefined, withYear: boolean): string {
  if (!f?.start || !f.finish) return '';
  const short = (d: string) => (withYear ? d : d.slice(5));
  return f.start === f.finish ? short(f.start) : `${short(f.start)} → ${short(f.finish)}`;
}

function spansYears(forecast: ChainForecast | undefined): boolean {
  const years = new Set<string>();
  for (const t of forecast?.tasks.values() ?? []) for (const d of [t.start, t.finish]) if (d) years.add(d.slice(0, 4));
  return years.size > 1;
}

/** A Mermaid flowchart of the chain: lanes per department, status colours, the critical path thick. */
export function chainFlowchart(chain: ChainDoc, forecast: ChainForecast | undefined, options: MermaidOptions = {}): string {
  const tasks = tasksOf(chain);
  const names = options.departmentNames ?? {};
  const withYear = spansYears(forecast);
  const nodeOf = new Map<string, string>();
  tasks.forEach((t, i) => nodeOf.set(t.id, `n${i}`));

  const lines = ['flowchart LR'];
  const lanes = new Map<string, TaskDoc[]>();
  for (const t of tasks) {
    const lane = lanes.get(t.department) ?? [];
    lane.push(t);
    lanes.set(t.department, lane);
  }
  [...lanes].forEach(([dept, laneTasks], i) => {
    lines.push(`  subgraph lane${i}["${mermaidLabel(names[dept] ?? '') || mermaidLabel(dept)}"]`);
    for (const t of laneTasks) {
      const f = forecast?.tasks.get(t.id);
      const when = span(f, withYear);
      const due = f?.finishAfterDue && t.due ? ` (due ${withYear ? t.due : t.due.slice(5)})` : '';
      const label = [t.title, `${t.id} · ${STATUS_TEXT[t.status] ?? t.status}`, when + due].map(mermaidLabel).filter(Boolean);
      lines.push(`    ${nodeOf.get(t.id)}["${label.join('<br/>')}"]`);
    }
    lines.push('  end');
  });

  // Tasks of other chains this chain waits for, outside the lanes, dashed.
  const externalOf = new Map<string, string>();
  for (const t of tasks) {
    for (const dep of t.depends_on ?? []) {
      if (typeof dep !== 'string' || !dep.includes('/') || dep.startsWith(`${chain.id}/`) || externalOf.has(dep)) continue;
      const id = `x${externalOf.size}`;
      externalOf.set(dep, id);
      const ext = forecast?.external.get(dep);
      const state = ext ? `${STATUS_TEXT[ext.status] ?? ext.status}${ext.finish ? ` · ${withYear ? ext.finish : ext.finish.slice(5)}` : ''}` : '';
      const label = [dep, ext?.title ?? '', state].map(mermaidLabel).filter(Boolean);
      lines.push(`  ${id}["${label.join('<br/>')}"]`);
    }
  }

  const path = forecast?.criticalPath ?? [];
  const criticalEdges = new Set(path.slice(1).map((id, i) => `${path[i]}→${id}`));
  const cycle = (forecast?.cycle ?? []).filter((k) => k.startsWith(`${chain.id}/`)).map((k) => k.slice(chain.id.length + 1));
  const cycleEdges = new Set((forecast?.cycle ?? []).map((k, i, all) => `${all[(i + 1) % all.length]}→${k}`));
  const critical: number[] = [];
  const cyclic: number[] = [];
  let edge = 0;
  for (const t of tasks) {
    for (const dep of t.depends_on ?? []) {
      if (typeof dep !== 'string') continue;
      const local = dep.startsWith(`${chain.id}/`) ? dep.slice(chain.id.length + 1) : dep;
      const from = local.includes('/') ? externalOf.get(dep) : nodeOf.get(local);
      if (!from) continue; // unknown-reference reports it
      const isCritical = criticalEdges.has(`${local}→${t.id}`);
      lines.push(`  ${from} ${local.includes('/') ? '-.->' : isCritical ? '==>' : '-->'} ${nodeOf.get(t.id)}`);
      if (isCritical) critical.push(edge);
      if (cycleEdges.has(`${local.includes('/') ? dep : `${chain.id}/${local}`}→${chain.id}/${t.id}`)) cyclic.push(edge);
      edge++;
    }
  }

  lines.push(...CLASS_DEFS.map((c) => `  ${c}`));
  const byStatus = new Map<string, string[]>();
  for (const t of tasks) {
    const list = byStatus.get(t.status) ?? [];
    list.push(nodeOf.get(t.id)!);
    byStatus.set(t.status, list);
  }
  for (const [status, ids] of byStatus) if (status in STATUS_TEXT) lines.push(`  class ${ids.join(',')} ${status}`);
  if (externalOf.size) lines.push(`  class ${[...externalOf.values()].join(',')} external`);
  const criticalNodes = [...path, ...cycle].filter((id) => nodeOf.has(id)).map((id) => nodeOf.get(id)!);
  if (criticalNodes.length) lines.push(`  class ${[...new Set(criticalNodes)].join(',')} critical`);
  if (critical.length) lines.push(`  linkStyle ${critical.join(',')} ${CRITICAL_LINK}`);
  if (cyclic.length) lines.push(`  linkStyle ${cyclic.join(',')} ${CYCLE_LINK}`);
  return lines.join('\n') + '\n';
}

/**
 * A Mermaid gantt chart of the forecast: a section per department, done / active / crit
 * tags. Cancelled tasks take no time and are left out; without a forecast (a chain in a cycle)
 * the chart has only its title.
 */
export function chainGantt(chain: ChainDoc, forecast: ChainForecast | undefined, options: MermaidOptions = {}): string {
  const names = options.departmentNames ?? {};
  const lines = ['gantt', `  title ${mermaidGanttText(chain.title, chain.id)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %m-%d'];
  const sections = new Map<string, string[]>();
  tasksOf(chain).forEach((t, i) => {
    const f = forecast?.tasks.get(t.id);
    if (!f?.start || !f.finish) return;
    const tags = [f.critical ? 'crit' : '', t.status === 'done' ? 'done' : '', t.status === 'in_progress' ? 'active' : ''].filter(Boolean);
    // Mermaid's end date is exclusive: a task finishing on the 5th ends on the 6th.
    const data = [...tags, `t${i}`, f.start, addDays(f.finish, 1)].join(', ');
    const list = sections.get(t.department) ?? [];
    list.push(`    ${mermaidGanttText(t.title, t.id)} :${data}`);
    sections.set(t.department, list);
  });
  for (const [dept, list] of sections) lines.push(`  section ${mermaidGanttText(names[dept] ?? '', dept)}`, ...list);
  return lines.join('\n') + '\n';
}
