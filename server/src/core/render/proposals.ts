// `tam proposals` output: the register (proposals/register.ts) as a terminal table, GitHub
// Markdown, CSV and JSON. With --by person each proposal is a line per author with their share,
// followed by the totals per engineer a bonus committee adds up; with --by project, per project.

import { authorsOf, type ProposalRegister, type ProposalRow, type RegisterGroup } from '../proposals/register';
import { csvCell, markdownText } from '../text/shown';
import { table } from './markdown';
import { alignedColumns, type TextColumn } from './text-table';
import { compareText } from '../text/order';

/** A line of the register: a proposal, and with --by person one of its authors. */
interface Line {
  row: ProposalRow;
  /** The author this line credits (--by person). */
  author?: string;
  share?: number;
}

function linesOf(register: ProposalRegister): Line[] {
  if (register.by !== 'person') {
    const lines = register.rows.map((row) => ({ row }));
    return register.by === 'project' ? lines.sort((a, b) => compareText(a.row.project, b.row.project)) : lines;
  }
  const lines: Line[] = [];
  for (const row of register.rows) {
    const authors = authorsOf(row);
    for (const author of authors) lines.push({ row, author, share: 1 / authors.length });
  }
  return lines.sort((a, b) => compareText(a.author!, b.author!));
}

function columns(register: ProposalRegister): TextColumn<Line>[] {
  const name = (id: string) => register.names[id] ?? id;
  const common: TextColumn<Line>[] = [
    { title: 'Date', value: (l) => l.row.date },
    { title: 'Proposal', value: (l) => l.row.id },
    { title: 'Customer', value: (l) => l.row.customer },
    { title: 'Type', value: (l) => l.row.type },
    { title: 'Severity', value: (l) => l.row.severity ?? '-' },
    { title: 'Status', value: (l) => l.row.status },
  ];
  if (register.by === 'person') {
    return [
      { title: 'Engineer', value: (l) => `${name(l.author!)} (${l.author})` },
      ...common,
      { title: 'Share', value: (l) => shareText(l.share!), right: true },
      { title: 'Title', value: (l) => l.row.title },
    ];
  }
  const by: TextColumn<Line> = { title: 'Proposed by', value: (l) => authorsOf(l.row).map(name).join(', ') };
  const value: TextColumn<Line> = { title: 'Customer value', value: (l) => l.row.customerValue ?? '-' };
  if (register.by === 'project') return [{ title: 'Project', value: (l) => l.row.project }, ...common, by, { title: 'Title', value: (l) => l.row.title }, value];
  return [...common, { title: 'Project', value: (l) => l.row.project }, by, { title: 'Title', value: (l) => l.row.title }, value];
}

function totalColumns(register: ProposalRegister): TextColumn<RegisterGroup>[] {
  const person = register.by === 'person';
  const out: TextColumn<RegisterGroup>[] = [
    { title: person ? 'Engineer' : 'Project', value: (g) => (person ? `${g.name} (${g.key})` : g.key) },
  ];
  if (!person) out.push({ title: 'Customer', value: (g) => g.name });
  out.push({ title: 'Proposals', value: (g) => String(g.count), right: true }, { title: 'Implemented', value: (g) => String(g.implemented), right: true });
  if (person) out.push({ title: 'Credit', value: (g) => shareText(g.credit), right: true });
  return out;
}

function heading(register: ProposalRegister): string {
  let period = '';
  if (register.from && register.to) period = `${register.from} to ${register.to}`;
  else if (register.from) period = `on or after ${register.from}`;
  else if (register.to) period = `on or before ${register.to}`;
  const what = register.status ? [register.status.replace('_', ' '), period] : [period ? `dated ${period}` : ''];
  return `${['Proposals', ...what].filter(Boolean).join(' ')}${register.by ? `, by ${register.by}` : ''}: ${register.rows.length}`;
}

function totalsHeading(register: ProposalRegister): string {
  return register.by === 'person' ? 'Totals per engineer (a proposal of n authors credits each with 1/n)' : 'Totals per project';
}

export function renderProposalsText(register: ProposalRegister): string {
  const out = [heading(register), ''];
  if (register.rows.length === 0) return out.join('\n') + '\n';
  out.push(...alignedColumns(columns(register), linesOf(register)));
  if (register.by) out.push('', totalsHeading(register), '', ...alignedColumns(totalColumns(register), register.groups));
  return out.join('\n') + '\n';
}

export function renderProposalsMarkdown(register: ProposalRegister): string {
  const out = [`### ${markdownText(heading(register))}`, ''];
  if (register.rows.length === 0) return out.join('\n') + '\n';
  const md = <T>(cols: TextColumn<T>[], rows: readonly T[]) =>
    table(
      cols.map((c) => c.title),
      rows.map((r) => cols.map((c) => markdownText(c.value(r)))),
      cols.flatMap((c, i) => (c.right ? [i] : [])),
    );
  out.push(...md(columns(register), linesOf(register)));
  if (register.by) out.push('', `#### ${markdownText(totalsHeading(register))}`, '', ...md(totalColumns(register), register.groups));
  return out.join('\n') + '\n';
}

/** One row per line of the register (per author with --by person), for a spreadsheet. */
export function renderProposalsCsv(register: ProposalRegister): string {
  const header = ['group', 'id', 'project', 'customer', 'title', 'type', 'severity', 'status', 'date', 'proposed_by', 'co_authors', 'share', 'proposed_on', 'decided_on', 'implemented_on', 'customer_value', 'file'];
  const rows = linesOf(register).map(({ row, author, share }) => [
    author ?? (register.by === 'project' ? row.project : ''),
    row.id,
    row.project,
    row.customer,
    row.title,
    row.type,
    row.severity ?? '',
    row.status,
    row.date,
    row.proposedBy,
    row.coAuthors.join(' '),
    share === undefined ? '' : Math.round(share * 100) / 100,
    row.proposedOn,
    row.decidedOn ?? '',
    row.implementedOn ?? '',
    row.customerValue ?? '',
    row.file,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

export interface ProposalsJson {
  status: string | null;
  from: string | null;
  to: string | null;
  by: string | null;
  proposals: ProposalRow[];
  groups: RegisterGroup[];
}

export function proposalsJson(register: ProposalRegister): ProposalsJson {
  return {
    status: register.status ?? null,
    from: register.from ?? null,
    to: register.to ?? null,
    by: register.by ?? null,
    proposals: register.rows,
    groups: register.groups,
  };
}

function shareText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

