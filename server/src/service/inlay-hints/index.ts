// Inlay hints: what the engines know, at the end of the line it is about — a task's forecast,
// a chain's finish against its deadline, an estimate in hours as working days, an incident's
// clocks and what each timeline entry did to them, a document's next review. Every figure is
// the engine's own (the forecast `tam plan` prints, the clocks `tam sla` prints, the freshness
// `stale-doc` reports), read from the index; the open text only says where each hint goes.
// Cheap on a 2 000-line chain: one forecast per request from the workspace's memo, and hints
// only for the lines asked for.

import { isKind, type Kind, type Range } from '../../core/model';
import { docFreshness } from '../../core/project/doc-freshness';
import { incidentTimelineEffects } from '../../core/sla/incident-clocks';
import { workspaceToday, workspaceZone } from '../../core/schedule/workspace-schedule';
import type { Entity } from '../../core/workspace/entities';
import type { Workspace } from '../../core/workspace/workspace';
import { chainForecast, safeSla } from '../describe';
import type { TextModel } from '../text-model';
import { rootScalar } from '../yaml-tree';
import { chainHints } from './chain';
import { incidentHints } from './incident';
import { reviewHints } from './review';
import { HintSink, type InlayHint } from './sink';
import { ALL_HINTS, type HintFamilies } from './words';

export type { InlayHint } from './sink';
export { ALL_HINTS, type HintFamilies } from './words';

export function inlayHints(model: TextModel, range: Range, ws: Workspace, now: number, families: HintFamilies = ALL_HINTS): InlayHint[] {
  const first = Math.max(0, range.start.line);
  const last = Math.min(model.lineCount - 1, range.end.line);
  const sink = new HintSink(model, first, last);
  const today = workspaceToday(ws, now);
  for (const doc of model.tree.docs) {
    if (doc.endLine < first || doc.startLine > last) continue;
    const kind = rootScalar(doc, 'kind')?.value;
    const id = rootScalar(doc, 'id')?.value;
    if (!id || !isKind(kind)) continue;
    const entity = entityIn(ws, kind, id, model.file);
    if (!entity) continue;
    try {
      if (kind === 'chain' && (families.tasks || families.deadline || families.estimates)) {
        const forecast = entity.valid ? chainForecast(ws, id, now) : undefined;
        if (forecast) chainHints(doc, forecast, ws, today, families, sink);
      } else if (kind === 'incident' && (families.clocks || families.timeline)) {
        const sla = safeSla(ws, entity, now);
        if (sla) incidentHints(doc, sla, families.timeline ? incidentTimelineEffects(ws, entity, now) : undefined, workspaceZone(ws), today, families, sink);
      } else if (kind === 'project' && families.reviews) {
        reviewHints(doc, docFreshness(ws, entity, now), today, sink);
      }
    } catch {
      // A defect in an engine costs the hints of this document, not the request.
    }
  }
  return sink.hints();
}

/** The entity a document of this file stands for (not one of the same id elsewhere). */
function entityIn(ws: Workspace, kind: Kind, id: string, file: string): Entity | undefined {
  if (kind === 'workspace') return undefined;
  return ws.all(kind, id).find((e) => e.file === file);
}
