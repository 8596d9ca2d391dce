// tam/agenda and the status bar's soonest due clock: the items of `tam agenda` (the same core
// function, core/agenda/agenda.ts) for the user's projects, each with the place to open. The
// user is `tam.me`, else the person whose email is git's user.email in the workspace's folder,
// else nobody in particular (every project).

import * as path from 'node:path';
import { AGENDA_TYPES, buildAgenda } from '../../core/agenda/agenda';
import { agendaPerson, type AgendaPerson } from '../../core/agenda/me';
import { gitUserEmail } from '../../core/git/git';
import { agendaJson, sectionTitle } from '../../core/render/agenda';
import { workspaceZone } from '../../core/schedule/workspace-schedule';
import { dueMessage, leftWholeMinutes, soonestDue } from '../../core/sla/at-risk';
import { wallClock } from '../../core/time/zone';
import { Places } from '../../core/workspace/place';
import type { AgendaAnswer, AgendaEntry, AgendaParams, AgendaWorkspace, SoonestDue } from '../../protocol/tam-protocol';
import { str } from './half-typed';
import { folderUri, nowOf, uriIn, type TamHost, type TamWorkspaceRef } from './host';

/** git's user.email per folder, asked again after a while (someone may set it meanwhile). */
const emails = new Map<string, { email: string | undefined; at: number }>();
const EMAIL_TTL_MS = 60_000;

function emailOf(root: string): string | undefined {
  const known = emails.get(root);
  const clock = Date.now();
  if (known && clock - known.at < EMAIL_TTL_MS) return known.email;
  const email = gitUserEmail(root);
  emails.set(root, { email, at: clock });
  return email;
}

/** Who the user is in a workspace. */
export function userOf(host: TamHost, ref: TamWorkspaceRef): AgendaPerson {
  const me = host.me?.();
  return agendaPerson(ref.ws, me, me === undefined ? emailOf(ref.root) : undefined);
}

export function agenda(host: TamHost, p: AgendaParams): AgendaAnswer {
  const now = nowOf(host, p);
  const days = typeof p.days === 'number' && Number.isInteger(p.days) && p.days >= 0 && p.days <= 366 ? p.days : undefined;
  const workspaces: AgendaWorkspace[] = [];
  for (const ref of host.workspaces()) {
    const user = userOf(host, ref);
    const result = buildAgenda(ref.ws, now, { tam: user.person?.id, days });
    const places = new Places(ref.ws);
    const json = agendaJson(result, places);
    const entries: AgendaEntry[] = json.items.map((item, i) => ({
      ...item,
      uri: uriIn(ref, item.file),
      range: places.range(result.items[i]!.at) ?? { start: { line: item.line - 1, character: 0 }, end: { line: item.line - 1, character: 0 } },
    }));
    const answer: AgendaWorkspace = {
      rootUri: folderUri(ref.root),
      name: str(ref.ws.config.doc?.name, path.basename(ref.root)),
      projects: result.projects,
      at: `${wallClock(now, result.zone)} ${result.zone}`,
      sections: AGENDA_TYPES.map((type) => ({ type, title: sectionTitle(type, result), items: entries.filter((e) => e.type === type) })).filter((s) => s.items.length),
    };
    if (user.person) answer.person = user.person;
    if (user.via) answer.via = user.via;
    if (user.problem) answer.problem = user.problem;
    workspaces.push(answer);
  }
  return { workspaces };
}

/** The running clock due soonest over the user's projects of every workspace. */
export function soonestDueOf(host: TamHost, now: number): SoonestDue | undefined {
  let best: SoonestDue | undefined;
  let bestAt = Infinity;
  for (const ref of host.workspaces()) {
    const { ws } = ref;
    const person = userOf(host, ref).person?.id;
    const projects = person === undefined ? undefined : new Set([...ws.entities('project')].filter((p) => p.value.tam === person).map((p) => p.id));
    const incidents = [...ws.entities('incident')].filter((i) => i.valid && (!projects || projects.has(i.value.project)));
    const due = soonestDue(ws, incidents, now);
    if (!due || due.dueAt >= bestAt) continue;
    bestAt = due.dueAt;
    const at = { file: due.incident.file, doc: due.incident.doc, path: ['opened'] };
    const range = new Places(ws).range(at) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    best = {
      incident: due.incident.id,
      project: str(due.incident.value.project),
      title: str(due.incident.value.title, due.incident.id),
      clock: due.clock,
      dueAt: new Date(due.dueAt).toISOString(),
      leftMinutes: leftWholeMinutes(due),
      message: dueMessage(due, workspaceZone(ws)),
      uri: uriIn(ref, due.incident.file),
      range,
    };
  }
  return best;
}
