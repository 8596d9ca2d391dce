// Hints of a project's documents: after each `reviewed:`, when the next review is due, from the
// same freshness `stale-doc` reports from (`next review 2027-05-09`, `review due since 10-01`).

import type { DocFreshness } from '../../core/project/doc-freshness';
import { findPair, type TreeDoc } from '../yaml-tree';
import type { HintSink } from './sink';
import { shortDate } from './words';

export function reviewHints(doc: TreeDoc, freshness: readonly DocFreshness[], today: string, sink: HintSink): void {
  const root = doc.root;
  if (root?.type !== 'map') return;
  const docs = findPair(root, 'docs')?.value;
  if (docs?.type !== 'seq') return;
  docs.items.forEach((item, index) => {
    const reviewed = item.node?.type === 'map' ? findPair(item.node, 'reviewed')?.value : undefined;
    if (reviewed?.type !== 'scalar' || !sink.wants(reviewed.start)) return;
    const f = freshness.find((d) => d.index === index);
    if (!f?.dueOn) return;
    if (f.state === 'fresh') sink.add(reviewed.start, `next review ${shortDate(f.dueOn, today)}`, `Reviewed ${f.reviewed}; with review_every ${f.reviewEvery} the next review is due on ${f.dueOn}.`);
    else sink.add(reviewed.start, `review due since ${shortDate(f.dueOn, today)}`, `Reviewed ${f.reviewed}; with review_every ${f.reviewEvery} the next review was due on ${f.dueOn} (stale-doc).`);
  });
}
