// tam/slaReport: the SLA report of one workspace as `tam sla --format json` prints it, with the
// URI of each incident so that the webview can open it, and the 12-month trend of met %;
// optionally of one project's incidents only (the SLA Summary opened from a project's or an
// incident's code lens).

import * as path from 'node:path';
import { slaJson } from '../../core/render/sla';
import { buildSlaReport } from '../../core/sla/report';
import { projectSlaRows, workspaceSlaTrend } from '../../core/sla/workspace-report';
import { workspaceZone } from '../../core/schedule/workspace-schedule';
import type { SlaReportAnswer, SlaReportParams, SlaReportResult } from '../../protocol/tam-protocol';
import { str } from './half-typed';
import { folderUri, nowOf, pickWorkspace, uriIn, type TamHost } from './host';

export function slaReport(host: TamHost, p: SlaReportParams): SlaReportResult {
  const ref = pickWorkspace(host, p);
  if (!ref) return { error: 'No TAM workspace is open (a folder with tam.yaml).' };
  const now = nowOf(host, p);
  const project = typeof p.project === 'string' && p.project ? p.project : undefined;
  let report;
  try {
    const rows = projectSlaRows(ref.ws, now, project);
    report = buildSlaReport(rows, { by: p.by ?? 'project', from: p.from || undefined, to: p.to || undefined, timezone: workspaceZone(ref.ws) });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const json = slaJson(report);
  const incidentUris: Record<string, string> = {};
  for (const i of json.incidents) if (i.file) incidentUris[i.id] = uriIn(ref, i.file);
  const answer: SlaReportAnswer = {
    report: json,
    rootUri: folderUri(ref.root),
    workspaceName: str(ref.ws.config.doc?.name, path.basename(ref.root)),
    now: new Date(now).toISOString(),
    incidentUris,
    trend: workspaceSlaTrend(ref.ws, now, { to: p.to || undefined, project }),
  };
  if (project !== undefined) answer.project = project;
  return answer;
}
