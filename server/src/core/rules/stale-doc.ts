// stale-doc: a project's documentation entry whose last review is older than its review
// interval (`review_every`, else the workspace's `doc_review_every`, else 180 days).

import { elapsedMs } from '../time/duration';
import { dateToUtcMs, isDate, utcMsToDate } from '../time/timestamp';
import type { Rule } from './rule';

const DEFAULT_REVIEW_EVERY = '180d';
const DAY = 86_400_000;

export const staleDoc: Rule = {
  id: 'stale-doc',
  defaultSeverity: 'warning',
  description: "A project document has not been reviewed within its review interval.",
  kinds: ['project'],
  check(entity, ctx) {
    const docs: unknown = entity.value.docs;
    if (!Array.isArray(docs)) return;
    const fallback = ctx.ws.config.doc?.doc_review_every ?? DEFAULT_REVIEW_EVERY;
    docs.forEach((doc, index) => {
      if (typeof doc !== 'object' || doc === null) return;
      const name = doc.title ?? doc.path ?? `document ${index + 1}`;
      const every = typeof doc.review_every === 'string' ? doc.review_every : fallback;
      const interval = elapsedMs(every);
      if (interval === undefined) return;
      if (doc.reviewed === undefined) {
        ctx.report({
          code: 'stale-doc',
          at: { file: entity.file, doc: entity.doc, path: ['docs', index], part: 'key' },
          message: `"${name}" has never been reviewed: add "reviewed:" with the date of its last review`,
        });
        return;
      }
      if (!isDate(doc.reviewed)) return;
      const due = dateToUtcMs(doc.reviewed) + interval;
      if (due >= ctx.now) return;
      const days = Math.floor((ctx.now - dateToUtcMs(doc.reviewed)) / DAY);
      ctx.report({
        code: 'stale-doc',
        at: { file: entity.file, doc: entity.doc, path: ['docs', index, 'reviewed'] },
        message: `"${name}" was last reviewed ${doc.reviewed}, ${days} days ago; it is reviewed every ${every}, so it was due on ${utcMsToDate(due)}`,
      });
    });
  },
};
