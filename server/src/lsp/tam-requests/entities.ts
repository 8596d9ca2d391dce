// tam/locate, tam/entities and tam/newIncidentId: what the extension's pick and create
// commands look up — the range of a node given by its path, the entities of a kind with the
// fields a picker shows, and the next free incident id of the year with a timestamp for it.

import * as path from 'node:path';
import { workspaceZone } from '../../core/schedule/workspace-schedule';
import { incidentSla } from '../../core/sla/incident-clocks';
import { localDate, minuteStamp } from '../../core/time/zone';
import { Locator } from '../../core/workspace/locate';
import type { EntitiesParams, EntityItem, LocateParams, LocateResult, NewIncidentIdParams, NewIncidentIdResult, TodayParams, TodayResult } from '../../protocol/tam-protocol';
import { str } from './half-typed';
import { fileOf, fileUri, folderUri, nowOf, pickWorkspace, uriIn, type TamHost } from './host';
import { byId } from '../../core/text/order';

export function locate(host: TamHost, p: LocateParams): LocateResult {
  const ref = host.workspaceFor(p.uri);
  const file = ref && fileOf(ref.root, p.uri);
  const text = file !== undefined ? ref!.ws.file(file)?.text : undefined;
  if (text === undefined) return null;
  return new Locator(text).range(p.doc, p.path, p.part);
}

export function entities(host: TamHost, p: EntitiesParams): EntityItem[] {
  const ref = pickWorkspace(host, p);
  if (!ref) return [];
  const { ws, root } = ref;
  const out: EntityItem[] = [];
  for (const e of ws.entities(p.kind)) {
    const v = e.value;
    const item: EntityItem = {
      id: e.id,
      label: str(v.name, str(v.title, e.id)),
      uri: uriIn(ref, e.file),
      dirUri: fileUri(root, path.posix.dirname(e.file)),
    };
    if (p.kind === 'person') item.fields = { roles: Array.isArray(v.roles) ? v.roles.filter((r: unknown) => typeof r === 'string') : [], department: str(v.department) || undefined };
    if (p.kind === 'incident') {
      const clocks = incidentSla(ws, e, nowOf(host, p))?.clocks;
      const hasPostmortem = typeof v.postmortem === 'string' || ws.referencesTo('incident', e.id).some((r) => r.from.startsWith('postmortem:'));
      item.fields = { project: str(v.project), priority: str(v.priority), opened: str(v.opened) || undefined, resolved: clocks?.resolvedAt !== undefined, hasPostmortem };
      item.detail = `${str(v.priority)} · ${str(v.project)}`;
    }
    if (p.kind === 'chain') item.fields = { project: str(v.project) };
    if (p.kind === 'project') {
      item.detail = str(v.client);
      item.fields = { departments: Array.isArray(v.departments) ? v.departments.filter((d: unknown) => typeof d === 'string') : [] };
    }
    out.push(item);
  }
  return out.sort(byId);
}

/** Today in the workspace's zone: the date a TAM there writes. */
export function today(host: TamHost, p: TodayParams): TodayResult {
  const ref = pickWorkspace(host, p);
  if (!ref) return { error: 'No TAM workspace is open (a folder with tam.yaml).' };
  const now = nowOf(host, p);
  const zone = workspaceZone(ref.ws);
  return { zone, date: localDate(zone, now), timestamp: minuteStamp(zone, now) };
}

const INCIDENT_ID = /^INC-(\d{4})-(\d+)$/i;

export function newIncidentId(host: TamHost, p: NewIncidentIdParams): NewIncidentIdResult {
  const ref = pickWorkspace(host, p);
  if (!ref) return { error: 'No TAM workspace is open (a folder with tam.yaml).' };
  const now = nowOf(host, p);
  const zone = workspaceZone(ref.ws);
  const year = localDate(zone, now).slice(0, 4);
  let max = 0;
  let width = 4;
  for (const id of ref.ws.ids('incident')) {
    const m = INCIDENT_ID.exec(id);
    if (m && m[1] === year) {
      max = Math.max(max, Number(m[2]));
      width = Math.max(width, m[2]!.length);
    }
  }
  return {
    id: `INC-${year}-${String(max + 1).padStart(width, '0')}`,
    timestamp: minuteStamp(zone, now),
    rootUri: folderUri(ref.root),
  };
}
