// What a change means for project documentation: entries added or removed, documents reviewed
// (a new `reviewed` date), review intervals changed, and documents that went stale or became
// current.

import type { Workspace } from '../workspace/workspace';
import type { ChangeKind, ValueChange } from './compare';
import { docFreshness, type DocFreshness, type Freshness } from '../project/doc-freshness';

export interface DocumentChange {
  project: string;
  path: string | null;
  title: string;
  /** The project file that lists it. */
  file: string;
  change: ChangeKind;
  reviewed: ValueChange;
  /** The review interval in force (`review_every`, else the workspace's). */
  reviewEvery: ValueChange;
  freshness: ValueChange<Freshness | null>;
  dueOn: ValueChange;
}

export function documentChanges(before: Workspace, after: Workspace, now: number, inScope: (file: string) => boolean): DocumentChange[] {
  const collect = (ws: Workspace) => {
    const docs = new Map<string, { doc: DocFreshness; file: string }>();
    for (const project of ws.entities('project')) {
      if (!inScope(project.file)) continue;
      for (const doc of docFreshness(ws, project, now)) {
        const key = `${doc.project}\0${doc.key}`;
        if (!docs.has(key)) docs.set(key, { doc, file: project.file });
      }
    }
    return docs;
  };
  const b = collect(before);
  const a = collect(after);
  const changes: DocumentChange[] = [];
  for (const key of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const was = b.get(key);
    const is = a.get(key);
    const change: ChangeKind = !was ? 'added' : !is ? 'removed' : 'changed';
    const reviewed = { before: was?.doc.reviewed ?? null, after: is?.doc.reviewed ?? null };
    const reviewEvery = { before: was?.doc.reviewEvery ?? null, after: is?.doc.reviewEvery ?? null };
    const freshness = { before: was?.doc.state ?? null, after: is?.doc.state ?? null };
    const same = reviewed.before === reviewed.after && reviewEvery.before === reviewEvery.after && freshness.before === freshness.after;
    if (change === 'changed' && same) continue;
    const { doc, file } = (is ?? was)!;
    changes.push({
      project: doc.project,
      path: doc.path,
      title: doc.title,
      file,
      change,
      reviewed,
      reviewEvery,
      freshness,
      dueOn: { before: was?.doc.dueOn ?? null, after: is?.doc.dueOn ?? null },
    });
  }
  return changes;
}
