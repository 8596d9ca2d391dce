// The job summary the GitHub Action writes: what the check found, the SLA table of `tam sla`,
// and the chains forecast to miss their deadline. Every text from the workspace becomes Markdown
// through core/text/shown.ts; the SLA table and the review come already escaped from their own
// renderers.

import type { ValidationSummary } from '../core/render/diagnostics-json';
import { plural, table } from '../core/render/markdown';
import type { PlanJsonChain } from '../core/render/plan';
import { isLateChain } from '../core/schedule/forecast';
import { byId } from '../core/text/order';
import { markdownCode as code, markdownText } from '../core/text/shown';

export interface JobSummary {
  /** The workspace folder as the workflow named it. */
  path: string;
  counts: ValidationSummary;
  /** `tam sla --format markdown`. */
  sla: string;
  chains: readonly PlanJsonChain[];
  /** `tam review`, on pull requests. */
  review?: string;
  /** Why the review is missing on a pull request, when it is. */
  reviewSkipped?: string;
}

/** GitHub drops a step's summary over 1 MiB; a workspace with thousands of breaches could reach it. */
export const SUMMARY_LIMIT = 1_000_000;

export function renderJobSummary(s: JobSummary, maxLength = SUMMARY_LIMIT): string {
  const lines = [`## TAM Workbench: ${code(s.path)}`, '', verdict(s.counts), ''];
  lines.push(...table(['', 'Count'], [
    ['Files', String(s.counts.files)],
    ['Entities', String(s.counts.entities)],
    ['Errors', String(s.counts.errors)],
    ['Warnings', String(s.counts.warnings)],
    ['Info', String(s.counts.infos)],
  ], [1]));
  lines.push('', s.sla.trimEnd(), '');
  lines.push(...lateChains(s.chains), '');
  if (s.review) lines.push(s.review.trimEnd(), '');
  else if (s.reviewSkipped) lines.push(`_No review of this pull request: ${markdownText(s.reviewSkipped)}_`, '');
  const text = lines.join('\n') + '\n';
  if (Buffer.byteLength(text) <= maxLength) return text;
  const note = '\n\n_The summary is too long for GitHub and was cut here; run `tam sla` and `tam plan` for all of it._\n';
  const head = Buffer.from(text).subarray(0, maxLength - Buffer.byteLength(note)).toString('utf8');
  return head.slice(0, head.lastIndexOf('\n')) + note;
}

function verdict(c: ValidationSummary): string {
  const where = `in ${plural(c.files, 'file')} (${plural(c.entities, 'entity', 'entities')})`;
  if (c.errors) return `❌ **${plural(c.errors, 'error')}**, ${plural(c.warnings, 'warning')} ${where}.`;
  if (c.warnings) return `⚠️ **${plural(c.warnings, 'warning')}**, no errors ${where}.`;
  return `✅ **No problems** ${where}.`;
}

/** The chains still in progress forecast to finish after their deadline, latest first. */
function lateChains(chains: readonly PlanJsonChain[]): string[] {
  const late = chains.filter(isLateChain).sort((a, b) => b.lateByWorkingDays - a.lateByWorkingDays || byId(a, b));
  const heading = `### Late chains (${late.length})`;
  if (!late.length) return [heading, '', 'No chain is forecast to finish after its deadline.'];
  const rows = late.map((c) => [
    code(c.id),
    markdownText(c.title),
    code(c.deadline ?? ''),
    code(c.forecastFinish ?? ''),
    plural(c.lateByWorkingDays, 'working day'),
    c.waitingOn.map((w) => `${code(w.department)}: ${code(w.task)}${w.daysOverdue > 0 ? ` (${plural(w.daysOverdue, 'day')} overdue)` : ''}`).join('<br>') || '—',
  ]);
  return [heading, '', ...table(['Chain', 'Title', 'Deadline', 'Forecast', 'Late by', 'Waiting on'], rows, [4])];
}
