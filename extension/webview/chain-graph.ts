// The Task Chain Graph webview: draws the Mermaid text the server made (flowchart or gantt)
// with Mermaid bundled into this script — nothing is loaded from the network — and makes each
// task clickable. Mermaid runs with securityLevel 'strict' (its output is sanitized by
// DOMPurify). The page's CSP allows <style> elements only with the page's nonce, which
// Mermaid's own <style> gets here (see nonceForMermaidStyles); `style` attributes, which
// Mermaid writes on nodes and edges, are allowed by style-src-attr (see webviews/html.ts).

import mermaid from 'mermaid';
import type { ChainGraph, GraphFormat, GraphNode } from '../../server/src/protocol/tam-protocol';
import type { GraphFromWebview, GraphState, GraphToWebview } from '../src/webviews/messages';
import { h, isDarkTheme, onThemeChange, s, scriptNonce, vscodeApi, watchCspViolations } from './common';

watchCspViolations();
const api = vscodeApi<GraphState, GraphFromWebview>();
const nonce = scriptNonce();
nonceForMermaidStyles(nonce);

let state: GraphState = api.getState() ?? { format: 'flowchart' };
let renderSeq = 0;

// ---------------------------------------------------------------------------------------
// Layout

const title = h('h1', { id: 'title' }, 'Task Chain Graph');
const subtitle = h('div', { class: 'subtitle', id: 'subtitle' });
const facts = h('div', { class: 'facts', id: 'facts' });
const flowButton = h('button', { type: 'button', id: 'format-flowchart', 'aria-pressed': 'true' }, 'Flowchart');
const ganttButton = h('button', { type: 'button', id: 'format-gantt', 'aria-pressed': 'false' }, 'Gantt');
const pickButton = h('button', { type: 'button', id: 'pick-chain', class: 'secondary' }, 'Pick chain…');
const exportButton = h('button', { type: 'button', id: 'export-svg', class: 'secondary' }, 'Export SVG');
const fitButton = h('button', { type: 'button', id: 'fit', class: 'secondary', 'aria-pressed': 'true', title: 'Fit the diagram to the width of the panel, or show it at its actual size' }, 'Fit width');
const notice = h('div', { class: 'notice', id: 'notice', role: 'status', hidden: true });
const diagram = h('div', { class: 'diagram', id: 'diagram' });
const criticalPath = h('p', { class: 'critical-path', id: 'critical-path' });
const legend = h(
  'ul',
  { class: 'legend', 'aria-label': 'Legend' },
  ...(['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const).map((st) => h('li', {}, h('span', { class: `swatch status-${st}` }), st.replace('_', ' '))),
  h('li', {}, h('span', { class: 'swatch critical' }), 'critical path'),
);

document.getElementById('app')!.append(
  h(
    'header',
    { class: 'toolbar' },
    h('div', { class: 'heading' }, title, subtitle),
    h('div', { class: 'actions' }, h('div', { class: 'segmented', role: 'group', 'aria-label': 'View' }, flowButton, ganttButton), fitButton, pickButton, exportButton),
  ),
  facts,
  notice,
  diagram,
  criticalPath,
  legend,
);

flowButton.addEventListener('click', () => setFormat('flowchart'));
ganttButton.addEventListener('click', () => setFormat('gantt'));
pickButton.addEventListener('click', () => api.post({ type: 'pickChain' }));
exportButton.addEventListener('click', exportSvg);
fitButton.addEventListener('click', () => {
  state = { ...state, actualSize: !state.actualSize };
  api.setState(state);
  applyZoom();
});

/** Fit to the panel's width (the default) or the diagram's own size, scrolled. */
function applyZoom(): void {
  fitButton.setAttribute('aria-pressed', String(!state.actualSize));
  const svg = diagram.querySelector('svg');
  const width = svg?.viewBox.baseVal?.width;
  if (!svg || !width) return;
  if (state.actualSize) {
    svg.setAttribute('width', String(Math.ceil(width)));
    svg.style.maxWidth = 'none';
  } else {
    svg.setAttribute('width', '100%');
    svg.style.maxWidth = `${Math.ceil(width)}px`;
  }
}

function setFormat(format: GraphFormat): void {
  if (state.format === format) return;
  state = { ...state, format };
  api.setState(state);
  showFormat();
  api.post({ type: 'format', format });
}

function showFormat(): void {
  flowButton.setAttribute('aria-pressed', String(state.format === 'flowchart'));
  ganttButton.setAttribute('aria-pressed', String(state.format === 'gantt'));
}

// ---------------------------------------------------------------------------------------
// Messages from the extension

window.addEventListener('message', (event: MessageEvent<GraphToWebview>) => {
  const m = event.data;
  switch (m?.type) {
    case 'graph':
      state = { ...state, uri: m.graph.uri, chainId: m.graph.chainId, format: m.graph.format, graph: m.graph };
      api.setState(state);
      void draw(m.graph);
      break;
    case 'error':
      showNotice(m.message, 'error');
      break;
    case 'exported':
      showNotice(`Saved ${m.path}`, 'info');
      break;
  }
});

onThemeChange(() => {
  if (state.graph) void draw(state.graph);
});

showFormat();
if (state.graph) void draw(state.graph);
api.post({ type: 'ready' });

// ---------------------------------------------------------------------------------------
// Drawing

function showNotice(text: string, kind: 'error' | 'warning' | 'info'): void {
  notice.hidden = false;
  notice.className = `notice ${kind}`;
  notice.textContent = text;
}

function showFacts(graph: ChainGraph): void {
  title.textContent = graph.title;
  subtitle.textContent = `${graph.chainId} · project ${graph.project || '—'} · ${graph.taskCount} task${graph.taskCount === 1 ? '' : 's'}`;
  const items: HTMLElement[] = [
    fact('Forecast finish', graph.forecastFinish ?? '—', 'forecast'),
    fact('Deadline', graph.deadline ?? '—', 'deadline'),
  ];
  const days = `${graph.lateByWorkingDays} working day${graph.lateByWorkingDays === 1 ? '' : 's'}`;
  if (graph.late) items.push(h('span', { class: 'badge late', id: 'late' }, `LATE by ${days}`));
  else if (graph.done && graph.lateByWorkingDays > 0) items.push(h('span', { class: 'badge', id: 'finished-late' }, `finished ${days} after the deadline`));
  else if (graph.deadline && graph.forecastFinish) items.push(h('span', { class: 'badge on-time', id: 'on-time' }, 'on time'));
  items.push(fact('Forecast from', graph.today, 'today'));
  facts.replaceChildren(...items);

  const byTask = new Map(Object.values(graph.nodes).map((n) => [n.taskId, n]));
  if (graph.criticalPath.length) {
    criticalPath.replaceChildren(
      h('strong', {}, 'Critical path: '),
      ...graph.criticalPath.flatMap((id, i) => [i ? ' → ' : '', h('span', { class: 'task-ref', title: byTask.get(id)?.title ?? id }, id)]),
    );
  } else {
    criticalPath.replaceChildren();
  }
  if (graph.problem) showNotice(graph.problem, 'warning');
  else if (graph.cycle?.length) showNotice(`Dependency cycle: ${graph.cycle.join(' → ')}`, 'error');
  else notice.hidden = true;
}

function fact(label: string, value: string, id: string): HTMLElement {
  return h('span', { class: 'fact' }, h('span', { class: 'label' }, `${label}: `), h('span', { class: 'value', id }, value));
}

async function draw(graph: ChainGraph): Promise<void> {
  const seq = ++renderSeq;
  showFormat();
  showFacts(graph);
  const started = performance.now();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: isDarkTheme() ? 'dark' : 'default',
    // A chain of a few hundred tasks is a long text; the default limit is 50 000 characters.
    maxTextSize: 5_000_000,
    maxEdges: 100_000,
    flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis' },
    gantt: { useMaxWidth: true, barHeight: 22, barGap: 6, fontSize: 12, sectionFontSize: 12, leftPadding: 160, useWidth: Math.max(1000, diagram.clientWidth - 20) },
  });
  const id = `tam-graph-${seq}`;
  try {
    const { svg } = await mermaid.render(id, graph.mermaid);
    if (seq !== renderSeq) return;
    const element = importSvg(svg);
    element.classList.add(`format-${graph.format}`);
    diagram.replaceChildren(element);
    applyZoom();
    const count = attachTaskHandlers(element, graph, id);
    diagram.dataset.nodeCount = String(count);
    diagram.dataset.chainId = graph.chainId;
    diagram.dataset.format = graph.format;
    api.post({ type: 'rendered', nodeCount: count, ms: Math.round(performance.now() - started) });
  } catch (e) {
    if (seq !== renderSeq) return;
    document.getElementById('d' + id)?.remove();
    const message = e instanceof Error ? e.message : String(e);
    showNotice(`Mermaid could not draw this chain: ${message}`, 'error');
    api.post({ type: 'renderError', message });
  }
}

/**
 * Mermaid's SVG (already sanitized by it) into this document without innerHTML: parsed in an
 * inert document and imported, its <style> given the nonce.
 */
function importSvg(svgText: string): SVGSVGElement {
  const inert = new DOMParser().parseFromString(svgText, 'text/html');
  const parsed = inert.body.querySelector('svg');
  if (!parsed) throw new Error('Mermaid returned no SVG');
  for (const st of parsed.querySelectorAll('style')) st.setAttribute('nonce', nonce);
  return document.importNode(parsed, true) as SVGSVGElement;
}

/**
 * Click (and Enter) on a task reveals it in the editor. Mermaid `click` directives are not
 * used: the flowchart's nodes carry their generated id (n0, n1…) in the element id
 * (<svg id>-flowchart-n0-0), the gantt bars theirs too (<svg id>-t0).
 */
function attachTaskHandlers(svg: SVGSVGElement, graph: ChainGraph, svgId: string): number {
  const found = new Map<string, Element[]>();
  if (graph.format === 'flowchart') {
    const pattern = new RegExp(`^${svgId}-flowchart-(n\\d+)-\\d+$`);
    for (const el of svg.querySelectorAll('g.node')) {
      const nodeId = pattern.exec(el.id)?.[1] ?? el.getAttribute('data-id') ?? '';
      if (graph.nodes[nodeId] && !found.has(nodeId)) found.set(nodeId, [el]);
    }
  } else {
    const pattern = new RegExp(`^${svgId}-(t\\d+)(-text)?$`);
    for (const el of svg.querySelectorAll('rect[id], text[id]')) {
      const m = pattern.exec(el.id);
      if (!m || !graph.nodes[m[1]!]) continue;
      const list = found.get(m[1]!) ?? [];
      list.push(el);
      found.set(m[1]!, list);
    }
  }
  for (const [nodeId, elements] of found) {
    const node = graph.nodes[nodeId]!;
    elements.forEach((el, i) => makeClickable(el, nodeId, node, i === 0));
  }
  return found.size;
}

function makeClickable(el: Element, nodeId: string, node: GraphNode, primary: boolean): void {
  el.classList.add('tam-task');
  if (primary) {
    el.setAttribute('data-task-id', node.taskId);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    const when = node.start ? ` · ${node.start}${node.finish && node.finish !== node.start ? ` → ${node.finish}` : ''}` : '';
    const slack = !node.critical && node.status !== 'done' && node.slack !== undefined ? `, slack ${node.slack}d` : '';
    const label = `${node.title} (${node.taskId}, ${node.status.replace('_', ' ')}${node.critical ? ', critical' : ''}${slack})${when}`;
    el.setAttribute('aria-label', label);
    el.prepend(s('title', {}, `${label}\nClick to open the task`));
  }
  const reveal = () => api.post({ type: 'reveal', nodeId });
  el.addEventListener('click', reveal);
  el.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      reveal();
    }
  });
}

function exportSvg(): void {
  const svg = diagram.querySelector('svg');
  if (!svg) return;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const st of copy.querySelectorAll('style')) st.removeAttribute('nonce');
  for (const t of copy.querySelectorAll('title')) t.remove();
  for (const el of copy.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  api.post({ type: 'export', svg: new XMLSerializer().serializeToString(copy) });
}

// ---------------------------------------------------------------------------------------
// CSP: Mermaid builds its diagram in this document before returning it, adding a <style>
// element; the CSP refuses <style> elements without the page's nonce, and the measurements
// made while laying out would be wrong without it. <style> elements created in this document
// get the nonce; scripts stay nonce-only and nothing else changes.

function nonceForMermaidStyles(scriptNonceValue: string): void {
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const el = createElement.call(this, tagName, options);
    if (this === document && tagName.toLowerCase() === 'style') el.setAttribute('nonce', scriptNonceValue);
    return el;
  } as typeof createElement;
  const createElementNS = Document.prototype.createElementNS;
  Document.prototype.createElementNS = function (this: Document, ns: string | null, qualifiedName: string, options?: string | ElementCreationOptions) {
    const el = createElementNS.call(this, ns, qualifiedName, options as ElementCreationOptions);
    if (this === document && qualifiedName.toLowerCase() === 'style') el.setAttribute('nonce', scriptNonceValue);
    return el;
  } as typeof createElementNS;
}
