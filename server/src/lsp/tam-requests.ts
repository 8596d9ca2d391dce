// The TAM-specific requests of the language server (server/src/protocol/tam-protocol.ts): the
// data behind the extension's chain graph, SLA summary, tree view, status bar and "create"
// commands. Every answer is computed by the core from the server's index, the same functions
// the CLI uses, so the editor and `tam sla` / `tam graph` show the same figures.
//
// The workspaces live in the server's analysis thread (worker.ts), so the handlers run there
// (TAM_HANDLERS, in the shape of its handler table) and the main thread only forwards the
// requests (registerTamRequests). The handlers see the workspaces through `TamHost`, which
// tests build over a plain Workspace.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { check } from '../core/check';
import type { ChainDoc, TaskDoc, TaskStatus } from '../core/model';
import { chainFlowchart, chainGantt } from '../core/render/mermaid';
import { slaJson } from '../core/render/sla';
import type { ChainForecast } from '../core/schedule/forecast';
import { chainSchedule, departmentNames, workspaceSchedule, workspaceToday, workspaceZone } from '../core/schedule/workspace-schedule';
import { incidentSla } from '../core/sla/incident-clocks';
import { workspaceSlaReport } from '../core/sla/workspace-report';
import { parseTimestamp } from '../core/time/timestamp';
import { localDate, minuteStamp } from '../core/time/zone';
import type { Entity } from '../core/workspace/entities';
import { Locator } from '../core/workspace/locate';
import type { Workspace } from '../core/workspace/workspace';
import {
  ChainGraphRequest,
  ChainsRequest,
  EntitiesRequest,
  IndexChangedNotification,
  LocateRequest,
  NewIncidentIdRequest,
  SlaReportRequest,
  StatusRequest,
  TreeRequest,
  ValidateWorkspaceRequest,
  WorkspacesRequest,
  type ChainGraph,
  type ChainGraphParams,
  type ChainGraphResult,
  type ChainsParams,
  type ChainSummary,
  type EntitiesParams,
  type EntityItem,
  type GraphNode,
  type IndexChangedParams,
  type LocateParams,
  type LocateResult,
  type NewIncidentIdParams,
  type NewIncidentIdResult,
  type SlaReportParams,
  type SlaReportResult,
  type StatusAnswer,
  type StatusParams,
  type TamRequestBase,
  type TreeAnswer,
  type TreeChain,
  type TreeIncident,
  type TreeParams,
  type TreeProject,
  type TreeWorkspace,
  type ValidateWorkspaceAnswer,
  type ValidateWorkspaceParams,
  type WorkspaceInfo,
} from '../protocol/tam-protocol';
import type { FeatureContext } from './context';
import type { Project } from './project';
import { INDEXED_NOTIFICATION } from './protocol';

/** One workspace of the server: its index and the absolute path of the folder with tam.yaml. */
export interface TamWorkspaceRef {
  ws: Workspace;
  root: string;
  /** The URI of a workspace file (the open document's own URI when it is open). */
  uriOf?(file: string): string;
  /** Applies edits still waiting for their debounce, so that answers see the latest text. */
  flush?(): void;
  /** Re-checks and republishes the diagnostics of every file. */
  recheckAll?(): void;
}

/** What the language server lends to these requests. */
export interface TamHost {
  /** The workspace a `file:` URI (a document or a folder) belongs to. */
  workspaceFor(uri: string): TamWorkspaceRef | undefined;
  workspaces(): TamWorkspaceRef[];
  /** "Now" of the server (its `tam.now` setting, else the clock), ms since the epoch. */
  now(): number;
}

// ---------------------------------------------------------------------------------------
// The analysis thread: handlers over the projects of a FeatureContext

/** A TamHost over the analysis thread's projects. */
export function hostOf(ctx: FeatureContext): TamHost {
  const refOf = (project: Project): TamWorkspaceRef => ({
    ws: project.ws,
    root: project.root,
    uriOf: (file) => project.uriOf(file),
    flush: () => project.flush(),
    recheckAll: () => project.recheckAll(),
  });
  return {
    workspaceFor(uri) {
      const loc = ctx.document(uri);
      if (loc?.project) return refOf(loc.project);
      // A folder, or a file not read yet: the innermost root that holds it.
      let abs: string;
      try {
        abs = fileURLToPath(uri);
      } catch {
        return undefined;
      }
      let best: Project | undefined;
      for (const p of ctx.projects()) if (isInside(abs, p.root) && (!best || p.root.length > best.root.length)) best = p;
      return best && refOf(best);
    },
    workspaces: () => [...ctx.projects()].map(refOf),
    now: () => ctx.now(),
  };
}

type Handler = (host: TamHost, params: any) => unknown;

/** Every tam/* request and its answer, computed from a host. */
export const TAM_REQUEST_HANDLERS: Readonly<Record<string, Handler>> = {
  [ChainGraphRequest]: (host, p: ChainGraphParams) => chainGraph(host, p ?? { format: 'flowchart' }),
  [ChainsRequest]: (host, p: ChainsParams) => chainSummaries(host, p ?? {}),
  [SlaReportRequest]: (host, p: SlaReportParams) => slaReport(host, p ?? {}),
  [TreeRequest]: (host, p: TreeParams) => tree(host, p ?? {}),
  [StatusRequest]: (host, p: StatusParams) => status(host, p ?? {}),
  [WorkspacesRequest]: (host) => workspaceList(host),
  [LocateRequest]: (host, p: LocateParams) => locate(host, p),
  [EntitiesRequest]: (host, p: EntitiesParams) => entities(host, p),
  [NewIncidentIdRequest]: (host, p: NewIncidentIdParams) => newIncidentId(host, p ?? {}),
  [ValidateWorkspaceRequest]: (host, p: ValidateWorkspaceParams) => validateWorkspace(host, p ?? {}),
};

/**
 * The handlers in the shape of the analysis thread's handler table (worker.ts HANDLERS):
 * `(ctx, params) => answer`, synchronous. A failure becomes `{ error }` for the user, not a
 * failed request.
 */
export const TAM_HANDLERS: Readonly<Record<string, (ctx: FeatureContext, params: any) => unknown>> = Object.fromEntries(
  Object.entries(TAM_REQUEST_HANDLERS).map(([method, handler]) => [
    method,
    (ctx: FeatureContext, params: unknown) => {
      const host = hostOf(ctx);
      for (const ref of host.workspaces()) ref.flush?.();
      return handler(host, params);
    },
  ]),
);

// ---------------------------------------------------------------------------------------
// The main thread: forward tam/* to the analysis thread; say when the index changed

/** The methods of TAM_REQUEST_HANDLERS. */
export const TAM_METHODS: readonly string[] = Object.keys(TAM_REQUEST_HANDLERS);

/** How long the index must be quiet before `tam/indexChanged` goes out (typing changes it often). */
const INDEX_CHANGED_DELAY_MS = 200;

/**
 * Registers the tam/* requests on the main thread's connection, each forwarded to the analysis
 * thread with `forward` (server.ts's), and sends `tam/indexChanged` after the index changed.
 *
 * Every change of an index is followed by diagnostics published for the changed file (an
 * edited or re-read file is always re-checked and published) or, after a full read, by the
 * `tam/indexed` notification: this listens to both, debounced, instead of needing an event from
 * the analysis thread.
 */
export function registerTamRequests(
  connection: Connection,
  forward: (method: string) => (params: any) => Promise<unknown>,
): { dispose(): void } {
  for (const method of TAM_METHODS) connection.onRequest(method, forward(method));
  let timer: NodeJS.Timeout | undefined;
  let version = 0;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const params: IndexChangedParams = { version: ++version };
      void connection.sendNotification(IndexChangedNotification, params).catch(() => undefined);
    }, INDEX_CHANGED_DELAY_MS);
    timer.unref?.();
  };
  const sendDiagnostics = connection.sendDiagnostics.bind(connection);
  const sendNotification = connection.sendNotification.bind(connection) as (method: string, params?: unknown) => Promise<void>;
  connection.sendDiagnostics = (params) => {
    changed();
    return sendDiagnostics(params);
  };
  (connection as { sendNotification: (method: string, params?: unknown) => Promise<void> }).sendNotification = (method: string, params?: unknown) => {
    if (method === INDEXED_NOTIFICATION) changed();
    return sendNotification(method, params);
  };
  return { dispose: () => clearTimeout(timer) };
}

// ---------------------------------------------------------------------------------------
// Helpers

export function fileUri(root: string, file: string): string {
  return pathToFileURL(path.join(root, file)).href;
}

/** A file's URI as the editor knows it (an open document's own), else made from the path. */
function uriIn(ref: TamWorkspaceRef, file: string): string {
  return ref.uriOf?.(file) ?? fileUri(ref.root, file);
}

function folderUri(root: string): string {
  return pathToFileURL(root).href;
}

/** The workspace-relative POSIX path of a `file:` URI inside `root`, or undefined. */
export function fileOf(root: string, uri: string): string | undefined {
  let abs: string;
  try {
    abs = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function nowOf(host: TamHost, p: TamRequestBase | undefined): number {
  const ms = p?.now ? parseTimestamp(p.now) : undefined;
  return ms ?? host.now();
}

function pickWorkspace(host: TamHost, p: TamRequestBase | undefined): TamWorkspaceRef | undefined {
  return (p?.folderUri ? host.workspaceFor(p.folderUri) : undefined) ?? host.workspaces()[0];
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

const STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'];

/**
 * A chain as the renderers expect it, from a document that may be half typed: tasks without a
 * string id are left out (as the renderers do), missing titles and departments are shown as
 * such. `index` keeps each task's position in the file, for its range.
 */
function drawableChain(value: Record<string, unknown>): { chain: ChainDoc; index: number[] } {
  const tasks: TaskDoc[] = [];
  const index: number[] = [];
  const seen = new Set<string>();
  const list = Array.isArray(value.tasks) ? value.tasks : [];
  list.forEach((t: unknown, i) => {
    if (!t || typeof t !== 'object' || Array.isArray(t)) return;
    const task = t as Record<string, unknown>;
    if (typeof task.id !== 'string' || task.id === '' || seen.has(task.id)) return;
    seen.add(task.id);
    index.push(i);
    tasks.push({
      ...(task as unknown as TaskDoc),
      id: task.id,
      title: str(task.title, task.id),
      department: str(task.department, '?'),
      status: STATUSES.includes(task.status as TaskStatus) ? (task.status as TaskStatus) : 'todo',
      depends_on: Array.isArray(task.depends_on) ? task.depends_on.filter((d): d is string => typeof d === 'string') : undefined,
    });
  });
  const id = str(value.id, '?');
  return { chain: { kind: 'chain', id, project: str(value.project), title: str(value.title, id), tasks }, index };
}

interface FoundChain {
  ref: TamWorkspaceRef;
  entity: Entity;
}

function findChain(host: TamHost, uri: string | undefined, chainId: string | undefined): FoundChain | { error: string } {
  if (uri) {
    const ref = host.workspaceFor(uri);
    const file = ref && fileOf(ref.root, uri);
    if (!ref || file === undefined) return { error: 'This file is not in a TAM workspace (no tam.yaml in its folder or above).' };
    const chains = (ref.ws.file(file)?.entities ?? []).filter((e) => e.kind === 'chain');
    if (chains.length === 0) return { error: `${path.basename(file)} holds no task chain (kind: chain).` };
    return { ref, entity: chains.find((c) => c.id === chainId) ?? chains[0]! };
  }
  if (chainId) {
    for (const ref of host.workspaces()) {
      const entity = ref.ws.get('chain', chainId);
      if (entity) return { ref, entity };
    }
    return { error: `No chain "${chainId}" in the workspace.` };
  }
  return { error: 'Name a chain: open a chain file or pick one.' };
}

// ---------------------------------------------------------------------------------------
// tam/chainGraph

export function chainGraph(host: TamHost, p: ChainGraphParams): ChainGraphResult {
  const found = findChain(host, p.uri, p.chainId);
  if ('error' in found) return found;
  const { ref, entity } = found;
  const { ws } = ref;
  const now = nowOf(host, p);
  const { chain, index } = drawableChain(entity.value);
  const forecast: ChainForecast | undefined = entity.valid ? chainSchedule(ws, now, entity.id)?.byId.get(entity.id) : undefined;
  const names = departmentNames(ws);
  const options = { departmentNames: names };
  const format = p.format === 'gantt' ? 'gantt' : 'flowchart';
  const mermaid = format === 'gantt' ? chainGantt(chain, forecast, options) : chainFlowchart(chain, forecast, options);

  const uri = uriIn(ref, entity.file);
  const text = ws.file(entity.file)?.text ?? '';
  const locator = new Locator(text);
  const nodes: Record<string, GraphNode> = {};
  const critical = new Set(forecast?.criticalPath ?? []);
  chain.tasks.forEach((t, i) => {
    const f = forecast?.tasks.get(t.id);
    nodes[`${format === 'gantt' ? 't' : 'n'}${i}`] = {
      taskId: t.id,
      title: t.title,
      status: t.status,
      department: t.department,
      uri,
      range: locator.range(entity.doc, [...entity.path, 'tasks', index[i]!, 'id']),
      critical: critical.has(t.id),
      start: f?.start,
      finish: f?.finish,
      due: typeof t.due === 'string' ? t.due : undefined,
    };
  });
  const lanes: Record<string, string> = {};
  for (const t of chain.tasks) lanes[t.department] = names[t.department] ?? t.department;
  const graph: ChainGraph = {
    chainId: entity.id,
    title: chain.title,
    project: chain.project,
    uri,
    format,
    mermaid,
    nodes,
    taskCount: chain.tasks.length,
    forecastFinish: forecast?.forecastFinish,
    deadline: typeof entity.value.deadline === 'string' ? entity.value.deadline : undefined,
    late: forecast?.late ?? false,
    lateByWorkingDays: forecast?.lateByWorkingDays ?? 0,
    criticalPath: forecast?.criticalPath ?? [],
    today: workspaceToday(ws, now),
    departments: lanes,
  };
  if (forecast?.cycle?.length) graph.cycle = forecast.cycle;
  if (!entity.valid) graph.problem = 'The chain has errors (see the Problems panel): no forecast until they are fixed.';
  return graph;
}

// ---------------------------------------------------------------------------------------
// tam/chains

export function chainSummaries(host: TamHost, p: ChainsParams): ChainSummary[] {
  const now = nowOf(host, p);
  const out: ChainSummary[] = [];
  for (const ref of host.workspaces()) {
    const { ws } = ref;
    const schedule = workspaceSchedule(ws, now);
    for (const chain of ws.entities('chain')) {
      const f = schedule.byId.get(chain.id);
      out.push({
        id: chain.id,
        title: str(chain.value.title, chain.id),
        project: str(chain.value.project),
        uri: uriIn(ref, chain.file),
        forecastFinish: f?.forecastFinish,
        deadline: typeof chain.value.deadline === 'string' ? chain.value.deadline : undefined,
        late: f?.late ?? false,
      });
    }
  }
  return out.sort((a, b) => a.project.localeCompare(b.project) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------
// tam/slaReport

export function slaReport(host: TamHost, p: SlaReportParams): SlaReportResult {
  const ref = pickWorkspace(host, p);
  if (!ref) return { error: 'No TAM workspace is open (a folder with tam.yaml).' };
  const now = nowOf(host, p);
  let report;
  try {
    report = workspaceSlaReport(ref.ws, now, { by: p.by ?? 'project', from: p.from || undefined, to: p.to || undefined });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const json = slaJson(report);
  const incidentUris: Record<string, string> = {};
  for (const i of json.incidents) if (i.file) incidentUris[i.id] = uriIn(ref, i.file);
  return {
    report: json,
    rootUri: folderUri(ref.root),
    workspaceName: str(ref.ws.config.doc?.name, path.basename(ref.root)),
    now: new Date(now).toISOString(),
    incidentUris,
  };
}

// ---------------------------------------------------------------------------------------
// tam/tree and tam/status

function incidentNode(ref: TamWorkspaceRef, incident: Entity, now: number): TreeIncident {
  const { ws } = ref;
  const clocks = incidentSla(ws, incident, now)?.clocks;
  const v = incident.value;
  const openBreach = !!clocks && [clocks.response, clocks.resolution].some((c) => c.state === 'breached' && c.stoppedAt === undefined);
  return {
    id: incident.id,
    title: str(v.title, incident.id),
    project: str(v.project),
    priority: str(v.priority),
    opened: str(v.opened),
    open: clocks ? clocks.resolution.stoppedAt === undefined : !(Array.isArray(v.timeline) && v.timeline.some((e: { status?: unknown }) => e?.status === 'resolved' || e?.status === 'closed')),
    response: clocks?.response.state,
    resolution: clocks?.resolution.state,
    openBreach,
    uri: uriIn(ref, incident.file),
    doc: incident.doc,
    path: [...incident.path],
  };
}

function openBreachCount(ws: Workspace, incident: Entity, now: number): number {
  const clocks = incidentSla(ws, incident, now)?.clocks;
  if (!clocks) return 0;
  return [clocks.response, clocks.resolution].filter((c) => c.state === 'breached' && c.stoppedAt === undefined).length;
}

export function tree(host: TamHost, p: TreeParams): TreeAnswer {
  const now = nowOf(host, p);
  const workspaces: TreeWorkspace[] = [];
  for (const ref of host.workspaces()) {
    const { ws, root } = ref;
    const schedule = workspaceSchedule(ws, now);
    const projects = new Map<string, TreeProject>();
    for (const project of ws.entities('project')) {
      projects.set(project.id, {
        id: project.id,
        name: str(project.value.name, project.id),
        client: str(project.value.client),
        uri: uriIn(ref, project.file),
        doc: project.doc,
        path: [...project.path],
        chains: [],
      });
    }
    for (const chain of ws.entities('chain')) {
      const f = schedule.byId.get(chain.id);
      const { chain: doc, index } = drawableChain(chain.value);
      const uri = uriIn(ref, chain.file);
      const node: TreeChain = {
        id: chain.id,
        title: doc.title,
        forecastFinish: f?.forecastFinish,
        deadline: typeof chain.value.deadline === 'string' ? chain.value.deadline : undefined,
        late: f?.late ?? false,
        lateByWorkingDays: f?.lateByWorkingDays ?? 0,
        uri,
        doc: chain.doc,
        path: [...chain.path],
        tasks: doc.tasks.map((t, i) => {
          const tf = f?.tasks.get(t.id);
          return {
            id: t.id,
            title: t.title,
            status: t.status,
            department: t.department,
            start: tf?.start,
            finish: tf?.finish,
            critical: tf?.critical ?? false,
            uri,
            doc: chain.doc,
            path: [...chain.path, 'tasks', index[i]!],
          };
        }),
      };
      let project = projects.get(doc.project);
      if (!project) {
        project = { id: doc.project || '?', name: '(unknown project)', client: '', uri, doc: chain.doc, path: [], chains: [] };
        projects.set(doc.project, project);
      }
      project.chains.push(node);
    }
    const incidents = [...ws.entities('incident')].map((i) => incidentNode(ref, i, now));
    incidents.sort((a, b) => Number(b.open) - Number(a.open) || (parseTimestamp(b.opened) ?? 0) - (parseTimestamp(a.opened) ?? 0) || a.id.localeCompare(b.id));
    const proposals = [...ws.entities('proposal')].map((pr) => ({
      id: pr.id,
      title: str(pr.value.title, pr.id),
      project: str(pr.value.project),
      type: str(pr.value.type),
      status: str(pr.value.status, '(no status)'),
      uri: uriIn(ref, pr.file),
      doc: pr.doc,
      path: [...pr.path],
    }));
    proposals.sort((a, b) => a.status.localeCompare(b.status) || a.id.localeCompare(b.id));
    let openBreaches = 0;
    for (const i of ws.entities('incident')) openBreaches += openBreachCount(ws, i, now);
    const sortedProjects = [...projects.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const pr of sortedProjects) pr.chains.sort((a, b) => a.id.localeCompare(b.id));
    workspaces.push({
      rootUri: folderUri(root),
      name: str(ws.config.doc?.name, path.basename(root)),
      projects: sortedProjects,
      incidents,
      proposals,
      openBreaches,
    });
  }
  return { workspaces };
}

export function status(host: TamHost, p: StatusParams): StatusAnswer {
  const now = nowOf(host, p);
  const answer: StatusAnswer = { openBreaches: 0, openIncidents: 0, lateChains: 0, workspaces: 0 };
  for (const { ws } of host.workspaces()) {
    answer.workspaces++;
    for (const incident of ws.entities('incident')) {
      answer.openBreaches += openBreachCount(ws, incident, now);
      const clocks = incidentSla(ws, incident, now)?.clocks;
      if (clocks && clocks.resolution.stoppedAt === undefined) answer.openIncidents++;
    }
    for (const chain of workspaceSchedule(ws, now).chains) if (chain.late) answer.lateChains++;
  }
  return answer;
}

// ---------------------------------------------------------------------------------------
// tam/locate, tam/entities, tam/newIncidentId

export function locate(host: TamHost, p: LocateParams): LocateResult {
  const ref = host.workspaceFor(p.uri);
  const file = ref && fileOf(ref.root, p.uri);
  const text = file !== undefined ? ref!.ws.file(file)?.text : undefined;
  if (text === undefined) return null;
  return new Locator(text).range(p.doc, p.path, p.part);
}

export function entities(host: TamHost, p: EntitiesParams): EntityItem[] {
  const ref = pickWorkspace(host, p);
  if (!ref) return [];
  const { ws, root } = ref;
  const out: EntityItem[] = [];
  for (const e of ws.entities(p.kind)) {
    const v = e.value;
    const item: EntityItem = {
      id: e.id,
      label: str(v.name, str(v.title, e.id)),
      uri: uriIn(ref, e.file),
      dirUri: fileUri(root, path.posix.dirname(e.file)),
    };
    if (p.kind === 'person') item.fields = { roles: Array.isArray(v.roles) ? v.roles.filter((r: unknown) => typeof r === 'string') : [], department: str(v.department) || undefined };
    if (p.kind === 'incident') {
      const clocks = incidentSla(ws, e, nowOf(host, p))?.clocks;
      const hasPostmortem = typeof v.postmortem === 'string' || ws.referencesTo('incident', e.id).some((r) => r.from.startsWith('postmortem:'));
      item.fields = { project: str(v.project), priority: str(v.priority), opened: str(v.opened) || undefined, resolved: clocks?.resolvedAt !== undefined, hasPostmortem };
      item.detail = `${str(v.priority)} · ${str(v.project)}`;
    }
    if (p.kind === 'chain') item.fields = { project: str(v.project) };
    if (p.kind === 'project') {
      item.detail = str(v.client);
      item.fields = { departments: Array.isArray(v.departments) ? v.departments.filter((d: unknown) => typeof d === 'string') : [] };
    }
    out.push(item);
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const INCIDENT_ID = /^INC-(\d{4})-(\d+)$/i;

export function newIncidentId(host: TamHost, p: NewIncidentIdParams): NewIncidentIdResult {
  const ref = pickWorkspace(host, p);
  if (!ref) return { error: 'No TAM workspace is open (a folder with tam.yaml).' };
  const now = nowOf(host, p);
  const zone = workspaceZone(ref.ws);
  const year = localDate(zone, now).slice(0, 4);
  let max = 0;
  let width = 4;
  for (const id of ref.ws.ids('incident')) {
    const m = INCIDENT_ID.exec(id);
    if (m && m[1] === year) {
      max = Math.max(max, Number(m[2]));
      width = Math.max(width, m[2]!.length);
    }
  }
  return {
    id: `INC-${year}-${String(max + 1).padStart(width, '0')}`,
    timestamp: minuteStamp(zone, now),
    rootUri: folderUri(ref.root),
  };
}

// ---------------------------------------------------------------------------------------
// tam/validateWorkspace and tam/workspaces

/**
 * Re-checks every file of every workspace (the server then publishes the diagnostics of all
 * of them, open or not) and counts what there is, with the editor's rule settings.
 */
export function validateWorkspace(host: TamHost, p: ValidateWorkspaceParams): ValidateWorkspaceAnswer {
  const answer: ValidateWorkspaceAnswer = { files: 0, errors: 0, warnings: 0, infos: 0 };
  const now = nowOf(host, p);
  for (const ref of host.workspaces()) {
    ref.flush?.();
    for (const diagnostics of check(ref.ws, { now, rules: p.rules }).values()) {
      answer.files++;
      for (const d of diagnostics) {
        if (d.severity === 'error') answer.errors++;
        else if (d.severity === 'warning') answer.warnings++;
        else answer.infos++;
      }
    }
    ref.recheckAll?.();
  }
  return answer;
}

export function workspaceList(host: TamHost): WorkspaceInfo[] {
  return host.workspaces().map(({ ws, root }) => ({ rootUri: folderUri(root), name: str(ws.config.doc?.name, path.basename(root)) }));
}

function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
