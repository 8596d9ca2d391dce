// tam/slaReport: the SLA report of one workspace as `tam sla --format json` prints it, with the
// URI of each incident so that the webview can open it, and the 12-month trend of met %.

import * as path from 'node:path';
import { slaJson } from '../../core/render/sla';
import { workspaceSlaReport, workspaceSlaTrend } from '../../core/sla/workspace-report';
import type { SlaReportParams, SlaReportResult } from '../../protocol/tam-protocol';
import { str } from './half-typed';
import { folderUri, nowOf, pickWorkspace, uriIn, type TamHost } from './host';

export function slaReport(host: TamHost, p: SlaReportParams): SlaReportResult {
  const ref = pickWorkspace(host, p);
  if (!ref) return { error: 'No TAM workspace is open (a folder with tam.yaml).' };
  const now = nowOf(host, p);
  let report;
  try {
    report = workspaceSlaReport(ref.ws, now, { by: p.by ?? 'project', from: p.from || undefined, to: p.to || undefined });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const json = slaJson(report);
  const incidentUris: Record<string, string> = {};
  for (const i of json.incidents) if (i.file) incidentUris[i.id] = uriIn(ref, i.file);
  return {
    report: json,
    rootUri: folderUri(ref.root),
    workspaceName: str(ref.ws.config.doc?.name, path.basename(ref.root)),
    now: new Date(now).toISOString(),
    incidentUris,
    trend: workspaceSlaTrend(ref.ws, now, { to: p.to || undefined }),
  };
}
