// The agenda's review items: project documents whose review falls due within the days ahead, is
// overdue or never happened (doc-review-due, from doc-freshness.ts), and proposals that have
// waited longer than `agenda.decision_wait_days` for the customer's decision (decision-waiting).

import type { ProposalDoc } from '../model';
import { docFreshness } from '../project/doc-freshness';
import { dayNumber, daysBetween, isDate, relativeDays } from '../time/dates';
import type { AgendaContext, AgendaItem } from './agenda';

export function reviewItems(ctx: AgendaContext): AgendaItem[] {
  return [...documentItems(ctx), ...decisionItems(ctx)];
}

function documentItems(ctx: AgendaContext): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const project of ctx.ws.entities('project')) {
    if (!project.valid || !ctx.covers(project, project.id)) continue;
    for (const doc of docFreshness(ctx.ws, project, ctx.now)) {
      const ownerName = doc.owner ? ctx.ws.get('person', doc.owner)?.value.name : undefined;
      const owner = doc.owner ? `; owner ${typeof ownerName === 'string' ? ownerName : doc.owner}` : '';
      if (doc.state === 'never-reviewed') {
        items.push({
          type: 'doc-review-due',
          project: project.id,
          id: doc.key,
          at: { file: project.file, doc: project.doc, path: ['docs', doc.index], part: 'key' },
          message: `"${doc.title}" has never been reviewed (it is reviewed every ${doc.reviewEvery})${owner}`,
          summary: 'never reviewed',
          rank: Number.MIN_SAFE_INTEGER,
          overdue: true,
        });
        continue;
      }
      if (doc.dueOn === null || doc.state === 'unknown') continue;
      const days = daysBetween(ctx.today, doc.dueOn);
      if (days > ctx.settings.days) continue;
      items.push({
        type: 'doc-review-due',
        project: project.id,
        id: doc.key,
        at: { file: project.file, doc: project.doc, path: ['docs', doc.index, 'reviewed'] },
        when: doc.dueOn,
        message: `"${doc.title}" ${doc.state === 'stale' ? 'was' : 'is'} due for review ${doc.dueOn}, ${relativeDays(days)} (last reviewed ${doc.reviewed}, every ${doc.reviewEvery})${owner}`,
        summary: days < 0 ? `review overdue by ${-days} day${days === -1 ? '' : 's'}` : `review due ${relativeDays(days)}`,
        rank: dayNumber(doc.dueOn)!,
        overdue: doc.state === 'stale',
      });
    }
  }
  return items;
}

function decisionItems(ctx: AgendaContext): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const proposal of ctx.ws.entities('proposal')) {
    const p = proposal.value as ProposalDoc;
    if (!proposal.valid || p.status !== 'proposed' || !isDate(p.proposed_on) || !ctx.covers(proposal, p.project)) continue;
    const waited = daysBetween(p.proposed_on, ctx.today);
    if (waited <= ctx.settings.decisionWaitDays) continue;
    const by = ctx.ws.get('person', p.proposed_by)?.value.name;
    const severity = p.type === 'risk' && typeof p.severity === 'string' ? ` (severity ${p.severity})` : '';
    items.push({
      type: 'decision-waiting',
      project: p.project,
      id: proposal.id,
      at: { file: proposal.file, doc: proposal.doc, path: ['status'] },
      when: p.proposed_on,
      message: `${p.type} "${p.title}"${severity} has waited ${waited} days for the customer's decision: proposed ${p.proposed_on} by ${typeof by === 'string' ? by : p.proposed_by}`,
      summary: `waiting ${waited} days for a decision`,
      // The longest waiting first.
      rank: dayNumber(p.proposed_on)!,
    });
  }
  return items;
}
