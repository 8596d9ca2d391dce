// The Task Chain Graph panel (host side): asks the server for a chain's Mermaid text and node
// map, hands it to the webview, and follows the chain file as it is edited (debounced) and the
// active editor when it shows another chain. Clicking a node reveals the task; "Export SVG"
// saves what the webview drew. One panel at a time; it survives window reloads through a
// WebviewPanelSerializer.

import * as vscode from 'vscode';
import {
  ChainGraphRequest,
  ChainsRequest,
  isTamError,
  type ChainGraph,
  type ChainGraphParams,
  type ChainGraphResult,
  type ChainsParams,
  type ChainSummary,
  type GraphFormat,
} from '../../../server/src/protocol/tam-protocol';
import { isChainDocument } from '../chain-file';
import type { Ctx } from '../ctx';
import { revealRange } from '../reveal';
import { webviewHtml, webviewOptions } from './html';
import type { GraphFromWebview, GraphState, GraphToWebview } from './messages';

const EDIT_DEBOUNCE_MS = 300;
/** An exported SVG bigger than this is refused: the webview does not send such things. */
const MAX_SVG_BYTES = 50 * 1024 * 1024;

export class ChainGraphPanel implements vscode.Disposable {
  static readonly viewType = 'tam.chainGraph';
  private static current: ChainGraphPanel | undefined;

  private state: GraphState;
  private graph: ChainGraph | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows the graph of a chain file or chain id (as a flowchart or a Gantt chart), reusing the open panel. */
  static show(ctx: Ctx, target: { uri?: string; chainId?: string; format?: GraphFormat }): ChainGraphPanel {
    const existing = ChainGraphPanel.current;
    if (existing) {
      existing.setTarget(target);
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(ChainGraphPanel.viewType, 'Task Chain Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(ctx.extensionUri));
    return new ChainGraphPanel(ctx, panel, { ...target, format: target.format ?? 'flowchart' });
  }

  static registerSerializer(ctx: Ctx): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(ChainGraphPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const restored = isGraphState(state) ? state : { format: 'flowchart' as const };
        new ChainGraphPanel(ctx, panel, restored);
      },
    });
  }

  /** For tests: the panel shown now. */
  static get currentPanel(): ChainGraphPanel | undefined {
    return ChainGraphPanel.current;
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
    state: GraphState,
  ) {
    ChainGraphPanel.current = this;
    this.state = { uri: state.uri, chainId: state.chainId, format: state.format === 'gantt' ? 'gantt' : 'flowchart' };
    this.graph = state.graph;
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'tam.svg');
    panel.webview.html = webviewHtml(panel.webview, ctx.extensionUri, { title: 'Task Chain Graph', script: 'chain-graph.js', styles: ['webview.css', 'chain-graph.css'] });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: GraphFromWebview) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.state.uri && sameFile(e.document.uri, this.state.uri) && e.contentChanges.length) this.schedule(EDIT_DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const doc = editor?.document;
        if (doc && isChainDocument(doc) && !(this.state.uri && sameFile(doc.uri, this.state.uri))) this.setTarget({ uri: doc.uri.toString() });
      }),
      ctx.onIndexChanged(() => this.schedule(100)),
    );
  }

  get currentGraph(): ChainGraph | undefined {
    return this.graph;
  }

  setTarget(target: { uri?: string; chainId?: string; format?: GraphFormat }): void {
    this.state = { ...this.state, uri: target.uri, chainId: target.chainId, format: target.format ?? this.state.format };
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  /** Asks the server again; answers of older requests that arrive late are dropped. */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const params: ChainGraphParams = { uri: this.state.uri, chainId: this.state.chainId, format: this.state.format };
    let result: ChainGraphResult;
    try {
      if (!params.uri && !params.chainId) {
        this.post({ type: 'error', message: 'No chain chosen: open a chain file, or press "Pick chain".', format: this.state.format });
        return;
      }
      result = await this.ctx.request<ChainGraphResult, ChainGraphParams>(ChainGraphRequest, params);
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    if (seq !== this.seq) return;
    if (!result) result = { error: 'The TAM language server gave no answer (see the "TAM Workbench" output).' };
    if (isTamError(result)) {
      this.post({ type: 'error', message: result.error, format: this.state.format, chainId: this.state.chainId });
      return;
    }
    this.graph = result;
    this.state = { ...this.state, uri: result.uri, chainId: result.chainId };
    this.panel.title = `Graph: ${result.title}`;
    this.post({ type: 'graph', graph: result });
  }

  private post(message: GraphToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: GraphFromWebview): Promise<void> {
    switch (m?.type) {
      case 'ready':
        // A fresh (or restored) webview: draw the last graph at once, then ask the server.
        if (this.graph) this.post({ type: 'graph', graph: this.graph });
        this.schedule(0);
        break;
      case 'format':
        if (m.format === 'flowchart' || m.format === 'gantt') {
          this.state = { ...this.state, format: m.format };
          this.schedule(0);
        }
        break;
      case 'reveal': {
        const node = this.graph?.nodes[m.nodeId];
        if (node) await revealRange(node.uri, node.range);
        break;
      }
      case 'pickChain': {
        const picked = await pickChain(this.ctx);
        if (picked) this.setTarget({ uri: picked.uri, chainId: picked.id });
        break;
      }
      case 'export':
        await this.exportSvg(m.svg);
        break;
      case 'renderError':
        this.ctx.outputChannel.appendLine(`Task chain graph: Mermaid could not draw ${this.state.chainId ?? 'the chain'}: ${m.message}`);
        break;
      case 'rendered':
        break;
    }
  }

  private async exportSvg(svg: unknown): Promise<void> {
    if (typeof svg !== 'string' || !svg.startsWith('<svg') || svg.length > MAX_SVG_BYTES) return;
    const name = `${this.graph?.chainId ?? 'chain'}${this.state.format === 'gantt' ? '-gantt' : ''}.svg`;
    const folder = this.state.uri ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(this.state.uri))?.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the task chain graph as SVG',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { 'SVG image': ['svg'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`));
    this.post({ type: 'exported', path: target.fsPath });
    void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}`);
  }

  dispose(): void {
    if (ChainGraphPanel.current === this) ChainGraphPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Asks which chain to show; undefined when the user cancels or there is none. */
export async function pickChain(ctx: Ctx): Promise<ChainSummary | undefined> {
  const chains = await ctx.request<ChainSummary[], ChainsParams>(ChainsRequest, {});
  if (chains.length === 0) {
    void vscode.window.showInformationMessage('The workspace has no task chains yet. Create one with "TAM: New Task Chain".');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    chains.map((c) => ({
      label: c.title,
      description: c.id,
      detail: `${c.project} · forecast ${c.forecastFinish ?? '—'}${c.deadline ? ` · deadline ${c.deadline}` : ''}${c.late ? ' · LATE' : ''}`,
      chain: c,
    })),
    { title: 'Show the graph of which task chain?', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.chain;
}

function sameFile(uri: vscode.Uri, other: string): boolean {
  return uri.scheme === 'file' && uri.fsPath === vscode.Uri.parse(other).fsPath;
}

function isGraphState(value: unknown): value is GraphState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as GraphState;
  return (s.format === 'flowchart' || s.format === 'gantt') && (s.uri === undefined || typeof s.uri === 'string') && (s.chainId === undefined || typeof s.chainId === 'string');
}

