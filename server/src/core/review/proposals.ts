// What a change means for proposals and risks: new ones, withdrawn ones, and status moves
// (proposed → accepted → implemented), with the decision and implementation dates.

import type { Workspace } from '../workspace/workspace';
import { changeKind, fieldChanges, pairEntities, textOf, type ChangeKind, type FieldChange, type ValueChange } from './compare';

const PROPOSAL_FIELDS = ['title', 'type', 'severity', 'decided_on', 'implemented_on'] as const;

export interface ProposalChange {
  id: string;
  title: string;
  project: string | null;
  /** `improvement` or `risk`. */
  type: string | null;
  file: string;
  change: ChangeKind;
  status: ValueChange;
  /** Other fields that differ: title, type, severity, decided_on, implemented_on. */
  fields: FieldChange[];
}

export function proposalChanges(before: Workspace, after: Workspace, inScope: (file: string) => boolean): ProposalChange[] {
  const changes: ProposalChange[] = [];
  for (const pair of pairEntities(before, after, 'proposal', inScope)) {
    const change = changeKind(pair);
    const b = pair.before?.value;
    const a = pair.after?.value;
    const status = { before: textOf(b?.status), after: textOf(a?.status) };
    const fields = change === 'changed' ? fieldChanges(b, a, PROPOSAL_FIELDS) : [];
    if (change === 'changed' && status.before === status.after && !fields.length) continue;
    const entity = (pair.after ?? pair.before)!;
    changes.push({
      id: pair.id,
      title: textOf(entity.value.title) ?? pair.id,
      project: textOf(entity.value.project),
      type: textOf(entity.value.type),
      file: entity.file,
      change,
      status,
      fields,
    });
  }
  return changes;
}
