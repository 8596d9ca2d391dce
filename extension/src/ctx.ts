// The extension's state: the language client, the settings, and the events the views follow.
// Commands, views and webviews receive a Ctx and talk to the server only through `request`,
// which adds the `tam.now` setting to every request so that the views and the diagnostics
// agree on "now".

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { IndexChangedNotification, type IndexChangedParams, type TamRequestBase } from '../../server/src/protocol/tam-protocol';
import { createClient } from './client';
import { Config } from './config';

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly outputChannel = vscode.window.createOutputChannel('TAM Workbench');
  private client?: LanguageClient;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly indexChanged = new vscode.EventEmitter<IndexChangedParams | undefined>();
  /** The server's index changed (or the settings that change every answer did): refresh. */
  readonly onIndexChanged = this.indexChanged.event;

  constructor(readonly extensionContext: vscode.ExtensionContext) {
    this.disposables.push(this.indexChanged, this.outputChannel);
  }

  get extensionUri(): vscode.Uri {
    return this.extensionContext.extensionUri;
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  async start(): Promise<void> {
    const client = createClient(this.extensionContext, this.config, this.outputChannel);
    this.client = client;
    this.disposables.push(client.onNotification(IndexChangedNotification, (params: IndexChangedParams) => this.indexChanged.fire(params)));
    await client.start();
    await vscode.commands.executeCommand('setContext', 'tam.serverRunning', true);
    this.indexChanged.fire(undefined);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await vscode.commands.executeCommand('setContext', 'tam.serverRunning', false);
    if (client) await client.stop().catch(() => undefined);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Tells the views to ask again (after a settings change, say). */
  refreshViews(): void {
    this.indexChanged.fire(undefined);
  }

  /**
   * Sends a tam/* request with `now` from the settings. Rejects when the server is not
   * running, with a message fit for the user.
   */
  async request<R, P extends object = TamRequestBase>(method: string, params: P): Promise<R> {
    const client = this.client;
    if (!client) throw new Error('The TAM language server is not running (is there a tam.yaml in the workspace?).');
    if (!client.isRunning()) await waitUntilRunning(client);
    const now = this.config.now;
    return client.sendRequest<R>(method, now && !('now' in params) ? { ...params, now } : params);
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function waitUntilRunning(client: LanguageClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        sub.dispose();
        resolve();
      } else if (e.newState === State.Stopped) {
        sub.dispose();
        reject(new Error('The TAM language server stopped.'));
      }
    });
  });
}
