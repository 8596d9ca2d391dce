// Code lenses: above a chain, its forecast ("forecast 2026-11-19 · late by 1 day · critical
// path: 5 tasks"); above an incident, its two SLA clocks. Computed from the index, so they
// follow edits once the index has them.

import type { Range } from '../core/model';
import type { Workspace } from '../core/workspace/workspace';
import { chainForecast, chainSummary, clockText, safeSla } from './describe';
import type { TextModel } from './text-model';
import { findPair, rootScalar } from './yaml-tree';

export interface Lens {
  range: Range;
  title: string;
}

export function codeLenses(model: TextModel, ws: Workspace, now: number): Lens[] {
  const out: Lens[] = [];
  for (const doc of model.tree.docs) {
    const kind = rootScalar(doc, 'kind')?.value;
    const id = rootScalar(doc, 'id')?.value;
    if (!id || doc.root?.type !== 'map' || (kind !== 'chain' && kind !== 'incident')) continue;
    const pair = findPair(doc.root, 'kind') ?? doc.root.pairs[0]!;
    const range = model.range(pair.keyStart, pair.keyStart);
    if (kind === 'chain') {
      const entity = ws.get('chain', id);
      const forecast = entity?.valid ? chainForecast(ws, id, now) : undefined;
      if (forecast) out.push({ range, title: chainSummary(forecast) });
      else if (entity && !entity.valid) out.push({ range, title: 'no forecast until the errors of this chain are fixed' });
    } else {
      const entity = ws.get('incident', id);
      const sla = entity ? safeSla(ws, entity, now) : undefined;
      if (sla) {
        out.push({ range, title: `response: ${clockText(sla.clocks.response)}` });
        out.push({ range, title: `resolution: ${clockText(sla.clocks.resolution)}` });
      }
    }
  }
  return out;
}
