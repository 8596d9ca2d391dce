// Timestamps the editor writes: "now" with the offset of the zone that matters for the
// document (an incident's policy calendar, else the workspace's zone), and the offset that
// a timestamp written without one lacks, for the date it names (DST included).

import { DateTime } from 'luxon';
import type { Kind } from '../core/model';
import { resolvePolicy } from '../core/sla/incident-clocks';
import { todayIn, workspaceZone } from '../core/schedule/workspace-schedule';
import type { Entity } from '../core/workspace/entities';
import { isObject } from '../core/workspace/entities';
import type { Workspace } from '../core/workspace/workspace';

/** "2026-11-25T12:00:00+03:00": now, to the minute, in a zone. */
export function nowStamp(zone: string, nowMs: number): string {
  const dt = DateTime.fromMillis(Math.floor(nowMs / 60_000) * 60_000, { zone: safeZone(zone) });
  return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!.replace(/\+00:00$/, 'Z');
}

/** Today's date in a zone. */
export function today(zone: string, nowMs: number): string {
  return todayIn(safeZone(zone), nowMs);
}

/** The offset ("+03:00") a zone has at a local date and time written without one. */
export function offsetFor(localTimestamp: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(localTimestamp, { zone: safeZone(zone) });
  if (!dt.isValid) return undefined;
  return dt.toFormat('ZZ');
}

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
    if (typeof tz === 'string' && DateTime.local().setZone(tz).isValid) return tz;
  }
  return safeZone(workspaceZone(ws));
}

function safeZone(zone: string): string {
  return DateTime.local().setZone(zone).isValid ? zone : 'UTC';
}
