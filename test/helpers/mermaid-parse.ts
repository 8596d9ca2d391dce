// Mermaid's own parser, for tests that must prove a generated diagram is accepted "whatever the
// titles contain" (spec §7) and see what Mermaid understood: which nodes, labels, edges, lanes,
// gantt tasks. Mermaid is an ESM browser library: it loads in Node, but its DOMPurify binds to a
// `window` when first imported, so a jsdom window and document go on globalThis first. Loading
// takes most of a second once per test process; each parse after that a few milliseconds.

import { JSDOM } from 'jsdom';

/** What Mermaid understood from a flowchart. Texts are decoded back to plain characters. */
export interface FlowModel {
  type: 'flowchart';
  nodes: { id: string; text: string; classes: string[] }[];
  edges: { from: string; to: string; stroke: string; style: string[] }[];
  subgraphs: { id: string; title: string; nodes: string[] }[];
  classDefs: string[];
}

/** What Mermaid understood from a gantt chart; end is exclusive, as Mermaid keeps it. */
export interface GanttModel {
  type: 'gantt';
  title: string;
  sections: string[];
  tasks: { id: string; name: string; section: string; start: string; end: string; crit: boolean; done: boolean; active: boolean }[];
}

interface MermaidApi {
  parse(text: string): Promise<{ diagramType: string }>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: any }> };
}

let loading: Promise<MermaidApi> | undefined;
// Mermaid keeps its config and diagram databases in module state: one parse at a time.
let queue: Promise<unknown> = Promise.resolve();

function load(): Promise<MermaidApi> {
  loading ??= (async () => {
    const g = globalThis as any;
    if (!g.window) {
      const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
      g.window = dom.window;
      g.document = dom.window.document;
    }
    const mermaid = (await import('mermaid')).default as unknown as MermaidApi & { initialize(config: object): void };
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', logLevel: 'fatal' });
    return mermaid;
  })();
  return loading;
}

function serially<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Resolves to the diagram type when Mermaid's parser accepts the text; rejects with its error otherwise. */
export function parseMermaid(text: string): Promise<string> {
  return serially(async () => (await (await load()).parse(text)).diagramType);
}

/** Parses (as `parseMermaid`) and returns what Mermaid understood. */
export function mermaidModel(text: string): Promise<FlowModel | GanttModel> {
  return serially(async () => {
    const mermaid = await load();
    await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    if (typeof db.getVertices === 'function') {
      return {
        type: 'flowchart',
        nodes: [...db.getVertices().values()].map((v: any) => ({ id: v.id, text: decodeMermaidText(v.text ?? ''), classes: [...(v.classes ?? [])] })),
        edges: db.getEdges().map((e: any) => ({ from: e.start, to: e.end, stroke: e.stroke, style: [...(e.style ?? [])] })),
        subgraphs: db.getSubGraphs().map((s: any) => ({ id: s.id, title: decodeMermaidText(s.title ?? ''), nodes: [...s.nodes] })),
        classDefs: [...db.getClasses().keys()],
      } satisfies FlowModel;
    }
    return {
      type: 'gantt',
      title: decodeMermaidText(db.getDiagramTitle?.() ?? ''),
      sections: db.getSections().map(decodeMermaidText),
      tasks: db.getTasks().map((t: any) => ({
        id: t.id,
        name: decodeMermaidText(t.task).trim(),
        section: decodeMermaidText(t.section),
        start: localDate(t.startTime),
        end: localDate(t.endTime),
        crit: !!t.crit,
        done: !!t.done,
        active: !!t.active,
      })),
    } satisfies GanttModel;
  });
}

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

/**
 * A label as a reader will see it: Mermaid stores entity codes (`#60;`) in its own markers and
 * turns them into HTML character references when it renders; this does both steps at once.
 */
export function decodeMermaidText(text: string): string {
  // One pass, as the browser decodes once: a decoded character never starts another entity.
  return text.replace(/\uFB02\u00B0(?:\u00B0(\d+)|(\w+))\u00B6\u00DF/g, (all, code: string | undefined, name: string | undefined) =>
    code !== undefined ? String.fromCodePoint(Number(code)) : (NAMED[name!] ?? all),
  );
}

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
