// Entry of the TAM Workbench extension: activated in a workspace with a tam.yaml. Starts the
// bundled language server, then wires the views (agenda, tree, status bar), the webview panels (with
// their serializers, so they come back after a reload) and the commands. The pieces live in
// their own files: ctx.ts (state), client.ts, config.ts, commands.ts, agenda.ts, tree.ts, status.ts,
// webviews/.

import * as vscode from 'vscode';
import { registerAgenda, type AgendaProvider } from './agenda';
import { trackChainContext } from './chain-file';
import { registerCommands } from './commands';
import { Config } from './config';
import { Ctx } from './ctx';
import { BreachStatus } from './status';
import { TamTreeProvider } from './tree';
import { ChainGraphPanel } from './webviews/chain-graph';
import { SlaSummaryPanel } from './webviews/sla-summary';
import { registerSchemasWithYamlExtension } from './yaml-schemas';

/** What activate returns: for the extension-host tests (test/vscode). */
export interface TamWorkbenchApi {
  ctx: Ctx;
  tree: TamTreeProvider;
  agenda: AgendaProvider;
  status: BreachStatus;
  /** The graph and report the open panels show. */
  panels: { chainGraph(): ChainGraphPanel | undefined; slaSummary(): SlaSummaryPanel | undefined };
}

const panels: TamWorkbenchApi['panels'] = {
  chainGraph: () => ChainGraphPanel.currentPanel,
  slaSummary: () => SlaSummaryPanel.currentPanel,
};

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TamWorkbenchApi> {
  ctx = new Ctx(context);
  const tree = new TamTreeProvider(ctx);
  const agenda = registerAgenda(ctx);
  const status = new BreachStatus(ctx);
  context.subscriptions.push(
    ctx,
    tree,
    status,
    vscode.window.createTreeView('tam.workspace', { treeDataProvider: tree, showCollapseAll: true }),
    ...agenda.disposables,
    ChainGraphPanel.registerSerializer(ctx),
    SlaSummaryPanel.registerSerializer(ctx),
    trackChainContext(),
    ...registerCommands(ctx, tree),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (Config.affectsServer(e)) {
        warnAboutNow(ctx!);
        // The client sends the new settings to the server itself; the views ask again.
        ctx!.refreshViews();
      }
      if (e.affectsConfiguration('tam.schemas.registerWithYamlExtension')) {
        void registerSchemasWithYamlExtension(context, ctx!.config.registerSchemasWithYamlExtension);
      }
    }),
  );
  warnAboutNow(ctx);
  void registerSchemasWithYamlExtension(context, ctx.config.registerSchemasWithYamlExtension);
  try {
    await ctx.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`TAM: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ctx, tree, agenda: agenda.provider, status, panels };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}

function warnAboutNow(c: Ctx): void {
  const bad = c.config.invalidNow;
  if (bad) void vscode.window.showWarningMessage(`TAM: tam.now "${bad}" is not a timestamp with an offset (like 2026-11-25T12:00:00+03:00); the current time is used.`);
}
