// The SLA Summary webview: the report of `tam sla` (the same JSON object) as tables with small
// hand-made SVG bars — met % per group, breaches by cause — and the breaches and open incidents
// as lists whose incident ids open the incident's file. Figures are formatted as the CLI's table
// formats them (formatMinutes, one decimal for percentages), so both read the same.

import type { SlaGroupBy, SlaJson, SlaReportAnswer } from '../../server/src/protocol/tam-protocol';
import { formatMinutes } from '../../server/src/core/time/duration';
import type { SlaFilter, SlaFromWebview, SlaState, SlaToWebview } from '../src/webviews/messages';
import { h, s, vscodeApi, watchCspViolations } from './common';
import { compareText } from '../../server/src/core/text/order';

watchCspViolations();
const api = vscodeApi<SlaState, SlaFromWebview>();
let state: SlaState = api.getState() ?? { filter: { by: 'project' } };

type Stats = SlaJson['groups'][number];
type StatField = Exclude<keyof Stats, 'key'>;

const GROUP_TITLE: Record<SlaGroupBy, string> = { project: 'Project', department: 'Department', priority: 'Priority', month: 'Month' };

// ---------------------------------------------------------------------------------------
// Layout

const heading = h('h1', { id: 'title' }, 'SLA Summary');
const subtitle = h('div', { class: 'subtitle', id: 'subtitle' });
const bySelect = h(
  'select',
  { id: 'by', 'aria-label': 'Group by' },
  ...(['project', 'department', 'priority', 'month'] as const).map((b) => h('option', { value: b }, GROUP_TITLE[b])),
);
const fromInput = h('input', { type: 'date', id: 'from', 'aria-label': 'Opened from' });
const toInput = h('input', { type: 'date', id: 'to', 'aria-label': 'Opened to' });
const refreshButton = h('button', { type: 'button', class: 'secondary', id: 'refresh' }, 'Refresh');
const projectName = h('span', { id: 'project' });
const allProjectsButton = h('button', { type: 'button', class: 'secondary', id: 'all-projects', title: 'Show the incidents of every project' }, 'All projects');
const projectScope = h('span', { class: 'project-scope', id: 'project-scope', hidden: true }, 'Project ', projectName, ' ', allProjectsButton);
const notice = h('div', { class: 'notice', id: 'notice', role: 'status', hidden: true });
const content = h('div', { id: 'content' });

document.getElementById('app')!.append(
  h(
    'header',
    { class: 'toolbar' },
    h('div', { class: 'heading' }, heading, subtitle),
    h(
      'div',
      { class: 'actions filters' },
      h('label', {}, 'Group by ', bySelect),
      h('label', {}, 'Opened from ', fromInput),
      h('label', {}, 'to ', toInput),
      projectScope,
      refreshButton,
    ),
  ),
  notice,
  content,
);

const sendFilter = (): void => {
  const filter: SlaFilter = { by: bySelect.value as SlaGroupBy, from: fromInput.value || undefined, to: toInput.value || undefined, project: state.filter.project };
  state = { ...state, filter };
  api.setState(state);
  api.post({ type: 'filter', filter });
};
bySelect.addEventListener('change', sendFilter);
fromInput.addEventListener('change', sendFilter);
toInput.addEventListener('change', sendFilter);
refreshButton.addEventListener('click', () => api.post({ type: 'refresh' }));
allProjectsButton.addEventListener('click', () => {
  state = { ...state, filter: { ...state.filter, project: undefined } };
  sendFilter();
});

window.addEventListener('message', (event: MessageEvent<SlaToWebview>) => {
  const m = event.data;
  if (m?.type === 'report') {
    state = { filter: m.filter, answer: m.answer };
    api.setState(state);
    showFilter(m.filter);
    render(m.answer);
  } else if (m?.type === 'error') {
    showFilter(m.filter);
    notice.hidden = false;
    notice.className = 'notice error';
    notice.textContent = m.message;
  }
});

showFilter(state.filter);
if (state.answer) render(state.answer);
api.post({ type: 'filter', filter: state.filter });

function showFilter(filter: SlaFilter): void {
  bySelect.value = filter.by;
  fromInput.value = filter.from ?? '';
  toInput.value = filter.to ?? '';
  projectName.textContent = filter.project ?? '';
  projectScope.hidden = !filter.project;
}

// ---------------------------------------------------------------------------------------
// Formatting, as the CLI's table does

const NONE = '—';
const pct = (v: number | null): string => (v === null ? NONE : `${v.toFixed(1)}%`);
const minutes = (v: number | null): string => (v === null ? NONE : formatMinutes(v));

const COLUMNS: { field: StatField; title: string; format: (v: number | null) => string; bar?: 'met' }[] = [
  { field: 'incidents', title: 'Incidents', format: (v) => String(v ?? 0) },
  { field: 'responseMetPct', title: 'Response met', format: pct, bar: 'met' },
  { field: 'responseMedianMinutes', title: 'Response median', format: minutes },
  { field: 'responseP90Minutes', title: 'Response P90', format: minutes },
  { field: 'resolutionMetPct', title: 'Resolution met', format: pct, bar: 'met' },
  { field: 'resolutionMedianMinutes', title: 'Resolution median', format: minutes },
  { field: 'resolutionP90Minutes', title: 'Resolution P90', format: minutes },
  { field: 'open', title: 'Open', format: (v) => String(v ?? 0) },
  { field: 'paused', title: 'Paused', format: (v) => String(v ?? 0) },
  { field: 'breaches', title: 'Breaches', format: (v) => String(v ?? 0) },
];

// ---------------------------------------------------------------------------------------
// Rendering

function render(answer: SlaReportAnswer): void {
  const report = answer.report;
  notice.hidden = true;
  const period = report.from || report.to ? ` · opened ${report.from ?? '…'} to ${report.to ?? '…'}` : '';
  heading.textContent = answer.project ? `SLA Summary — ${answer.project}` : `SLA Summary — ${answer.workspaceName}`;
  subtitle.textContent = `${answer.project ? `project ${answer.project} · ` : ''}by ${report.by}${period} · clocks at ${answer.now} · dates in ${report.timezone}`;
  if (report.incidents.length === 0) {
    content.replaceChildren(h('p', { class: 'empty', id: 'empty' }, 'No incidents in this period.'), h('div', { class: 'charts' }, trendChart(answer)));
    return;
  }
  content.replaceChildren(
    totalsCards(report.totals),
    h('h2', {}, `By ${report.by}`),
    h('div', { class: 'table-wrap' }, groupsTable(report)),
    h('div', { class: 'charts' }, metChart(report), causesChart(report)),
    h('div', { class: 'charts' }, trendChart(answer)),
    h('h2', {}, `Breaches (${report.breaches.length})`),
    h('div', { class: 'table-wrap' }, breachesTable(report)),
    h('h2', {}, 'Open incidents'),
    openIncidents(report),
  );
}

function totalsCards(t: Stats): HTMLElement {
  const card = (label: string, value: string, field: string, cls = '') => h('div', { class: `card ${cls}`, 'data-field': field }, h('div', { class: 'card-value' }, value), h('div', { class: 'card-label' }, label));
  return h(
    'section',
    { class: 'cards', 'aria-label': 'Totals' },
    card('Incidents', String(t.incidents), 'incidents'),
    card('Response met', pct(t.responseMetPct), 'responseMetPct', metClass(t.responseMetPct)),
    card('Resolution met', pct(t.resolutionMetPct), 'resolutionMetPct', metClass(t.resolutionMetPct)),
    card('Open', String(t.open), 'open'),
    card('Paused', String(t.paused), 'paused'),
    card('Breaches', String(t.breaches), 'breaches', t.breaches ? 'bad' : 'good'),
  );
}

function metClass(v: number | null): string {
  if (v === null) return '';
  return v >= 95 ? 'good' : v >= 85 ? 'warn' : 'bad';
}

function groupsTable(report: SlaJson): HTMLElement {
  const row = (stats: Stats, key: string, label: string, cls?: string) =>
    h(
      'tr',
      { 'data-group': key, class: cls },
      h('th', { scope: 'row' }, label),
      ...COLUMNS.map((c) => {
        const value = stats[c.field] as number | null;
        const text = c.format(value);
        return h('td', { 'data-field': c.field, class: 'num' }, c.bar ? meter(value) : null, h('span', { class: 'figure' }, text));
      }),
    );
  return h(
    'table',
    { class: 'groups', id: 'groups' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, GROUP_TITLE[report.by]), ...COLUMNS.map((c) => h('th', { scope: 'col', class: 'num' }, c.title)))),
    h('tbody', {}, ...report.groups.map((g) => row(g, g.key, g.key))),
    h('tfoot', {}, row(report.totals, '__total', 'Total', 'total')),
  );
}

/** A small horizontal bar for a percentage. */
function meter(value: number | null): SVGElement {
  const width = 60;
  const filled = value === null ? 0 : Math.max(0, Math.min(width, (value / 100) * width));
  return s(
    'svg',
    { class: 'meter', width, height: 8, viewBox: `0 0 ${width} 8`, 'aria-hidden': 'true' },
    s('rect', { class: 'meter-track', x: 0, y: 0, width, height: 8, rx: 2 }),
    s('rect', { class: `meter-fill ${metClass(value)}`, x: 0, y: 0, width: filled.toFixed(1), height: 8, rx: 2 }),
  );
}

/** Bars of response and resolution met % per group. */
function metChart(report: SlaJson): HTMLElement {
  const rowHeight = 26;
  const labelWidth = 150;
  const barWidth = 260;
  const height = report.groups.length * rowHeight + 24;
  const svg = s('svg', { class: 'chart', width: labelWidth + barWidth + 110, height, role: 'img', 'aria-label': 'Met % by group' });
  report.groups.forEach((g, i) => {
    const y = 20 + i * rowHeight;
    svg.append(s('text', { x: labelWidth - 8, y: y + 13, class: 'chart-label', 'text-anchor': 'end' }, clip(g.key, 22)));
    for (const [j, field] of (['responseMetPct', 'resolutionMetPct'] as const).entries()) {
      const v = g[field];
      const w = v === null ? 0 : (v / 100) * barWidth;
      svg.append(s('rect', { x: labelWidth, y: y + j * 10, width: w.toFixed(1), height: 9, class: `bar ${field === 'responseMetPct' ? 'response' : 'resolution'}` }, s('title', {}, `${g.key}: ${field === 'responseMetPct' ? 'response' : 'resolution'} met ${pct(v)}`)));
    }
    svg.append(s('text', { x: labelWidth + barWidth + 6, y: y + 13, class: 'chart-value' }, `${pct(g.responseMetPct)} / ${pct(g.resolutionMetPct)}`));
  });
  svg.append(
    s('rect', { x: labelWidth, y: 2, width: 10, height: 9, class: 'bar response' }),
    s('text', { x: labelWidth + 14, y: 10, class: 'chart-legend' }, 'response'),
    s('rect', { x: labelWidth + 90, y: 2, width: 10, height: 9, class: 'bar resolution' }),
    s('text', { x: labelWidth + 104, y: 10, class: 'chart-legend' }, 'resolution'),
  );
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, 'Met % (response / resolution)'), svg);
}

/** Breaches counted by cause category. */
function causesChart(report: SlaJson): HTMLElement {
  const counts = new Map<string, number>();
  for (const b of report.breaches) counts.set(b.causeCategory ?? '(no cause)', (counts.get(b.causeCategory ?? '(no cause)') ?? 0) + 1);
  const rows = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const rowHeight = 20;
  const labelWidth = 150;
  const barWidth = 200;
  const svg = s('svg', { class: 'chart', width: labelWidth + barWidth + 40, height: Math.max(1, rows.length) * rowHeight + 8, role: 'img', 'aria-label': 'Breaches by cause' });
  rows.forEach(([cause, n], i) => {
    const y = 4 + i * rowHeight;
    svg.append(
      s('text', { x: labelWidth - 8, y: y + 12, class: 'chart-label', 'text-anchor': 'end' }, clip(cause, 22)),
      s('rect', { x: labelWidth, y, width: ((n / max) * barWidth).toFixed(1), height: 14, class: 'bar breach' }, s('title', {}, `${cause}: ${n}`)),
      s('text', { x: labelWidth + (n / max) * barWidth + 6, y: y + 12, class: 'chart-value' }, String(n)),
    );
  });
  if (rows.length === 0) svg.append(s('text', { x: 0, y: 16, class: 'chart-label' }, 'No breaches.'));
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, 'Breaches by cause'), svg);
}

/**
 * Met % of the last 12 months (the server's trend, `tam sla --by month`'s figures): bars for
 * response, a line for resolution, broken where a month has no decided clock.
 */
function trendChart(answer: SlaReportAnswer): HTMLElement {
  const trend = answer.trend ?? [];
  const left = 40;
  const top = 22;
  const plotH = 120;
  const step = 46;
  const width = left + step * trend.length + 10;
  const y = (v: number) => top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  const svg = s('svg', { class: 'chart trend', id: 'trend', width, height: top + plotH + 34, role: 'img', 'aria-label': 'Met % over the last 12 months' });
  for (const tick of [0, 50, 100]) {
    svg.append(s('line', { class: 'grid', x1: left, x2: width - 10, y1: y(tick), y2: y(tick) }), s('text', { class: 'chart-value', x: left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, `${tick}%`));
  }
  let points: string[] = [];
  const flush = () => {
    if (points.length > 1) svg.append(s('polyline', { class: 'line resolution', points: points.join(' ') }));
    points = [];
  };
  trend.forEach((t, i) => {
    const x = left + step * i + step / 2;
    const g = s('g', { 'data-month': t.month, 'data-response': t.responseMetPct ?? '', 'data-resolution': t.resolutionMetPct ?? '', 'data-incidents': t.incidents });
    if (t.responseMetPct !== null) g.append(s('rect', { class: 'bar response', x: x - 10, y: y(t.responseMetPct), width: 20, height: top + plotH - y(t.responseMetPct) }, s('title', {}, `${t.month}: response met ${pct(t.responseMetPct)} (${t.incidents} incidents)`)));
    g.append(s('text', { class: 'chart-label', x, y: top + plotH + 14, 'text-anchor': 'middle' }, t.month.slice(5)));
    if (i === 0 || t.month.endsWith('-01')) g.append(s('text', { class: 'chart-value', x, y: top + plotH + 28, 'text-anchor': 'middle' }, t.month.slice(0, 4)));
    svg.append(g);
    if (t.resolutionMetPct === null) return flush();
    points.push(`${x},${y(t.resolutionMetPct)}`);
    svg.append(s('circle', { class: 'dot resolution', cx: x, cy: y(t.resolutionMetPct), r: 3 }, s('title', {}, `${t.month}: resolution met ${pct(t.resolutionMetPct)}`)));
  });
  flush();
  svg.append(
    s('rect', { x: left, y: 2, width: 10, height: 9, class: 'bar response' }),
    s('text', { x: left + 14, y: 10, class: 'chart-legend' }, 'response'),
    s('circle', { cx: left + 95, cy: 6.5, r: 3, class: 'dot resolution' }),
    s('text', { x: left + 104, y: 10, class: 'chart-legend' }, 'resolution'),
  );
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, 'Met % over the last 12 months (incidents opened each month)'), svg);
}

function incidentLink(id: string): HTMLElement {
  const button = h('button', { type: 'button', class: 'link incident', 'data-incident': id, title: `Open ${id}` }, id);
  button.addEventListener('click', () => api.post({ type: 'openIncident', id }));
  return button;
}

function breachesTable(report: SlaJson): HTMLElement {
  if (report.breaches.length === 0) return h('p', { class: 'empty' }, 'No breaches.');
  return h(
    'table',
    { class: 'breaches', id: 'breaches' },
    h('thead', {}, h('tr', {}, ...['Incident', 'Project', 'Department', 'Priority', 'Clock', 'Over by', 'Target', 'Cause', 'Title'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...report.breaches.map((b) =>
        h(
          'tr',
          { 'data-incident': b.id, 'data-clock': b.clock },
          h('td', {}, incidentLink(b.id)),
          h('td', {}, b.project),
          h('td', {}, b.department ?? NONE),
          h('td', {}, h('span', { class: `priority ${b.priority}` }, b.priority)),
          h('td', {}, b.open ? h('span', { class: 'badge late' }, `${b.clock} (open)`) : b.clock),
          h('td', { class: 'num', 'data-field': 'overBy' }, formatMinutes(b.overByMinutes)),
          h('td', { class: 'num', 'data-field': 'target' }, formatMinutes(b.targetMinutes)),
          h('td', {}, b.causeCategory ?? NONE),
          h('td', { class: 'title-cell' }, b.title),
        ),
      ),
    ),
  );
}

function openIncidents(report: SlaJson): HTMLElement {
  // Open as the engine defines it (core/sla/incident-state.ts), not a second reading of the states.
  const open = report.incidents.filter((i) => i.open);
  if (open.length === 0) return h('p', { class: 'empty' }, 'No open incidents.');
  return h(
    'ul',
    { class: 'open-incidents', id: 'open-incidents' },
    ...open.map((i) =>
      h(
        'li',
        { 'data-incident': i.id },
        incidentLink(i.id),
        ' ',
        h('span', { class: `priority ${i.priority}` }, i.priority),
        ' ',
        h('span', { class: `state ${i.resolution.state}` }, i.resolution.state),
        ' ',
        h('span', { class: 'muted' }, `${i.project} · opened ${i.opened}`),
        ' — ',
        i.title,
      ),
    ),
  );
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
