// The Agenda view in the TAM side bar: what needs the user now, most urgent first — the items of
// `tam agenda` for the projects of the user (`tam.me`, else git's user.email matched to a
// person), from one tam/agenda request computed by the same core function. Asked again when the
// server's index changes and every minute (the clocks move), unless `tam.now` fixes the time.
// Clicking an item opens the line it names.

import * as vscode from 'vscode';
import { AgendaRequest, type AgendaAnswer, type AgendaEntry, type AgendaParams, type AgendaSection, type AgendaWorkspace, type TamRange } from '../../server/src/protocol/tam-protocol';
import type { Ctx } from './ctx';
import { revealRange } from './reveal';

type Node =
  | { kind: 'workspace'; ws: AgendaWorkspace }
  | { kind: 'section'; section: AgendaSection; ws: AgendaWorkspace }
  | { kind: 'item'; item: AgendaEntry; ws: AgendaWorkspace }
  | { kind: 'message'; text: string };

const REFRESH_DELAY_MS = 150;
const CLOCK_TICK_MS = 60_000;

const ICONS: Record<string, [string, string?]> = {
  'sla-due': ['watch', 'charts.orange'],
  'sla-breach': ['flame', 'charts.red'],
  'postmortem-due': ['notebook', 'charts.yellow'],
  'chain-at-risk': ['warning', 'charts.red'],
  'task-blocked': ['error', 'charts.red'],
  'task-ready': ['play-circle', 'charts.blue'],
  'task-due': ['calendar'],
  'doc-review-due': ['book'],
  'decision-waiting': ['comment-discussion'],
};

export class AgendaProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: Promise<AgendaAnswer | string> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly tick: NodeJS.Timeout;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The view, to show whose agenda it is in its message line. */
  view: vscode.TreeView<Node> | undefined;
  /** The last answer, for tests. */
  last: AgendaAnswer | undefined;

  constructor(private readonly ctx: Ctx) {
    this.disposables.push(ctx.onIndexChanged(() => this.refresh(REFRESH_DELAY_MS)));
    this.tick = setInterval(() => {
      if (!this.ctx.config.now) this.refresh();
    }, CLOCK_TICK_MS);
  }

  refresh(delay = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.data = undefined;
      this.changed.fire(undefined);
    }, delay);
  }

  private load(): Promise<AgendaAnswer | string> {
    this.data ??= this.ctx.request<AgendaAnswer, AgendaParams>(AgendaRequest, {}).then(
      (answer) => {
        if (!answer) return 'The TAM language server gave no answer.';
        this.last = answer;
        if (this.view) this.view.message = headline(answer);
        return answer;
      },
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    return this.data;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const data = await this.load();
      if (typeof data === 'string') return [{ kind: 'message', text: data }];
      if (data.workspaces.length === 0) return [{ kind: 'message', text: 'No TAM workspace (tam.yaml) found yet.' }];
      if (data.workspaces.length > 1) return data.workspaces.map((ws) => ({ kind: 'workspace', ws }));
      return sectionsOf(data.workspaces[0]!);
    }
    switch (node.kind) {
      case 'workspace':
        return sectionsOf(node.ws);
      case 'section':
        return node.section.items.map((item) => ({ kind: 'item', item, ws: node.ws }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(node.text, C.None);
        item.iconPath = new vscode.ThemeIcon('pass');
        return item;
      }
      case 'workspace': {
        const item = new vscode.TreeItem(node.ws.name, C.Expanded);
        item.id = `agenda:${node.ws.rootUri}`;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.description = whose(node.ws);
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section.title, C.Expanded);
        item.id = `agenda:${node.ws.rootUri}#${node.section.type}`;
        item.description = String(node.section.items.length);
        item.iconPath = icon(node.section.type);
        item.contextValue = 'tam.agendaSection';
        return item;
      }
      case 'item': {
        const i = node.item;
        // The id in its shortest form (a task without its chain), then the gist; the whole
        // sentence is the tooltip.
        const item = new vscode.TreeItem(`${shortId(i)} · ${i.summary}`, C.None);
        item.id = `agenda:${node.ws.rootUri}#${i.type}:${i.id}:${i.clock ?? ''}`;
        item.description = i.project;
        const tip = new vscode.MarkdownString();
        tip.appendText(`${i.id} (${i.project})`);
        tip.appendMarkdown('\n\n');
        tip.appendText(i.message);
        tip.appendMarkdown('\n\n');
        tip.appendText(`${i.file}:${i.line}`);
        item.tooltip = tip;
        item.iconPath = icon(i.type, i.overdue);
        item.contextValue = `tam.agendaItem.${i.type}`;
        item.command = { command: 'tam.openLocation', title: 'Open', arguments: [{ uri: i.uri, range: i.range }] };
        return item;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearInterval(this.tick);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The Agenda view, its refresh command, and the command that opens a line. */
export function registerAgenda(ctx: Ctx): { provider: AgendaProvider; disposables: vscode.Disposable[] } {
  const provider = new AgendaProvider(ctx);
  const view = vscode.window.createTreeView('tam.agenda', { treeDataProvider: provider });
  provider.view = view;
  return {
    provider,
    disposables: [
      provider,
      view,
      vscode.commands.registerCommand('tam.refreshAgenda', () => provider.refresh()),
      vscode.commands.registerCommand('tam.openLocation', (target?: { uri: string; range?: TamRange }) => (target?.uri ? revealRange(target.uri, target.range) : undefined)),
    ],
  };
}

function sectionsOf(ws: AgendaWorkspace): Node[] {
  if (ws.sections.length === 0) return [{ kind: 'message', text: 'Nothing needs you now.' }];
  return ws.sections.map((section) => ({ kind: 'section', section, ws }));
}

/** "Elena Kuznetsova (git user.email) · kedr-retail, lumen-edu · 2026-11-25 12:00 Europe/Moscow". */
function headline(answer: AgendaAnswer): string | undefined {
  if (answer.workspaces.length !== 1) return undefined;
  const ws = answer.workspaces[0]!;
  return [whose(ws), ws.projects.join(', ') || 'no projects', ws.at].join(' · ');
}

function whose(ws: AgendaWorkspace): string {
  if (ws.problem) return `${ws.problem}; every project`;
  if (!ws.person) return 'Every project (set tam.me to your person id for yours)';
  return `${ws.person.name} (${ws.via === 'git' ? 'git user.email' : 'tam.me'})`;
}

/** An incident, chain or proposal id; a task's own id; a document's file name. */
function shortId(item: AgendaEntry): string {
  if (item.type.startsWith('task-')) return item.id.slice(item.id.indexOf('/') + 1);
  if (item.type === 'doc-review-due') return item.id.slice(item.id.lastIndexOf('/') + 1);
  return item.id;
}

function icon(type: string, overdue?: boolean): vscode.ThemeIcon {
  const [name, color] = ICONS[type] ?? ['circle-outline'];
  const tint = overdue ? 'charts.red' : color;
  return new vscode.ThemeIcon(name, tint ? new vscode.ThemeColor(tint) : undefined);
}
