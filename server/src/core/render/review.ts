// `tam review` output: the review (review/review.ts) as a pull-request comment in GitHub
// Markdown — a summary line, one section per kind of change, tables, Mermaid graphs of the
// changed chains, long lists collapsed — and as JSON (the Review object as it is).
// Every value from the workspace goes through markdownText or markdownCode (core/text/shown).

import type { ChainChange, ChainForecastState, TaskSummary } from '../review/chains';
import type { FieldChange, ValueChange } from '../review/compare';
import type { ReviewDiagnostic } from '../review/diagnostics';
import type { DocumentChange } from '../review/documents';
import type { ClockName, ClockSnapshot, IncidentChange } from '../review/incidents';
import type { ActionItemSummary, PostmortemChange } from '../review/postmortems';
import type { Review } from '../review/review';
import { formatMinutes } from '../time/duration';
import { wallClock } from '../time/zone';
import { htmlText, markdownCode, markdownText } from '../text/shown';
import { details, mermaidBlock, plural, table } from './markdown';

/** A hidden line that marks the comment, so a workflow can find and update its own comment. */
export const REVIEW_MARKER = '<!-- tam-review -->';

/** GitHub refuses comments over 65 536 characters. */
export const COMMENT_LIMIT = 65_000;

/** Lists longer than this are collapsed. */
const LONG = 10;

export interface ReviewMarkdownOptions {
  /** Include Mermaid graphs of changed chains (default true; left out when the comment would be too long). */
  graphs?: boolean;
  /** Longest comment to produce (default COMMENT_LIMIT). */
  maxLength?: number;
}

/** `tam review --format json`: the review as it is; its shape is the `Review` type. */
export function reviewJson(review: Review): Review {
  return review;
}

export function renderReviewMarkdown(review: Review, options: ReviewMarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? COMMENT_LIMIT;
  let text = render(review, options.graphs ?? true, false);
  if (text.length > maxLength && options.graphs !== false) text = render(review, false, true);
  if (text.length > maxLength) {
    const note = '\n\n_The review is too long for one comment and was cut here; run `tam review` locally to read all of it._\n';
    const cut = text.lastIndexOf('\n', maxLength - note.length);
    text = text.slice(0, cut > 0 ? cut : maxLength - note.length) + note;
  }
  return text;
}

function render(review: Review, graphs: boolean, graphsDropped: boolean): string {
  const lines: string[] = [REVIEW_MARKER, '## TAM review', ''];
  const base = `${markdownCode(review.base.ref)} (${markdownCode(review.base.commit.slice(0, 7))})`;
  if (!review.summary.changed) {
    lines.push(`**No changes in meaning** since ${base}.`);
    const n = fileCount(review);
    if (n) lines.push('', `${plural(n, 'workspace file')} changed, but no chain, incident, postmortem, proposal, document, entity or diagnostic reads differently (comments, formatting or order only).`);
    lines.push('', footer(review));
    return lines.join('\n') + '\n';
  }
  lines.push(summaryLine(review, base), '');
  if (graphsDropped) lines.push('_Graphs are left out: with them this comment would be too long for GitHub._', '');
  if (review.chains.length) lines.push(...chainSection(review.chains, graphs), '');
  if (review.incidents.length) lines.push(...incidentSection(review.incidents), '');
  if (review.postmortems.length) lines.push(...postmortemSection(review.postmortems), '');
  if (review.proposals.length) lines.push(...proposalSection(review), '');
  if (review.documents.length) lines.push(...documentSection(review.documents), '');
  if (review.entities.length) lines.push(...entitySection(review), '');
  if (review.diagnostics.introduced.length || review.diagnostics.fixed.length) lines.push(...diagnosticSection(review), '');
  lines.push(footer(review));
  return lines.join('\n') + '\n';
}

function fileCount(review: Review): number {
  const f = review.files;
  return f.added.length + f.removed.length + f.modified.length + f.renamed.length;
}

function summaryLine(review: Review, base: string): string {
  const s = review.summary;
  const parts = [
    s.chains && plural(s.chains, 'chain'),
    s.incidents && plural(s.incidents, 'incident'),
    s.postmortems && plural(s.postmortems, 'postmortem'),
    s.proposals && plural(s.proposals, 'proposal'),
    s.documents && plural(s.documents, 'document'),
    s.entities && plural(s.entities, 'other entity', 'other entities'),
  ].filter(Boolean);
  const alerts = [
    s.chainsBecomingLate && `⚠️ ${plural(s.chainsBecomingLate, 'chain becomes', 'chains become')} late`,
    s.breachesIntroduced && `⚠️ ${plural(s.breachesIntroduced, 'SLA breach', 'SLA breaches')} introduced`,
    s.errorsIntroduced && `❌ ${plural(s.errorsIntroduced, 'error')} introduced`,
  ].filter(Boolean);
  let diagnostics = '';
  if (s.diagnosticsIntroduced || s.diagnosticsFixed) {
    diagnostics = `diagnostics: ${s.diagnosticsIntroduced} introduced, ${s.diagnosticsFixed} fixed`;
  }
  const changed = parts.length ? `**${parts.join(', ')}** changed` : 'no entity changed';
  return `Changes in meaning since ${base}: ${[changed, ...alerts, diagnostics].filter(Boolean).join(' · ')}.`;
}

function footer(review: Review): string {
  const f = review.files;
  const files = [
    f.modified.length && `${f.modified.length} modified`,
    f.added.length && `${f.added.length} added`,
    f.removed.length && `${f.removed.length} removed`,
    f.renamed.length && `${f.renamed.length} renamed`,
  ].filter(Boolean);
  const when = `${wallClock(Date.parse(review.now), review.zone)} (${markdownText(review.zone)})`;
  return `<sub>Workspace files: ${files.length ? files.join(', ') : 'none changed'}. Forecasts and SLA clocks are computed at ${when} on both sides. Generated by tam review.</sub>`;
}

// ---------------------------------------------------------------------------------------
// Values

const NONE = '—';

function text(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? NONE : markdownText(value);
}

function words(value: string | null | undefined): string {
  return text(value?.replace(/_/g, ' '));
}

function arrow(before: string, after: string): string {
  return `${before} → ${after}`;
}

function fieldText(change: FieldChange): string {
  const name = change.field.replace(/_/g, ' ');
  if (Array.isArray(change.before) || Array.isArray(change.after)) {
    const b = new Set(Array.isArray(change.before) ? change.before : []);
    const a = new Set(Array.isArray(change.after) ? change.after : []);
    const added = [...a].filter((x) => !b.has(x)).map((x) => `+${markdownCode(x)}`);
    const removed = [...b].filter((x) => !a.has(x)).map((x) => `−${markdownCode(x)}`);
    return `${name}: ${[...added, ...removed].join(' ') || 'reordered'}`;
  }
  const show = change.field === 'status' ? words : text;
  return `${name}: ${arrow(show(change.before as string | null), show(change.after as string | null))}`;
}

const CHANGE_WORD = { added: 'new', removed: 'removed', changed: 'changed' } as const;

// ---------------------------------------------------------------------------------------
// Chains

function chainSection(chains: ChainChange[], graphs: boolean): string[] {
  const lines = [`### Task chains (${chains.length})`];
  for (const chain of chains) {
    lines.push('', `#### ${markdownCode(chain.id)} ${markdownText(chain.title)} · ${CHANGE_WORD[chain.change]}`, '');
    lines.push(`${chain.project ? `Project ${markdownCode(chain.project)} · ` : ''}${markdownCode(chain.file)}`, '');
    for (const f of chain.fields.filter((f) => f.field !== 'deadline')) lines.push(`- ${fieldText(f)}`);
    if (chain.fields.some((f) => f.field !== 'deadline')) lines.push('');
    lines.push(...forecastLines(chain), '');
    lines.push(...taskLines(chain));
    if (graphs && chain.graph) {
      const outline = chain.change === 'changed' && chain.tasks.added.length + chain.tasks.changed.length > 0 ? ' (added or edited tasks outlined in purple)' : '';
      lines.push('', ...details(`Task graph of ${htmlText(chain.id)} after the change${outline}`, mermaidBlock(chain.graph)));
    }
  }
  return lines;
}

function lateText(state: ChainForecastState | null): string {
  if (!state) return NONE;
  if (state.cycle) return 'no forecast (dependency cycle)';
  if (!state.deadline) return 'no deadline';
  return state.late ? `**late by ${plural(state.lateByWorkingDays, 'working day')}**` : 'on time';
}

function pathText(state: ChainForecastState | null): string {
  if (!state) return NONE;
  return state.criticalPath.length ? state.criticalPath.map(markdownCode).join(' → ') : NONE;
}

function forecastLines(chain: ChainChange): string[] {
  const { before, after } = chain.forecast;
  const deadline = chain.fields.find((f) => f.field === 'deadline');
  if (chain.change !== 'changed' || !before || !after) {
    const state = chain.change === 'removed' ? before : after;
    if (!state) return ['_No forecast: the chain has schema errors (see the diagnostics below)._'];
    const verb = chain.change === 'removed' ? 'Was forecast to finish' : 'Forecast to finish';
    const finish = state.cycle ? 'never (dependency cycle)' : text(state.forecastFinish);
    const note = chain.change === 'changed' ? ' (no forecast before the change: the chain had schema errors)' : '';
    return [`${verb} ${finish}; deadline ${text(state.deadline)}: ${lateText(state)}. Critical path: ${pathText(state)}.${note}`];
  }
  const row = (name: string, b: string, a: string): string[] => [name, b, a, b === a ? '' : 'changed'];
  const rows = [
    row('Deadline', text(deadline ? (deadline.before as string | null) : before.deadline), text(deadline ? (deadline.after as string | null) : after.deadline)),
    row('Forecast finish', text(before.forecastFinish), text(after.forecastFinish)),
    row('Lateness', lateText(before), lateText(after)),
    row('Critical path', pathText(before), pathText(after)),
  ];
  return table(['', 'Before', 'After', ''], rows);
}

function taskSummaryText(t: TaskSummary): string {
  return [text(t.department), words(t.status), t.estimate ? markdownText(t.estimate) : '', t.assignee ? `assignee ${markdownCode(t.assignee)}` : '']
    .filter(Boolean)
    .join(', ');
}

function taskLines(chain: ChainChange): string[] {
  const rows: string[][] = [];
  const title = (id: string, t: string) => `${markdownCode(id)} ${t === id ? '' : markdownText(t)}`.trim();
  for (const t of chain.tasks.added) rows.push([title(t.id, t.title), `${chain.change === 'added' ? '' : '**added**: '}${taskSummaryText(t)}`]);
  for (const t of chain.tasks.changed) {
    // Another person is "re-assigned"; another department is the work "moved" between teams.
    const moved = t.changes.some((c) => c.field === 'department') ? '**moved to another department**; ' : '';
    const reassigned = t.changes.some((c) => c.field === 'assignee') ? '**re-assigned**; ' : '';
    rows.push([title(t.id, t.title), moved + reassigned + t.changes.map(fieldText).join('; ')]);
  }
  for (const t of chain.tasks.removed) rows.push([title(t.id, t.title), `${chain.change === 'removed' ? '' : '**removed** '}(${taskSummaryText(t)})`]);
  if (!rows.length) return chain.change === 'changed' ? ['_No task of this chain changed; its forecast moved with other chains or calendars._'] : [];
  const heading = chain.change === 'added' ? 'Tasks' : chain.change === 'removed' ? 'Tasks removed' : 'Task';
  const body = table([heading, chain.change === 'changed' ? 'Change' : 'Department, status, estimate'], rows);
  return rows.length > LONG ? details(`${plural(rows.length, 'task')}`, body) : body;
}

// ---------------------------------------------------------------------------------------
// Incidents

function clockText(c: ClockSnapshot | null): string {
  if (!c) return NONE;
  const target = c.targetMinutes === null ? '' : ` / ${formatMinutes(c.targetMinutes)}`;
  const state = c.state === 'breached' ? '**breached**' : c.state;
  return `${state} ${formatMinutes(c.elapsedMinutes)}${target}`;
}

function clockCell(i: IncidentChange, name: ClockName): string {
  const clock: ValueChange<ClockSnapshot | null> = i.clocks[name];
  if (i.change === 'removed') return clockText(clock.before);
  if (i.clockStatesChanged.includes(name)) return arrow(clockText(clock.before), clockText(clock.after));
  return clockText(clock.after);
}

function incidentSection(incidents: IncidentChange[]): string[] {
  const rows = incidents.map((i) => {
    const status = i.change === 'changed' && i.status.before !== i.status.after ? arrow(words(i.status.before ?? 'opened'), words(i.status.after ?? 'opened')) : words(i.status.after ?? i.status.before ?? 'opened');
    const notes: string[] = [];
    if (i.change !== 'changed') notes.push(`**${CHANGE_WORD[i.change]}**`);
    for (const f of i.fields) notes.push(fieldText(f));
    const added = i.timelineEntries.after - i.timelineEntries.before;
    if (i.change === 'changed' && added) notes.push(`${added > 0 ? '+' : '−'}${plural(Math.abs(added), 'timeline entry', 'timeline entries')}`);
    if (i.breachesIntroduced.length) notes.push(`⚠️ ${i.breachesIntroduced.join(' and ')} SLA breached`);
    if (i.breachesRemoved.length) notes.push(`✅ ${i.breachesRemoved.join(' and ')} no longer breached`);
    return [`${markdownCode(i.id)} ${markdownText(i.title)}`, text(i.priority), status, clockCell(i, 'response'), clockCell(i, 'resolution'), notes.join('; ')];
  });
  const body = table(['Incident', 'Priority', 'Status', 'Response', 'Resolution', 'Change'], rows);
  return [`### Incidents (${incidents.length})`, '', ...(rows.length > LONG ? details(plural(rows.length, 'incident'), body) : body)];
}

// ---------------------------------------------------------------------------------------
// Postmortems

function postmortemSection(postmortems: PostmortemChange[]): string[] {
  const rows = postmortems.map((p) => {
    const notes: string[] = [];
    if (p.change !== 'changed') notes.push(`**${CHANGE_WORD[p.change]}**`);
    if (p.publishedNow) notes.push(`**published** ${text(p.published.after)}`);
    else if (p.published.before !== p.published.after) notes.push(`published: ${arrow(text(p.published.before), text(p.published.after))}`);
    else if (p.change === 'added') notes.push('not published yet');
    const items = p.actionItems;
    if (items.opened.length) notes.push(`${plural(items.opened.length, 'action item')} opened`);
    if (items.closed.length) notes.push(`${plural(items.closed.length, 'action item')} closed`);
    if (items.removed.length) notes.push(`${plural(items.removed.length, 'action item')} removed`);
    if (p.edited.length) notes.push(`edited: ${p.edited.map((f) => f.replace(/_/g, ' ')).join(', ')}`);
    return [markdownCode(p.id), p.incident ? markdownCode(p.incident) : NONE, notes.join('; ')];
  });
  const lines = [`### Postmortems (${postmortems.length})`, '', ...table(['Postmortem', 'Incident', 'Change'], rows)];
  const itemRows: string[][] = [];
  const itemRow = (p: PostmortemChange, item: ActionItemSummary, change: string) => [
    `${markdownCode(p.id)} / ${markdownCode(item.id)} ${markdownText(item.title)}`,
    item.owner ? markdownCode(item.owner) : NONE,
    text(item.due),
    change,
  ];
  for (const p of postmortems) {
    for (const item of p.actionItems.opened) itemRows.push(itemRow(p, item, item.was === null ? 'opened' : `reopened (was ${words(item.was)})`));
    for (const item of p.actionItems.closed) itemRows.push(itemRow(p, item, item.was === null ? 'added as done' : '**closed**'));
    for (const item of p.actionItems.removed) itemRows.push(itemRow(p, item, `removed (was ${words(item.was)})`));
  }
  if (itemRows.length) {
    const body = table(['Action item', 'Owner', 'Due', 'Change'], itemRows);
    lines.push('', ...(itemRows.length > LONG ? details(plural(itemRows.length, 'action item'), body) : body));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------
// Proposals, documents, other entities

function proposalSection(review: Review): string[] {
  const rows = review.proposals.map((p) => {
    const status = p.change === 'changed' && p.status.before !== p.status.after ? arrow(words(p.status.before), `**${words(p.status.after)}**`) : words(p.status.after ?? p.status.before);
    const notes = [p.change !== 'changed' ? `**${CHANGE_WORD[p.change]}**` : '', ...p.fields.map(fieldText)].filter(Boolean);
    return [`${markdownCode(p.id)} ${markdownText(p.title)}`, p.project ? markdownCode(p.project) : NONE, words(p.type), status, notes.join('; ')];
  });
  const body = table(['Proposal', 'Project', 'Type', 'Status', 'Change'], rows);
  return [`### Proposals and risks (${rows.length})`, '', ...(rows.length > LONG ? details(plural(rows.length, 'proposal'), body) : body)];
}

const FRESHNESS: Record<string, string> = { fresh: 'current', stale: '**stale**', 'never-reviewed': '**never reviewed**', unknown: 'unknown' };

function documentSection(documents: DocumentChange[]): string[] {
  const rows = documents.map((d) => {
    let change: string = CHANGE_WORD[d.change];
    if (d.change === 'changed') {
      const notes: string[] = [];
      if (d.reviewed.after && d.reviewed.before !== d.reviewed.after) notes.push(`reviewed ${text(d.reviewed.after)}${d.reviewed.before ? ` (was ${text(d.reviewed.before)})` : ''}`);
      if (d.reviewEvery.before !== d.reviewEvery.after) notes.push(`review every ${arrow(text(d.reviewEvery.before), text(d.reviewEvery.after))}`);
      if (d.freshness.before !== d.freshness.after) notes.push(d.freshness.after === 'stale' ? '⚠️ went stale' : d.freshness.after === 'fresh' ? '✅ now current' : `now ${FRESHNESS[d.freshness.after ?? 'unknown']}`);
      change = notes.join('; ') || 'review date removed';
    }
    const freshness = FRESHNESS[d.freshness.after ?? d.freshness.before ?? 'unknown'] ?? 'unknown';
    const due = d.dueOn.after ?? d.dueOn.before;
    return [markdownCode(d.project), `${markdownText(d.title)}${d.path && d.path !== d.title ? ` (${markdownCode(d.path)})` : ''}`, `${freshness}${due ? `, next review ${due}` : ''}`, change];
  });
  const body = table(['Project', 'Document', 'State', 'Change'], rows);
  return [`### Documentation (${rows.length})`, '', ...(rows.length > LONG ? details(plural(rows.length, 'document'), body) : body)];
}

function entitySection(review: Review): string[] {
  const rows = review.entities.map((e) => [
    e.kind,
    `${e.kind === 'workspace' ? markdownCode('tam.yaml') : markdownCode(e.id)}${e.name ? ` ${markdownText(e.name)}` : ''}`,
    e.change === 'changed' ? `changed: ${e.fields.map((f) => markdownCode(f)).join(', ')}` : `**${CHANGE_WORD[e.change]}**`,
  ]);
  const body = table(['Kind', 'Entity', 'Change'], rows);
  return [`### Organisation and settings (${rows.length})`, '', ...(rows.length > LONG ? details(plural(rows.length, 'entity', 'entities'), body) : body)];
}

// ---------------------------------------------------------------------------------------
// Diagnostics

const SEVERITY: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

function diagnosticTable(list: ReviewDiagnostic[]): string[] {
  return table(
    ['Severity', 'Rule', 'Where', 'Message'],
    list.map((d) => [SEVERITY[d.severity] ?? d.severity, markdownCode(d.code), markdownCode(`${d.file}:${d.line}`), markdownText(d.message)]),
  );
}

function diagnosticSection(review: Review): string[] {
  const { introduced, fixed } = review.diagnostics;
  const lines = ['### Diagnostics'];
  if (introduced.length) {
    const body = diagnosticTable(introduced);
    lines.push('', `#### Introduced by this change (${introduced.length})`, '', ...(introduced.length > LONG ? details(plural(introduced.length, 'diagnostic'), body) : body));
  }
  if (fixed.length) {
    const body = diagnosticTable(fixed);
    lines.push('', `#### Fixed by this change (${fixed.length})`, '', ...(fixed.length > LONG ? details(plural(fixed.length, 'diagnostic'), body) : body));
  }
  return lines;
}
