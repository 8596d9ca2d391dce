// The TAM view in its own activity-bar container: projects → chains (forecast, late flag) →
// tasks; incidents with their SLA state, open ones first; proposals grouped by status. The
// whole tree comes from one tam/tree request and is asked again when the server says its
// index changed (tam/indexChanged), never on a timer.

import * as vscode from 'vscode';
import {
  TreeRequest,
  type EntityAddress,
  type TreeAnswer,
  type TreeChain,
  type TreeIncident,
  type TreeParams,
  type TreeProject,
  type TreeProposal,
  type TreeTask,
  type TreeWorkspace,
} from '../../server/src/protocol/tam-protocol';
import type { Ctx } from './ctx';

type Node =
  | { kind: 'workspace'; ws: TreeWorkspace }
  | { kind: 'group'; group: 'projects' | 'incidents' | 'proposals'; ws: TreeWorkspace }
  | { kind: 'project'; project: TreeProject; ws: TreeWorkspace }
  | { kind: 'chain'; chain: TreeChain; ws: TreeWorkspace }
  | { kind: 'task'; task: TreeTask; chain: TreeChain; ws: TreeWorkspace }
  | { kind: 'incident'; incident: TreeIncident; ws: TreeWorkspace }
  | { kind: 'proposalStatus'; status: string; proposals: TreeProposal[]; ws: TreeWorkspace }
  | { kind: 'proposal'; proposal: TreeProposal; ws: TreeWorkspace }
  | { kind: 'message'; text: string };

const REFRESH_DELAY_MS = 150;

export class TamTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: Promise<TreeAnswer | string> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly ctx: Ctx) {
    this.disposables.push(ctx.onIndexChanged(() => this.refresh(REFRESH_DELAY_MS)));
  }

  refresh(delay = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.data = undefined;
      this.changed.fire(undefined);
    }, delay);
  }

  private load(): Promise<TreeAnswer | string> {
    this.data ??= this.ctx.request<TreeAnswer, TreeParams>(TreeRequest, {}).then(
      (answer) => answer ?? 'The TAM language server gave no answer.',
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
      return groupsOf(data.workspaces[0]!);
    }
    switch (node.kind) {
      case 'workspace':
        return groupsOf(node.ws);
      case 'group':
        if (node.group === 'projects') return node.ws.projects.map((project) => ({ kind: 'project', project, ws: node.ws }));
        if (node.group === 'incidents') return node.ws.incidents.map((incident) => ({ kind: 'incident', incident, ws: node.ws }));
        return proposalStatuses(node.ws);
      case 'project':
        return node.project.chains.map((chain) => ({ kind: 'chain', chain, ws: node.ws }));
      case 'chain':
        return node.chain.tasks.map((task) => ({ kind: 'task', task, chain: node.chain, ws: node.ws }));
      case 'proposalStatus':
        return node.proposals.map((proposal) => ({ kind: 'proposal', proposal, ws: node.ws }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(node.text, C.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
      case 'workspace': {
        const item = new vscode.TreeItem(node.ws.name, C.Expanded);
        item.id = node.ws.rootUri;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.description = node.ws.openBreaches ? `${node.ws.openBreaches} open breach${node.ws.openBreaches === 1 ? '' : 'es'}` : undefined;
        return item;
      }
      case 'group': {
        const ws = node.ws;
        if (node.group === 'projects') {
          const item = new vscode.TreeItem('Projects', C.Expanded);
          item.id = `${ws.rootUri}#projects`;
          item.iconPath = new vscode.ThemeIcon('briefcase');
          item.description = `${ws.projects.length}`;
          return item;
        }
        if (node.group === 'incidents') {
          const open = ws.incidents.filter((i) => i.open).length;
          const item = new vscode.TreeItem('Incidents', C.Expanded);
          item.id = `${ws.rootUri}#incidents`;
          item.iconPath = new vscode.ThemeIcon('flame');
          item.description = `${open} open · ${ws.incidents.length}${ws.openBreaches ? ` · ${ws.openBreaches} open breach${ws.openBreaches === 1 ? '' : 'es'}` : ''}`;
          return item;
        }
        const item = new vscode.TreeItem('Proposals', C.Collapsed);
        item.id = `${ws.rootUri}#proposals`;
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.description = `${ws.proposals.length}`;
        return item;
      }
      case 'project': {
        const p = node.project;
        const late = p.chains.filter((c) => c.late).length;
        const item = new vscode.TreeItem(p.name, p.chains.length ? C.Collapsed : C.None);
        item.id = `${node.ws.rootUri}#project:${p.id}`;
        item.description = [p.id, p.client, late ? `${late} late` : ''].filter(Boolean).join(' · ');
        item.tooltip = tooltip(p.name, p.client, `${p.chains.length} chain${p.chains.length === 1 ? '' : 's'}`);
        item.iconPath = new vscode.ThemeIcon('project', late ? new vscode.ThemeColor('list.warningForeground') : undefined);
        item.contextValue = 'tam.project';
        if (p.path.length || p.uri) item.command = openCommand(p);
        return item;
      }
      case 'chain': {
        const c = node.chain;
        const item = new vscode.TreeItem(c.title, c.tasks.length ? C.Collapsed : C.None);
        item.id = `${node.ws.rootUri}#chain:${c.id}`;
        const forecast = c.forecastFinish ? `forecast ${c.forecastFinish}` : 'no forecast';
        item.description = [forecast, c.deadline ? `deadline ${c.deadline}` : '', c.late ? `LATE +${c.lateByWorkingDays}d` : ''].filter(Boolean).join(' · ');
        item.tooltip = tooltip(`${c.title} (${c.id})`, forecast, c.deadline ? `deadline ${c.deadline}` : '', c.late ? `late by ${c.lateByWorkingDays} working day(s)` : '');
        item.iconPath = new vscode.ThemeIcon(c.late ? 'warning' : 'type-hierarchy', c.late ? new vscode.ThemeColor('list.errorForeground') : undefined);
        item.contextValue = 'tam.chain';
        item.command = openCommand(c);
        return item;
      }
      case 'task': {
        const t = node.task;
        const item = new vscode.TreeItem(t.title, C.None);
        item.id = `${node.ws.rootUri}#task:${node.chain.id}/${t.id}`;
        const when = t.start ? (t.finish && t.finish !== t.start ? `${t.start} → ${t.finish}` : t.start) : '';
        item.description = [t.department, t.status.replace('_', ' '), when, t.critical ? 'critical' : ''].filter(Boolean).join(' · ');
        item.tooltip = tooltip(`${t.title} (${t.id})`, `${t.department} · ${t.status}`, when, t.critical ? 'on the critical path' : '');
        item.iconPath = taskIcon(t.status);
        item.contextValue = 'tam.task';
        item.command = openCommand(t);
        return item;
      }
      case 'incident': {
        const i = node.incident;
        const item = new vscode.TreeItem(`${i.id} ${i.title}`, C.None);
        item.id = `${node.ws.rootUri}#incident:${i.id}`;
        item.description = [i.priority, i.project, slaText(i)].filter(Boolean).join(' · ');
        item.tooltip = tooltip(`${i.id} ${i.title}`, `${i.priority} · ${i.project} · opened ${i.opened}`, `response: ${i.response ?? '—'}, resolution: ${i.resolution ?? '—'}`);
        item.iconPath = incidentIcon(i);
        item.contextValue = i.open ? 'tam.incident.open' : 'tam.incident';
        item.command = openCommand(i);
        return item;
      }
      case 'proposalStatus': {
        const item = new vscode.TreeItem(node.status, C.Collapsed);
        item.id = `${node.ws.rootUri}#proposals:${node.status}`;
        item.description = `${node.proposals.length}`;
        item.iconPath = new vscode.ThemeIcon('tag');
        return item;
      }
      case 'proposal': {
        const p = node.proposal;
        const item = new vscode.TreeItem(p.title, C.None);
        item.id = `${node.ws.rootUri}#proposal:${p.id}`;
        item.description = [p.type, p.project].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(p.type === 'risk' ? 'shield' : 'lightbulb');
        item.contextValue = 'tam.proposal';
        item.command = openCommand(p);
        return item;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function groupsOf(ws: TreeWorkspace): Node[] {
  return [
    { kind: 'group', group: 'projects', ws },
    { kind: 'group', group: 'incidents', ws },
    { kind: 'group', group: 'proposals', ws },
  ];
}

function proposalStatuses(ws: TreeWorkspace): Node[] {
  const byStatus = new Map<string, TreeProposal[]>();
  for (const p of ws.proposals) byStatus.set(p.status, [...(byStatus.get(p.status) ?? []), p]);
  return [...byStatus].map(([status, proposals]) => ({ kind: 'proposalStatus', status, proposals, ws }));
}

function openCommand(address: EntityAddress): vscode.Command {
  return { command: 'tam.openEntity', title: 'Open', arguments: [{ uri: address.uri, doc: address.doc, path: address.path }] };
}

/** A bold first line and plain lines; every piece is YAML text, so it goes in as text. */
function tooltip(title: string, ...lines: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**');
  for (const line of lines.filter(Boolean)) {
    md.appendMarkdown('\n\n');
    md.appendText(line);
  }
  return md;
}

function taskIcon(status: string): vscode.ThemeIcon {
  switch (status) {
    case 'done':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'));
    case 'in_progress':
      return new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.blue'));
    case 'blocked':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('charts.red'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash');
    default:
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

function slaText(i: TreeIncident): string {
  if (i.openBreach) return 'SLA breached (open)';
  if (i.resolution === 'paused') return 'paused';
  if (i.open) return i.response === 'breached' || i.resolution === 'breached' ? 'open · breached' : 'open';
  if (i.response === 'breached' || i.resolution === 'breached') return 'breached';
  return i.resolution === 'met' ? 'met' : (i.resolution ?? 'no SLA');
}

function incidentIcon(i: TreeIncident): vscode.ThemeIcon {
  if (i.openBreach) return new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.red'));
  if (i.resolution === 'paused') return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('charts.yellow'));
  if (i.open) return new vscode.ThemeIcon('pulse', new vscode.ThemeColor('charts.orange'));
  if (i.response === 'breached' || i.resolution === 'breached') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.red'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
}
