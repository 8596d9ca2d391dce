// The words of the format (spec §2–3) as TypeScript types: the kinds, the shapes of their
// documents once parsed, and where a thing lives in the workspace. Engines receive these
// shapes only for documents that passed their schema, so they may trust required fields.

export const KINDS = [
  'workspace',
  'department',
  'person',
  'calendar',
  'sla-policy',
  'project',
  'chain',
  'incident',
  'postmortem',
  'proposal',
] as const;
export type Kind = (typeof KINDS)[number];

/** Things a reference can point at: every kind, plus a task inside a chain. */
export type TargetKind = Kind | 'task';

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export type Severity = 'error' | 'warning' | 'info';

/** A step into a YAML document: a map key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Zero-based line and UTF-16 column, as in LSP. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Where a node is, before its range is known: the file, the document and the path inside it. */
export interface NodeAddress {
  file: string;
  doc: number;
  path: Path;
  /** The key of the pair the path ends at, or its value (the default). */
  part?: 'key' | 'value';
}

// ---------------------------------------------------------------------------------------
// Document shapes (spec §3). Optional fields are optional; `x-…` keys may be present too.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export type RuleSetting = Severity | 'off';

export interface WorkspaceDoc {
  kind: 'workspace';
  id?: string;
  name: string;
  timezone?: string;
  default_sla_policy?: string;
  ignore?: string[];
  rules?: Record<string, RuleSetting>;
  doc_review_every?: string;
  agenda?: { sla_horizon?: string; days?: number; decision_wait_days?: number };
}

export interface DepartmentDoc {
  kind: 'department';
  id: string;
  name: string;
  lead?: string;
  calendar?: string;
  aliases?: string[];
}

export type PersonRole = 'tam' | 'engineer' | 'service_manager' | 'architect';
export interface PersonDoc {
  kind: 'person';
  id: string;
  name: string;
  department?: string;
  email?: string;
  roles?: PersonRole[];
  tam_share?: number;
}

export interface WorkingHours {
  days: Weekday[];
  from: string;
  to: string;
}
/** A holiday: its date, or its date and its name. */
export type Holiday = string | { date: string; name?: string };

export interface CalendarDoc {
  kind: 'calendar';
  id: string;
  timezone: string;
  working_hours?: WorkingHours[];
  holidays?: Holiday[];
}

export interface SlaTarget {
  response: string;
  resolution: string;
}
export interface SlaPolicyDoc {
  kind: 'sla-policy';
  id: string;
  name?: string;
  calendar: string;
  targets: Record<Priority, SlaTarget>;
  pause_on?: TimelineStatus[];
  postmortem?: { required_for?: Priority[]; within?: string };
}

export interface ProjectDoc {
  kind: 'project';
  id: string;
  name: string;
  client: string;
  tam: string;
  service_manager?: string;
  sla_policy?: string;
  departments?: string[];
  contacts?: { name: string; role: string; email?: string; phone?: string }[];
  docs?: ProjectDocEntry[];
}
export interface ProjectDocEntry {
  path: string;
  title?: string;
  owner?: string;
  reviewed?: string;
  review_every?: string;
}

export type TaskStatus = 'todo' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
export interface TaskDoc {
  id: string;
  title: string;
  department: string;
  status: TaskStatus;
  estimate?: string;
  depends_on?: string[];
  assignee?: string;
  start?: string;
  due?: string;
  started?: string;
  finished?: string;
  /** For a blocked task: the date it became blocked. */
  blocked_since?: string;
}
export interface ChainDoc {
  kind: 'chain';
  id: string;
  project: string;
  title: string;
  tasks: TaskDoc[];
  requested?: string;
  deadline?: string;
  description?: string;
}

export type TimelineStatus = 'acknowledged' | 'in_progress' | 'waiting_for_customer' | 'resolved' | 'closed';
export interface TimelineEntry {
  at: string;
  status: TimelineStatus;
  by?: string;
  note?: string;
}
export interface IncidentDoc {
  kind: 'incident';
  id: string;
  project: string;
  title: string;
  priority: Priority;
  opened: string;
  timeline: TimelineEntry[];
  department?: string;
  sla_policy?: string;
  cause?: { category?: string; description?: string };
  postmortem?: string;
}

export interface ActionItem {
  id: string;
  title: string;
  owner?: string;
  due?: string;
  status: 'open' | 'done';
}
export interface PostmortemDoc {
  kind: 'postmortem';
  id: string;
  incident: string;
  summary: string;
  root_cause: string;
  action_items: ActionItem[];
  impact?: string;
  published?: string;
  timeline?: { at: string; note: string }[];
}

export interface ProposalDoc {
  kind: 'proposal';
  id: string;
  project: string;
  title: string;
  type: 'improvement' | 'risk';
  proposed_by: string;
  /** Others who made the proposal with proposed_by and share the credit. */
  co_authors?: string[];
  proposed_on: string;
  status: string;
  rationale?: string;
  evidence?: string | string[];
  decided_on?: string;
  implemented_on?: string;
  severity?: string;
  customer_value?: string;
  description?: string;
}

export interface DocByKind {
  workspace: WorkspaceDoc;
  department: DepartmentDoc;
  person: PersonDoc;
  calendar: CalendarDoc;
  'sla-policy': SlaPolicyDoc;
  project: ProjectDoc;
  chain: ChainDoc;
  incident: IncidentDoc;
  postmortem: PostmortemDoc;
  proposal: ProposalDoc;
}
