// How current each project document is: reviewed within its interval (`review_every`, else the
// workspace's `doc_review_every`, else 180 days), overdue, or never reviewed. The `stale-doc`
// rule reports from it, `tam review` compares it before and after, `tam docs` tabulates it.
//
// A review is dated, not timed: its next review falls due on the date the interval reaches
// (`reviewed` + 180 days), and the document is stale from the start of that day as the
// workspace's zone counts days (in Moscow at 00:30, not at 03:00 when UTC's date turns).

import { workspaceToday } from '../schedule/workspace-schedule';
import { dateToUtcMs, daysBetween, isDate, utcMsToDate } from '../time/dates';
import { elapsedMs } from '../time/duration';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';

const DEFAULT_REVIEW_EVERY = '180d';

/** `unknown`: the interval or the review date does not read (the schema reports it). */
export type Freshness = 'fresh' | 'stale' | 'never-reviewed' | 'unknown';

export interface DocFreshness {
  project: string;
  /** Position of the entry in the project's `docs` list. */
  index: number;
  /** `path`, else `title`, else "document N": how the entry is told apart from the others. */
  key: string;
  path: string | null;
  title: string;
  owner: string | null;
  reviewed: string | null;
  reviewEvery: string;
  /** The date its next review is due. */
  dueOn: string | null;
  /** Days from the last review to today, in the workspace's zone. */
  daysSinceReview: number | null;
  state: Freshness;
}

export function docFreshness(ws: Workspace, project: Entity, now: number): DocFreshness[] {
  const docs: unknown = project.value.docs;
  if (!Array.isArray(docs)) return [];
  const today = workspaceToday(ws, now);
  const fallback = typeof ws.config.doc?.doc_review_every === 'string' ? ws.config.doc.doc_review_every : DEFAULT_REVIEW_EVERY;
  const out: DocFreshness[] = [];
  docs.forEach((doc, index) => {
    if (typeof doc !== 'object' || doc === null) return;
    const path = text(doc.path);
    const title = text(doc.title) ?? path ?? `document ${index + 1}`;
    const reviewEvery = typeof doc.review_every === 'string' ? doc.review_every : fallback;
    const reviewed = text(doc.reviewed);
    const interval = elapsedMs(reviewEvery);
    let state: Freshness = 'unknown';
    let dueOn: string | null = null;
    if (interval !== undefined && reviewed === null) state = 'never-reviewed';
    else if (interval !== undefined && isDate(reviewed)) {
      dueOn = utcMsToDate(dateToUtcMs(reviewed) + interval);
      state = dueOn > today ? 'fresh' : 'stale';
    }
    const daysSinceReview = isDate(reviewed) ? daysBetween(reviewed, today) : null;
    out.push({ project: project.id, index, key: path ?? title, path, title, owner: text(doc.owner), reviewed, reviewEvery, dueOn, daysSinceReview, state });
  });
  return out;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value);
}
