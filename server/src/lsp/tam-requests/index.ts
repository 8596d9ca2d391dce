// The TAM-specific requests of the language server (server/src/protocol/tam-protocol.ts): the
// data behind the extension's chain graph, SLA summary, tree view, status bar and "create"
// commands. Every answer is computed by the core from the server's index, the same functions
// the CLI uses, so the editor and `tam sla` / `tam graph` show the same figures. One module per
// group of requests beside this one; host.ts is what they all see of the server.
//
// The workspaces live in the server's analysis thread (worker.ts), so the handlers run there
// (TAM_HANDLERS, in the shape of its handler table) and the main thread only forwards the
// requests (registerTamRequests).

import type { Connection } from 'vscode-languageserver';
import {
  AgendaRequest,
  ChainGraphRequest,
  ChainsRequest,
  EntitiesRequest,
  IndexChangedNotification,
  LocateRequest,
  NewIncidentIdRequest,
  SlaReportRequest,
  StatusRequest,
  TodayRequest,
  TreeRequest,
  ValidateWorkspaceRequest,
  WorkspacesRequest,
  type AgendaParams,
  type ChainGraphParams,
  type ChainsParams,
  type EntitiesParams,
  type IndexChangedParams,
  type LocateParams,
  type NewIncidentIdParams,
  type SlaReportParams,
  type StatusParams,
  type TodayParams,
  type TreeParams,
  type ValidateWorkspaceParams,
} from '../../protocol/tam-protocol';
import type { FeatureContext } from '../context';
import { INDEXED_NOTIFICATION } from '../protocol';
import { agenda } from './agenda';
import { chainGraph } from './chain-graph';
import { chainSummaries } from './chains';
import { entities, locate, newIncidentId, today } from './entities';
import { hostOf, type TamHost } from './host';
import { slaReport } from './sla-report';
import { status, tree } from './tree';
import { validateWorkspace, workspaceList } from './workspaces';

export { agenda, soonestDueOf } from './agenda';
export { chainGraph } from './chain-graph';
export { chainSummaries } from './chains';
export { entities, locate, newIncidentId, today } from './entities';
export { fileOf, fileUri, hostOf, type TamHost, type TamWorkspaceRef } from './host';
export { slaReport } from './sla-report';
export { status, tree } from './tree';
export { validateWorkspace, workspaceList } from './workspaces';

type Handler = (host: TamHost, params: any) => unknown;

/** Every tam/* request and its answer, computed from a host. */
export const TAM_REQUEST_HANDLERS: Readonly<Record<string, Handler>> = {
  [ChainGraphRequest]: (host, p: ChainGraphParams) => chainGraph(host, p ?? { format: 'flowchart' }),
  [ChainsRequest]: (host, p: ChainsParams) => chainSummaries(host, p ?? {}),
  [SlaReportRequest]: (host, p: SlaReportParams) => slaReport(host, p ?? {}),
  [TodayRequest]: (host, p: TodayParams) => today(host, p ?? {}),
  [TreeRequest]: (host, p: TreeParams) => tree(host, p ?? {}),
  [StatusRequest]: (host, p: StatusParams) => status(host, p ?? {}),
  [AgendaRequest]: (host, p: AgendaParams) => agenda(host, p ?? {}),
  [WorkspacesRequest]: (host) => workspaceList(host),
  [LocateRequest]: (host, p: LocateParams) => locate(host, p),
  [EntitiesRequest]: (host, p: EntitiesParams) => entities(host, p),
  [NewIncidentIdRequest]: (host, p: NewIncidentIdParams) => newIncidentId(host, p ?? {}),
  [ValidateWorkspaceRequest]: (host, p: ValidateWorkspaceParams) => validateWorkspace(host, p ?? {}),
};

// ---------------------------------------------------------------------------------------
// The analysis thread: handlers over the projects of a FeatureContext

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
