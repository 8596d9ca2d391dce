// What a change means for the rest of the organisation: departments, people, calendars, SLA
// policies, projects and the workspace settings added, removed or edited, by field name. Their
// effects (a calendar moves forecasts, a policy moves clocks) show in the other sections.

import type { Kind } from '../model';
import type { Workspace } from '../workspace/workspace';
import { changeKind, pairEntities, sameValue, type ChangeKind } from './compare';

export const OTHER_KINDS = ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project'] as const satisfies readonly Kind[];
export type OtherKind = (typeof OTHER_KINDS)[number];

/** Fields whose changes have a section of their own. */
const REPORTED_ELSEWHERE: Partial<Record<OtherKind, string[]>> = { project: ['docs'] };

export interface EntityChange {
  kind: OtherKind;
  id: string;
  /** The entity's name, when it has one. */
  name: string | null;
  file: string;
  change: ChangeKind;
  /** Top-level fields that differ (for a change). */
  fields: string[];
}

export function entityChanges(before: Workspace, after: Workspace, inScope: (file: string) => boolean): EntityChange[] {
  const changes: EntityChange[] = [];
  for (const kind of OTHER_KINDS) {
    for (const pair of pairEntities(before, after, kind, inScope)) {
      const change = changeKind(pair);
      const b = pair.before?.value ?? {};
      const a = pair.after?.value ?? {};
      const skip = REPORTED_ELSEWHERE[kind] ?? [];
      const fields =
        change === 'changed'
          ? [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !skip.includes(f) && !sameValue(b[f], a[f])).sort()
          : [];
      if (change === 'changed' && !fields.length) continue;
      const entity = (pair.after ?? pair.before)!;
      const name = typeof entity.value.name === 'string' ? entity.value.name : null;
      changes.push({ kind, id: pair.id, name, file: entity.file, change, fields });
    }
  }
  return changes;
}
