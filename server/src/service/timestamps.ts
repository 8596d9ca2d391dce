// The zone a document's timestamps are written in, for the timestamps the editor writes ("now"
// in completion, an offset a timestamp lacks): an incident's policy calendar, else the
// workspace's zone. The instants themselves are read and written by core/time/zone.ts.

import type { Kind } from '../core/model';
import { resolvePolicy } from '../core/sla/incident-clocks';
import { workspaceZone } from '../core/schedule/workspace-schedule';
import { isValidZone, zoneOr } from '../core/time/zone';
import type { Entity } from '../core/workspace/entities';
import { isObject } from '../core/workspace/entities';
import type { Workspace } from '../core/workspace/workspace';

/**
 * The zone a document's timestamps are written in: an incident's SLA calendar (the clocks
 * count in it), else the workspace's zone, else UTC.
 */
export function zoneOf(ws: Workspace | undefined, kind: Kind | undefined, value: unknown): string {
  if (!ws) return 'UTC';
  if (kind === 'incident' && isObject(value)) {
    const pseudo = { kind: 'incident', id: String(value.id ?? ''), key: '', file: '', doc: 0, path: [], value, valid: true } as Entity;
    const policy = resolvePolicy(ws, pseudo)?.policy;
    const calendar = typeof policy?.value?.calendar === 'string' ? ws.get('calendar', policy.value.calendar) : undefined;
    const tz = calendar?.value?.timezone;
    if (isValidZone(tz)) return tz;
  }
  return zoneOr(workspaceZone(ws));
}
