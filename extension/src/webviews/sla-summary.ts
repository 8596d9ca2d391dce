// The SLA Summary panel (host side): asks the server for the report `tam sla --format json`
// prints (same function, same "now"), of the whole workspace or of one project's incidents,
// hands it to the webview, and opens an incident's file when the user clicks it. Refreshes
// when the server's index changes.

import * as vscode from 'vscode';
import { isTamError, SlaReportRequest, type SlaReportAnswer, type SlaReportParams, type SlaReportResult } from '../../../server/src/protocol/tam-protocol';
import type { Ctx } from '../ctx';
import { revealRange } from '../reveal';
import { webviewHtml, webviewOptions } from './html';
import { DEFAULT_SLA_FILTER, type SlaFilter, type SlaFromWebview, type SlaState, type SlaToWebview } from './messages';

const BY = ['project', 'department', 'priority', 'month'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SlaSummaryPanel implements vscode.Disposable {
  static readonly viewType = 'tam.slaSummary';
  private static current: SlaSummaryPanel | undefined;

  private filter: SlaFilter;
  private answer: SlaReportAnswer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows the summary of the whole workspace, or of one project's incidents. */
  static show(ctx: Ctx, scope: { project?: string } = {}): SlaSummaryPanel {
    const current = SlaSummaryPanel.current;
    if (current) {
      current.filter = cleanFilter({ ...current.filter, project: scope.project });
      current.panel.reveal();
      current.schedule(0);
      return current;
    }
    const panel = vscode.window.createWebviewPanel(SlaSummaryPanel.viewType, 'SLA Summary', vscode.ViewColumn.Active, webviewOptions(ctx.extensionUri));
    return new SlaSummaryPanel(ctx, panel, { filter: cleanFilter({ ...DEFAULT_SLA_FILTER, project: scope.project }) });
  }

  static registerSerializer(ctx: Ctx): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(SlaSummaryPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const filter = cleanFilter((state as SlaState | undefined)?.filter);
        new SlaSummaryPanel(ctx, panel, { filter });
      },
    });
  }

  static get currentPanel(): SlaSummaryPanel | undefined {
    return SlaSummaryPanel.current;
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    state: SlaState,
  ) {
    SlaSummaryPanel.current = this;
    this.filter = cleanFilter(state.filter);
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'tam.svg');
    panel.webview.html = webviewHtml(panel.webview, ctx.extensionUri, { title: 'SLA Summary', script: 'sla-summary.js', styles: ['webview.css', 'sla-summary.css'] });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: SlaFromWebview) => void this.onMessage(m)),
      ctx.onIndexChanged(() => this.schedule(150)),
    );
  }

  get currentAnswer(): SlaReportAnswer | undefined {
    return this.answer;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const filter = this.filter;
    const params: SlaReportParams = { by: filter.by, from: filter.from || undefined, to: filter.to || undefined, project: filter.project, folderUri: activeFolder() };
    let result: SlaReportResult;
    try {
      result = await this.ctx.request<SlaReportResult, SlaReportParams>(SlaReportRequest, params);
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    if (seq !== this.seq) return;
    if (!result) result = { error: 'The TAM language server gave no answer (see the "TAM Workbench" output).' };
    if (isTamError(result)) {
      this.post({ type: 'error', message: result.error, filter });
      return;
    }
    this.answer = result;
    this.panel.title = result.project ? `SLA Summary: ${result.project}` : `SLA Summary: ${result.workspaceName}`;
    this.post({ type: 'report', answer: result, filter });
  }

  private post(message: SlaToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: SlaFromWebview): Promise<void> {
    switch (m?.type) {
      case 'ready':
      case 'refresh':
        this.schedule(0);
        break;
      case 'filter':
        this.filter = cleanFilter(m.filter);
        this.schedule(0);
        break;
      case 'openIncident': {
        const uri = typeof m.id === 'string' ? this.answer?.incidentUris[m.id] : undefined;
        if (uri) await revealRange(uri);
        break;
      }
    }
  }

  dispose(): void {
    if (SlaSummaryPanel.current === this) SlaSummaryPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function cleanFilter(value: Partial<SlaFilter> | undefined): SlaFilter {
  const by = BY.find((b) => b === value?.by) ?? DEFAULT_SLA_FILTER.by;
  const filter: SlaFilter = { by };
  if (typeof value?.from === 'string' && DATE.test(value.from)) filter.from = value.from;
  if (typeof value?.to === 'string' && DATE.test(value.to)) filter.to = value.to;
  if (typeof value?.project === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(value.project)) filter.project = value.project;
  return filter;
}

/** The active file (the server finds its TAM workspace), so a multi-root window reports the one in use. */
function activeFolder(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme === 'file') return uri.toString();
  return vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}
