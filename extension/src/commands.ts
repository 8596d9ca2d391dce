// The commands of the extension. Each is a function of the Ctx: the graph and SLA panels (also
// run by the server's code lenses), validation of the whole workspace, and the "TAM: New …"
// commands, which ask with quick picks and input boxes, write the file from a template with a
// WorkspaceEdit, and open it.

import * as vscode from 'vscode';
import {
  EntitiesRequest,
  isTamError,
  NewIncidentIdRequest,
  OpenChainGraphCommand,
  ShowSlaSummaryCommand,
  TodayRequest,
  ValidateWorkspaceRequest,
  WorkspacesRequest,
  type EntitiesParams,
  type EntityAddress,
  type EntityItem,
  type NewIncidentIdParams,
  type NewIncidentIdResult,
  type OpenChainGraphArgs,
  type ShowSlaSummaryArgs,
  type TodayParams,
  type TodayResult,
  type TreeChain,
  type ValidateWorkspaceAnswer,
  type ValidateWorkspaceParams,
  type WorkspaceInfo,
} from '../../server/src/protocol/tam-protocol';
import { isChainDocument } from './chain-file';
import type { Ctx } from './ctx';
import { revealAddress } from './reveal';
import {
  chainYaml,
  DATE_PATTERN,
  idProblem,
  incidentYaml,
  postmortemIdFor,
  postmortemYaml,
  PRIORITIES,
  projectYaml,
  slug,
} from './templates';
import type { TamTreeProvider } from './tree';
import { ChainGraphPanel, pickChain } from './webviews/chain-graph';
import { SlaSummaryPanel } from './webviews/sla-summary';
import { compareText } from '../../server/src/core/text/order';
import { addDays } from '../../server/src/core/time/dates';

export function registerCommands(ctx: Ctx, tree: TamTreeProvider): vscode.Disposable[] {
  const command = (id: string, fn: (...args: any[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        ctx.outputChannel.appendLine(`${id}: ${e instanceof Error ? (e.stack ?? message) : message}`);
        void vscode.window.showErrorMessage(`TAM: ${message}`);
        return undefined;
      }
    });
  return [
    command('tam.showChainGraph', (uri?: vscode.Uri) => showChainGraph(ctx, uri)),
    command('tam.showChainGraphFor', (node?: { chain?: TreeChain }) => {
      const chain = node?.chain;
      if (chain) ChainGraphPanel.show(ctx, { uri: chain.uri, chainId: chain.id });
      else return showChainGraph(ctx);
    }),
    // From a code lens with the project whose incidents to show; from the palette, all of them.
    command(ShowSlaSummaryCommand, (args?: ShowSlaSummaryArgs) => SlaSummaryPanel.show(ctx, { project: typeof args?.project === 'string' ? args.project : undefined })),
    // From a code lens: the graph of one chain, as a flowchart or a Gantt chart.
    command(OpenChainGraphCommand, (args?: OpenChainGraphArgs) => {
      if (typeof args?.uri !== 'string' && typeof args?.chainId !== 'string') return showChainGraph(ctx);
      ChainGraphPanel.show(ctx, { uri: args.uri, chainId: args.chainId, format: args.format === 'gantt' ? 'gantt' : 'flowchart' });
    }),
    command('tam.validateWorkspace', () => validateWorkspace(ctx)),
    command('tam.newProject', () => newProject(ctx)),
    command('tam.newChain', () => newChain(ctx)),
    command('tam.newIncident', () => newIncident(ctx)),
    command('tam.newPostmortem', () => newPostmortem(ctx)),
    command('tam.refreshTree', () => tree.refresh()),
    command('tam.restartServer', () => ctx.restart()),
    command('tam.openEntity', (address: EntityAddress) => revealAddress(ctx, address)),
  ];
}

// ---------------------------------------------------------------------------------------
// Panels and validation

async function showChainGraph(ctx: Ctx, uri?: vscode.Uri): Promise<void> {
  // From the editor title: the file of that editor; from the palette: the active chain file.
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  if (uri && (!doc || isChainDocument(doc))) {
    ChainGraphPanel.show(ctx, { uri: uri.toString() });
    return;
  }
  if (doc && isChainDocument(doc)) {
    ChainGraphPanel.show(ctx, { uri: doc.uri.toString() });
    return;
  }
  const picked = await pickChain(ctx);
  if (picked) ChainGraphPanel.show(ctx, { uri: picked.uri, chainId: picked.id });
}

async function validateWorkspace(ctx: Ctx): Promise<ValidateWorkspaceAnswer> {
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'TAM: validating the workspace…' },
    () => ctx.request<ValidateWorkspaceAnswer, ValidateWorkspaceParams>(ValidateWorkspaceRequest, { rules: ctx.config.rules }),
  );
  if (!answer) throw new Error('The TAM language server gave no answer (see the "TAM Language Server" output).');
  // Focus, not toggle: an open Problems panel stays open.
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `TAM: ${plural(answer.files, 'file')} checked: ${plural(answer.errors, 'error')}, ${plural(answer.warnings, 'warning')}${answer.infos ? `, ${answer.infos} info` : ''}.`;
  if (answer.errors) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
  return answer;
}

// ---------------------------------------------------------------------------------------
// New entities

async function entitiesOf(ctx: Ctx, kind: EntitiesParams['kind']): Promise<EntityItem[]> {
  return (await ctx.request<EntityItem[], EntitiesParams>(EntitiesRequest, { kind, folderUri: activeUri() })) ?? [];
}

function activeUri(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' ? uri.toString() : vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}

async function workspaceRoot(ctx: Ctx): Promise<vscode.Uri> {
  const roots = (await ctx.request<WorkspaceInfo[]>(WorkspacesRequest, {})) ?? [];
  if (roots.length === 0) throw new Error('No TAM workspace (a folder with tam.yaml) is open.');
  if (roots.length === 1) return vscode.Uri.parse(roots[0]!.rootUri);
  const picked = await vscode.window.showQuickPick(
    roots.map((r) => ({ label: r.name, description: vscode.Uri.parse(r.rootUri).fsPath, root: r })),
    { title: 'In which TAM workspace?' },
  );
  if (!picked) throw new Cancelled();
  return vscode.Uri.parse(picked.root.rootUri);
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

async function ask(options: vscode.InputBoxOptions): Promise<string> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  if (value === undefined) throw new Cancelled();
  return value.trim();
}

async function pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, matchOnDescription: true, ...options });
  if (!picked) throw new Cancelled();
  return picked;
}

async function pickProject(ctx: Ctx, title: string): Promise<EntityItem> {
  const projects = await entitiesOf(ctx, 'project');
  if (projects.length === 0) throw new Error('The workspace has no projects yet. Create one with "TAM: New Project".');
  return (await pick(projects.map((p) => ({ label: p.label, description: p.id, detail: p.detail, item: p })), { title })).item;
}

/** Writes a new file with a WorkspaceEdit (undoable, seen by other extensions), then opens it. */
async function createAndOpen(uri: vscode.Uri, text: string, cursorAt?: RegExp): Promise<vscode.TextEditor> {
  try {
    await vscode.workspace.fs.stat(uri);
    throw new Error(`${vscode.workspace.asRelativePath(uri)} already exists.`);
  } catch (e) {
    if (!(e instanceof vscode.FileSystemError)) throw e;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not create ${vscode.workspace.asRelativePath(uri)}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.isDirty) await doc.save();
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const match = cursorAt?.exec(text);
  if (match) {
    const start = doc.positionAt(match.index + (match[0].length - (match[1]?.length ?? 0)));
    const end = doc.positionAt(match.index + match[0].length);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end));
  }
  return editor;
}

function cancellable(fn: () => Promise<unknown>): Promise<unknown> {
  return fn().catch((e: unknown) => {
    if (e instanceof Cancelled) return undefined;
    throw e;
  });
}

/**
 * Today's date where the workspace is (tam.yaml's zone, from the server), on the real clock
 * whatever `tam.now` reviews: the machine's own zone may be another.
 */
async function today(ctx: Ctx, folderUri: string): Promise<string> {
  const answer = await ctx.request<TodayResult, TodayParams>(TodayRequest, { folderUri, now: new Date().toISOString() });
  if (!answer || isTamError(answer)) throw new Error(answer ? answer.error : 'The TAM language server gave no answer.');
  return answer.date;
}

function newProject(ctx: Ctx): Promise<unknown> {
  return cancellable(async () => {
    const root = await workspaceRoot(ctx);
    const taken = (await entitiesOf(ctx, 'project')).map((p) => p.id);
    const name = await ask({ title: 'New project (1/5)', prompt: 'Project name', placeHolder: 'Kedr Market e-commerce platform', validateInput: (v) => (v.trim() ? undefined : 'A name is required.') });
    const client = await ask({ title: 'New project (2/5)', prompt: 'Client (the customer company)', placeHolder: 'Kedr Market LLC', validateInput: (v) => (v.trim() ? undefined : 'A client is required.') });
    const id = await ask({ title: 'New project (3/5)', prompt: 'Project id (also its folder under projects/)', value: slug(name), validateInput: (v) => idProblem(v.trim(), taken) });
    const people = await entitiesOf(ctx, 'person');
    const tams = people.filter((p) => Array.isArray(p.fields?.roles) && (p.fields!.roles as string[]).includes('tam'));
    const tam = (await pick((tams.length ? tams : people).map((p) => ({ label: p.label, description: p.id, id: p.id })), { title: 'New project (4/5): the TAM' })).id;
    const departments = await entitiesOf(ctx, 'department');
    const chosen =
      (await vscode.window.showQuickPick(
        departments.map((d) => ({ label: d.label, description: d.id, id: d.id })),
        { title: 'New project (5/5): departments involved', canPickMany: true, ignoreFocusOut: true, matchOnDescription: true },
      )) ?? [];
    const uri = vscode.Uri.joinPath(root, 'projects', id, 'project.yaml');
    await createAndOpen(uri, projectYaml({ id, name, client, tam, departments: chosen.map((d) => d.id) }), /\n {4}name: (Customer contact)/);
  });
}

function newChain(ctx: Ctx): Promise<unknown> {
  return cancellable(async () => {
    const project = await pickProject(ctx, 'New task chain (1/4): for which project?');
    const taken = (await entitiesOf(ctx, 'chain')).map((c) => c.id);
    const title = await ask({ title: 'New task chain (2/4)', prompt: 'What was requested', placeHolder: 'Landscape for the seller portal (network, VMs, OS, nginx, php)', validateInput: (v) => (v.trim() ? undefined : 'A title is required.') });
    const id = await ask({ title: 'New task chain (3/4)', prompt: 'Chain id (also its file name)', value: `${project.id}-${slug(title)}`.slice(0, 60).replace(/-+$/, ''), validateInput: (v) => idProblem(v.trim(), taken) });
    const deadline = await ask({ title: 'New task chain (4/4)', prompt: 'Deadline (YYYY-MM-DD), or empty', validateInput: (v) => (!v.trim() || DATE_PATTERN.test(v.trim()) ? undefined : 'Write the date as YYYY-MM-DD.') });
    const departments = await entitiesOf(ctx, 'department');
    const projectDepartments = (await entitiesOf(ctx, 'project')).find((p) => p.id === project.id)?.fields?.departments;
    const department = (Array.isArray(projectDepartments) ? projectDepartments[0] : undefined) ?? departments[0]?.id ?? 'network';
    const uri = vscode.Uri.joinPath(vscode.Uri.parse(project.dirUri), 'chains', `${id}.yaml`);
    await createAndOpen(uri, chainYaml({ id, project: project.id, title, requested: await today(ctx, project.uri), deadline: deadline || undefined, department }), /\n {4}title: (First task)/);
  });
}

function newIncident(ctx: Ctx): Promise<unknown> {
  return cancellable(async () => {
    const project = await pickProject(ctx, 'New incident (1/4): for which project?');
    const title = await ask({ title: 'New incident (2/4)', prompt: 'What is wrong, as the customer sees it', placeHolder: 'Checkout returns HTTP 502 for some customers', validateInput: (v) => (v.trim() ? undefined : 'A title is required.') });
    const priority = (
      await pick(
        PRIORITIES.map((p) => ({ label: p, description: { P1: 'critical: service down', P2: 'high: major degradation', P3: 'medium', P4: 'low' }[p], value: p })),
        { title: 'New incident (3/4): priority' },
      )
    ).value;
    const departments = await entitiesOf(ctx, 'department');
    const department = (
      await pick([{ label: '(not yet known)', description: '', id: undefined as string | undefined }, ...departments.map((d) => ({ label: d.label, description: d.id, id: d.id as string | undefined }))], {
        title: 'New incident (4/4): department working on it',
      })
    ).id;
    // A new incident is opened now, whatever `tam.now` reviews: the real clock, in the workspace zone.
    const next = await ctx.request<NewIncidentIdResult, NewIncidentIdParams>(NewIncidentIdRequest, { folderUri: project.uri, now: new Date().toISOString() });
    if (!next || isTamError(next)) throw new Error(next ? next.error : 'The TAM language server gave no answer.');
    const uri = vscode.Uri.joinPath(vscode.Uri.parse(project.dirUri), 'incidents', `${next.id}.yaml`);
    await createAndOpen(uri, incidentYaml({ id: next.id, project: project.id, title, priority, opened: next.timestamp, department }), /\n {4}note: (Incident registered\.)/);
  });
}

function newPostmortem(ctx: Ctx): Promise<unknown> {
  return cancellable(async () => {
    const incidents = await entitiesOf(ctx, 'incident');
    if (incidents.length === 0) throw new Error('The workspace has no incidents.');
    // Resolved incidents without a postmortem first: those are the ones that need one.
    const rank = (i: EntityItem) => (i.fields?.resolved && !i.fields?.hasPostmortem ? 0 : i.fields?.hasPostmortem ? 2 : 1);
    const sorted = [...incidents].sort((a, b) => rank(a) - rank(b) || compareText(b.id, a.id));
    const incident = (
      await pick(
        sorted.map((i) => ({
          label: i.id,
          description: i.label,
          detail: `${i.detail ?? ''}${i.fields?.hasPostmortem ? ' · has a postmortem' : i.fields?.resolved ? ' · resolved, no postmortem yet' : ' · not resolved'}`,
          item: i,
        })),
        { title: 'New postmortem: for which incident?' },
      )
    ).item;
    const taken = (await entitiesOf(ctx, 'postmortem')).map((p) => p.id);
    const id = await ask({ title: 'New postmortem', prompt: 'Postmortem id', value: postmortemIdFor(incident.id), validateInput: (v) => idProblem(v.trim(), taken) });
    const due = addDays(await today(ctx, incident.uri), 14);
    const incidentDir = vscode.Uri.parse(incident.dirUri);
    const projectDir = /\/incidents$/.test(incidentDir.path) ? vscode.Uri.joinPath(incidentDir, '..') : incidentDir;
    const uri = vscode.Uri.joinPath(projectDir, 'postmortems', `${id}.yaml`);
    const opened = typeof incident.fields?.opened === 'string' ? incident.fields.opened : undefined;
    await createAndOpen(uri, postmortemYaml({ id, incident: incident.id, incidentTitle: incident.label, opened, due }), /\n {2}(.*what happened, for whom, and for how long\.)/);
  });
}
