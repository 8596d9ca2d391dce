// stale-doc: a project's documentation entry whose last review is older than its review
// interval (`review_every`, else the workspace's `doc_review_every`, else 180 days), or that
// was never reviewed.

import { docFreshness } from '../project/doc-freshness';
import type { Rule } from './rule';

export const staleDoc: Rule = {
  id: 'stale-doc',
  defaultSeverity: 'warning',
  description: 'A project document has not been reviewed within its review interval.',
  kinds: ['project'],
  check(entity, ctx) {
    // Stale from the day after the due date, in the workspace's zone: the same all day.
    ctx.dependsOnNow('day');
    for (const doc of docFreshness(ctx.ws, entity, ctx.nowUntracked)) {
      if (doc.state === 'never-reviewed') {
        ctx.report({
          code: 'stale-doc',
          at: { file: entity.file, doc: entity.doc, path: ['docs', doc.index], part: 'key' },
          message: `"${doc.title}" has never been reviewed: add "reviewed:" with the date of its last review`,
        });
      } else if (doc.state === 'stale') {
        ctx.report({
          code: 'stale-doc',
          at: { file: entity.file, doc: entity.doc, path: ['docs', doc.index, 'reviewed'] },
          message: `"${doc.title}" was last reviewed ${doc.reviewed}, ${doc.daysSinceReview} days ago; it is reviewed every ${doc.reviewEvery}, so it was due on ${doc.dueOn}`,
        });
      }
    }
  },
};
