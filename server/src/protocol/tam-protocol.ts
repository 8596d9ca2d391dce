// The TAM-specific requests and notifications between the language server and the VS Code
// extension: their method names and payloads, shared by both sides so that a renamed field is
// a compile error, not a blank webview. Plain data only (JSON over LSP): this file imports no
// runtime code, so the client bundle pulls in nothing of the server.
//
// Conventions: every `uri` is a `file:` URI; ranges are LSP ranges (zero-based, UTF-16);
// `now` in a request is an ISO 8601 timestamp with an offset (the `tam.now` setting) and,
// when absent, the server's own "now" applies. A request that cannot be answered returns
// `{ error }` with a sentence for the user instead of failing the JSON-RPC call.

import type { SlaJson } from '../core/render/sla';
import type { SlaGroupBy } from '../core/sla/report';
import type { TrendPoint } from '../core/sla/trend';

export type { SlaJson, SlaGroupBy, TrendPoint };

export interface TamPosition {
  line: number;
  character: number;
}
export interface TamRange {
  start: TamPosition;
  end: TamPosition;
}

/** An answer, or the reason there is none. */
export type TamResult<T> = T | { error: string };

export function isTamError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

/** Parameters every request may carry. */
export interface TamRequestBase {
  /** `tam.now`: review a past (or future) state. */
  now?: string;
  /** The workspace folder (or any file in it) the request is about; the first TAM workspace when absent. */
  folderUri?: string;
}

// ---------------------------------------------------------------------------------------
// tam/chainGraph — the Mermaid text of a chain with what the webview needs around it.

export const ChainGraphRequest = 'tam/chainGraph';
export type GraphFormat = 'flowchart' | 'gantt';

export interface ChainGraphParams extends TamRequestBase {
  /** A chain file; with several chains in it, `chainId` picks one (else the first). */
  uri?: string;
  chainId?: string;
  format: GraphFormat;
}

/** A task as drawn: the Mermaid node (n0, n1… in a flowchart; t0, t1… in a gantt chart). */
export interface GraphNode {
  taskId: string;
  title: string;
  status: string;
  department: string;
  /** Where the task is written: its `id` value. */
  uri: string;
  range: TamRange;
  critical: boolean;
  start?: string;
  finish?: string;
  /** Working days the task may slip without moving the chain's finish (as `tam plan` says). */
  slack?: number;
  due?: string;
}

export interface ChainGraph {
  chainId: string;
  title: string;
  project: string;
  uri: string;
  format: GraphFormat;
  mermaid: string;
  /** Node id in the Mermaid text → the task it draws. */
  nodes: Record<string, GraphNode>;
  taskCount: number;
  forecastFinish?: string;
  deadline?: string;
  /** A late chain (core isLateChain): still in progress, forecast after its deadline. */
  late: boolean;
  lateByWorkingDays: number;
  /** Every task is done or cancelled; with lateByWorkingDays > 0 it finished after its deadline. */
  done?: boolean;
  /** Task ids, first to last. */
  criticalPath: string[];
  /** Task keys of a dependency cycle through the chain, when there is one. */
  cycle?: string[];
  /** "Today" of the forecast, YYYY-MM-DD in the workspace zone. */
  today: string;
  /** Lanes: department id → name. */
  departments: Record<string, string>;
  /** Set when the chain has schema errors and its forecast could not be made. */
  problem?: string;
}

export type ChainGraphResult = TamResult<ChainGraph>;

// ---------------------------------------------------------------------------------------
// tam/chains — every chain, for a picker.

export const ChainsRequest = 'tam/chains';
export interface ChainSummary {
  id: string;
  title: string;
  project: string;
  uri: string;
  forecastFinish?: string;
  deadline?: string;
  /** A late chain (core isLateChain): still in progress, forecast after its deadline. */
  late: boolean;
}
export type ChainsParams = TamRequestBase;
export type ChainsResult = ChainSummary[];

// ---------------------------------------------------------------------------------------
// tam/slaReport — the same object `tam sla --format json` prints.

export const SlaReportRequest = 'tam/slaReport';
export interface SlaReportParams extends TamRequestBase {
  by?: SlaGroupBy;
  /** YYYY-MM-DD, inclusive, opening date in the workspace zone. */
  from?: string;
  to?: string;
  /** Only the incidents of this project. */
  project?: string;
}
export interface SlaReportAnswer {
  report: SlaJson;
  /** The project the report is limited to, when it is. */
  project?: string;
  /** The workspace root, to resolve each incident's `file`. */
  rootUri: string;
  workspaceName: string;
  /** The "now" the clocks were computed at, ISO 8601 in UTC. */
  now: string;
  /** Incident id → its file's URI. */
  incidentUris: Record<string, string>;
  /**
   * Met % of the incidents opened in each of the 12 months up to the month of `to` (else of
   * "now"), oldest first: the figures of `tam sla --by month`.
   */
  trend: TrendPoint[];
}
export type SlaReportResult = TamResult<SlaReportAnswer>;

// ---------------------------------------------------------------------------------------
// tam/tree — the TAM view: projects → chains → tasks, incidents, proposals.

export const TreeRequest = 'tam/tree';
export type TreeParams = TamRequestBase;

/** Where an entity is written, resolved to a range by tam/locate when the user opens it. */
export interface EntityAddress {
  uri: string;
  doc: number;
  path: (string | number)[];
}

export interface TreeTask extends EntityAddress {
  id: string;
  title: string;
  status: string;
  department: string;
  start?: string;
  finish?: string;
  critical: boolean;
}
export interface TreeChain extends EntityAddress {
  id: string;
  title: string;
  forecastFinish?: string;
  deadline?: string;
  /** A late chain (core isLateChain): still in progress, forecast after its deadline. */
  late: boolean;
  lateByWorkingDays: number;
  tasks: TreeTask[];
}
export interface TreeProject extends EntityAddress {
  id: string;
  name: string;
  client: string;
  chains: TreeChain[];
}
export type ClockStateName = 'met' | 'breached' | 'running' | 'paused';
export interface TreeIncident extends EntityAddress {
  id: string;
  title: string;
  project: string;
  priority: string;
  opened: string;
  /** An open incident (core/sla/incident-state.ts): not resolved. */
  open: boolean;
  response?: ClockStateName;
  resolution?: ClockStateName;
  /** It has an open breach (core/sla/incident-state.ts): a clock over target, running or paused. */
  openBreach: boolean;
}
export interface TreeProposal extends EntityAddress {
  id: string;
  title: string;
  project: string;
  type: string;
  status: string;
}
export interface TreeWorkspace {
  rootUri: string;
  name: string;
  projects: TreeProject[];
  /** Open first, then by opening time, newest first. */
  incidents: TreeIncident[];
  proposals: TreeProposal[];
  /** Clocks over target that have not stopped (running or paused), as core/sla/incident-state.ts defines. */
  openBreaches: number;
}
export interface TreeAnswer {
  workspaces: TreeWorkspace[];
}
export type TreeResult = TreeAnswer;

// ---------------------------------------------------------------------------------------
// tam/status — the numbers of the status bar item.

export const StatusRequest = 'tam/status';
export type StatusParams = TamRequestBase;
/** The running SLA clock due soonest, over the projects the agenda covers. */
export interface SoonestDue {
  incident: string;
  project: string;
  title: string;
  clock: 'response' | 'resolution';
  /** When it reaches its target, ISO 8601 in UTC. */
  dueAt: string;
  /** Working minutes of the policy's calendar until then. */
  leftMinutes: number;
  /** "resolution is due at 2026-11-25 14:35 Europe/Moscow (2h 35m of working time left, policy …)". */
  message: string;
  uri: string;
  range: TamRange;
}

export interface StatusAnswer {
  /** Clocks over target that have not stopped (running or paused), as core/sla/incident-state.ts defines. */
  openBreaches: number;
  /** Incidents not resolved (core/sla/incident-state.ts), with a policy or not. */
  openIncidents: number;
  /** Late chains (core isLateChain): still in progress, forecast after their deadline. */
  lateChains: number;
  workspaces: number;
  /** The soonest due clock of the user's projects (every project when the user is not known). */
  soonestDue?: SoonestDue;
}

// ---------------------------------------------------------------------------------------
// tam/agenda — what needs the user now: the items of `tam agenda` for their projects.

export const AgendaRequest = 'tam/agenda';
export interface AgendaParams extends TamRequestBase {
  /** Days ahead; tam.yaml's agenda.days when absent. */
  days?: number;
}
/** An item of `tam agenda --format json`, with where to open it. */
export interface AgendaEntry {
  type: string;
  project: string;
  id: string;
  file: string;
  line: number;
  at?: string;
  message: string;
  /** A few words: "resolution due 14:35, 2h 35m left". */
  summary: string;
  clock?: 'response' | 'resolution';
  priority?: string;
  leftMinutes?: number;
  overdue?: boolean;
  uri: string;
  range: TamRange;
}
export interface AgendaSection {
  type: string;
  /** "SLA clocks due within 4h of working time", as `tam agenda` titles it. */
  title: string;
  items: AgendaEntry[];
}
export interface AgendaWorkspace {
  rootUri: string;
  name: string;
  /** Whose agenda it is, and how they were found; absent: every project. */
  person?: { id: string; name: string };
  via?: 'tam.me' | 'git';
  /** Why the user could not be found (a tam.me that names nobody). */
  problem?: string;
  projects: string[];
  /** "2026-11-25 12:00 Europe/Moscow": the moment the agenda is of. */
  at: string;
  /** The sections that have items, most urgent first. */
  sections: AgendaSection[];
}
export interface AgendaAnswer {
  workspaces: AgendaWorkspace[];
}

// ---------------------------------------------------------------------------------------
// tam/locate — the range of an entity address, for revealing it in an editor.

export const LocateRequest = 'tam/locate';
export interface LocateParams {
  uri: string;
  doc: number;
  path: (string | number)[];
  part?: 'key' | 'value';
}
export type LocateResult = TamRange | null;

// ---------------------------------------------------------------------------------------
// tam/entities — ids of a kind, for the pickers of the "create" commands.

export const EntitiesRequest = 'tam/entities';
export interface EntitiesParams extends TamRequestBase {
  kind: 'department' | 'person' | 'project' | 'chain' | 'incident' | 'postmortem' | 'sla-policy' | 'calendar';
}
export interface EntityItem {
  id: string;
  /** name or title */
  label: string;
  uri: string;
  /** The folder the entity's file is in. */
  dirUri: string;
  detail?: string;
  /** A few fields the pickers use: roles of a person, project of an incident, state… */
  fields?: Record<string, string | string[] | boolean | undefined>;
}
export type EntitiesResult = EntityItem[];

// ---------------------------------------------------------------------------------------
// tam/newIncidentId — the next free incident id of the year, INC-2026-0575.

export const NewIncidentIdRequest = 'tam/newIncidentId';
export type NewIncidentIdParams = TamRequestBase;
export interface NewIncidentIdAnswer {
  id: string;
  /** The current instant as a timestamp with the workspace zone's offset, for `opened:`. */
  timestamp: string;
  rootUri: string;
}
export type NewIncidentIdResult = TamResult<NewIncidentIdAnswer>;

// ---------------------------------------------------------------------------------------
// tam/today — today's date and the instant in a workspace's zone, for the dates the "create"
// commands write (a chain's `requested`, a postmortem's action item `due`): the machine's own
// zone may be another.

export const TodayRequest = 'tam/today';
export type TodayParams = TamRequestBase;
export interface TodayAnswer {
  /** The workspace's zone (UTC when tam.yaml names none or an unknown one). */
  zone: string;
  /** YYYY-MM-DD in that zone. */
  date: string;
  /** The instant to the minute with that zone's offset, like the files write it. */
  timestamp: string;
}
export type TodayResult = TamResult<TodayAnswer>;

// ---------------------------------------------------------------------------------------
// tam/validateWorkspace — check every file and publish the diagnostics of all of them.

export const ValidateWorkspaceRequest = 'tam/validateWorkspace';
export interface ValidateWorkspaceParams extends TamRequestBase {
  /** `tam.rules`, for the counts (the server publishes with the rules it was configured with). */
  rules?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
}
export interface ValidateWorkspaceAnswer {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

// ---------------------------------------------------------------------------------------
// tam/indexChanged (server → client) — an index changed (an edit, a file on disk, a full read):
// the views ask again.

export const IndexChangedNotification = 'tam/indexChanged';
export interface IndexChangedParams {
  /** Grows with every notification. */
  version: number;
}

// ---------------------------------------------------------------------------------------
// tam/workspaces — the TAM workspaces the server has found (folders with tam.yaml).

export const WorkspacesRequest = 'tam/workspaces';
export interface WorkspaceInfo {
  rootUri: string;
  name: string;
}
export type WorkspacesResult = WorkspaceInfo[];

// ---------------------------------------------------------------------------------------
// Commands of code lenses. The extension declares the ones it runs itself in the experimental
// client capability `tamCommands`; the server runs `tam.createPostmortem` in any editor that
// can apply a workspace edit (workspace/executeCommand).

/** The experimental client capability listing the commands the client runs: `{ tamCommands: string[] }`. */
export const CLIENT_COMMANDS_CAPABILITY = 'tamCommands';

/** Client: opens the chain graph of a chain (a flowchart or a Gantt chart). */
export const OpenChainGraphCommand = 'tam.openChainGraph';
export interface OpenChainGraphArgs {
  uri: string;
  chainId: string;
  format: GraphFormat;
}

/** Client: opens the SLA Summary, of one project's incidents when `project` is given. */
export const ShowSlaSummaryCommand = 'tam.showSlaSummary';
export interface ShowSlaSummaryArgs {
  project?: string;
  /** A file of the workspace the project is in. */
  folderUri?: string;
}

/** Server: creates the postmortem of an incident (the file, and `postmortem:` in the incident). */
export const CreatePostmortemCommand = 'tam.createPostmortem';
export interface CreatePostmortemArgs {
  uri: string;
  incident: string;
}
