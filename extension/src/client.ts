// The language client: starts the TAM language server bundled in this extension (dist/server.js)
// over Node IPC and tells it which documents and settings to care about, and which commands of
// code lenses the extension runs. The server reads the workspace's files from disk itself; the
// client only sends the YAML documents the user has open, and file-system events for the rest.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, type StaticFeature } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS_CAPABILITY, OpenChainGraphCommand, ShowSlaSummaryCommand } from '../../server/src/protocol/tam-protocol';
import type { Config } from './config';

export const CLIENT_ID = 'tam';
export const CLIENT_NAME = 'TAM Language Server';

export function createClient(context: vscode.ExtensionContext, config: Config, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Only YAML files on disk: an untitled buffer or a diff's left side is not a workspace file.
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    synchronize: {
      // Closed files change too (git checkout, another editor): the server re-reads them.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
      // didChangeConfiguration carries the `tam` section (rules, now) on every change.
      configurationSection: 'tam',
    },
    initializationOptions: config.serverSettings(),
    outputChannel,
    // `tam.trace.server` is read by the client itself (the setting is named after CLIENT_ID).
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client.registerFeature(tamCommands);
  return client;
}

/**
 * Tells the server which commands of code lenses this extension runs itself (the chain graph,
 * the SLA Summary), as the experimental client capability `tamCommands`: the server then makes
 * those lenses clickable, as it does not for editors without the extension.
 */
const tamCommands: StaticFeature = {
  fillClientCapabilities(capabilities) {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), [CLIENT_COMMANDS_CAPABILITY]: [OpenChainGraphCommand, ShowSlaSummaryCommand] };
  },
  initialize() {},
  getState: () => ({ kind: 'static' }),
  clear() {},
};
