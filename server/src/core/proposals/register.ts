// The register of proposals: every improvement and risk with who proposed it, when, where it
// stands, what it is worth to the customer and how serious it is — and, for a bonus committee,
// the implemented ones of a period per engineer. Each author of a proposal (`proposed_by` and
// its `co_authors`) is credited with an equal share of it.
//
// Where the format is silent, this file decides (docs/cli.md says it to users):
// - A proposal's date is the date it reached its current status as the file records it:
//   `implemented_on` for an implemented one, `decided_on` for one accepted, in progress,
//   rejected or withdrawn, `proposed_on` otherwise; a missing date falls back to the earlier
//   one. `--from`/`--to` select by that date, both inclusive.
// - Rows are in date order, then by id; groups by key (a person's id, a project's id).

import type { ProposalDoc } from '../model';
import { isDate } from '../time/dates';
import type { Workspace } from '../workspace/workspace';
import { compareText } from '../text/order';

export const PROPOSAL_STATUSES = ['draft', 'proposed', 'accepted', 'in_progress', 'implemented', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalRow {
  id: string;
  project: string;
  /** The project's `client`. */
  customer: string;
  title: string;
  type: string;
  status: string;
  severity?: string;
  customerValue?: string;
  proposedBy: string;
  coAuthors: string[];
  proposedOn: string;
  decidedOn?: string;
  implementedOn?: string;
  /** The date it reached its current status (see the top of this file). */
  date: string;
  file: string;
}

export type RegisterGroupBy = 'person' | 'project';

export interface RegisterGroup {
  /** A person's or a project's id. */
  key: string;
  /** Their name (a person's `name`, a project's `client`). */
  name: string;
  /** Ids of the proposals in the group, in the register's order. */
  proposals: string[];
  count: number;
  implemented: number;
  /** For people: the sum of their shares (1 for a proposal of their own, 1/n of one by n authors). */
  credit: number;
}

export interface RegisterOptions {
  status?: ProposalStatus;
  from?: string;
  to?: string;
  by?: RegisterGroupBy;
  inScope?: (file: string) => boolean;
}

export interface ProposalRegister {
  status?: ProposalStatus;
  from?: string;
  to?: string;
  by?: RegisterGroupBy;
  rows: ProposalRow[];
  groups: RegisterGroup[];
  /** Person id → name, for every author in the rows. */
  names: Record<string, string>;
}

export function proposalRegister(ws: Workspace, options: RegisterOptions = {}): ProposalRegister {
  const rows: ProposalRow[] = [];
  for (const entity of ws.entities('proposal')) {
    if (!entity.valid || (options.inScope && !options.inScope(entity.file))) continue;
    const row = rowOf(ws, entity.value as ProposalDoc, entity.file);
    if (options.status !== undefined && row.status !== options.status) continue;
    if (options.from !== undefined && row.date < options.from) continue;
    if (options.to !== undefined && row.date > options.to) continue;
    rows.push(row);
  }
  rows.sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
  const names: Record<string, string> = {};
  for (const row of rows) for (const id of authorsOf(row)) names[id] ??= personName(ws, id);
  const register: ProposalRegister = { rows, groups: options.by ? groupsOf(ws, rows, options.by, names) : [], names };
  if (options.status !== undefined) register.status = options.status;
  if (options.from !== undefined) register.from = options.from;
  if (options.to !== undefined) register.to = options.to;
  if (options.by !== undefined) register.by = options.by;
  return register;
}

/** The authors of a proposal, `proposed_by` first; each shares its credit equally. */
export function authorsOf(row: Pick<ProposalRow, 'proposedBy' | 'coAuthors'>): string[] {
  return [row.proposedBy, ...row.coAuthors.filter((id) => id !== row.proposedBy)];
}

function rowOf(ws: Workspace, p: ProposalDoc, file: string): ProposalRow {
  const decided = isDate(p.decided_on) ? p.decided_on : undefined;
  const implemented = isDate(p.implemented_on) ? p.implemented_on : undefined;
  let date = p.proposed_on;
  if (p.status === 'implemented') date = implemented ?? decided ?? p.proposed_on;
  else if (p.status === 'accepted' || p.status === 'in_progress' || p.status === 'rejected' || p.status === 'withdrawn') date = decided ?? p.proposed_on;
  const client = ws.get('project', p.project)?.value.client;
  const row: ProposalRow = {
    id: p.id,
    project: p.project,
    customer: typeof client === 'string' ? client : p.project,
    title: p.title,
    type: p.type,
    status: p.status,
    proposedBy: p.proposed_by,
    coAuthors: Array.isArray(p.co_authors) ? p.co_authors.filter((a): a is string => typeof a === 'string') : [],
    proposedOn: p.proposed_on,
    date,
    file,
  };
  if (typeof p.severity === 'string') row.severity = p.severity;
  if (typeof p.customer_value === 'string') row.customerValue = p.customer_value;
  if (decided) row.decidedOn = decided;
  if (implemented) row.implementedOn = implemented;
  return row;
}

function groupsOf(ws: Workspace, rows: readonly ProposalRow[], by: RegisterGroupBy, names: Record<string, string>): RegisterGroup[] {
  const groups = new Map<string, RegisterGroup>();
  const add = (key: string, name: string, row: ProposalRow, share: number) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, name, proposals: [], count: 0, implemented: 0, credit: 0 }));
    group.proposals.push(row.id);
    group.count++;
    if (row.status === 'implemented') group.implemented++;
    group.credit += share;
  };
  for (const row of rows) {
    if (by === 'project') add(row.project, row.customer, row, 1);
    else {
      const authors = authorsOf(row);
      for (const id of authors) add(id, names[id] ?? personName(ws, id), row, 1 / authors.length);
    }
  }
  for (const group of groups.values()) group.credit = Math.round(group.credit * 100) / 100;
  return [...groups.values()].sort((a, b) => compareText(a.key, b.key));
}

function personName(ws: Workspace, id: string): string {
  const name = ws.get('person', id)?.value.name;
  return typeof name === 'string' ? name : id;
}

