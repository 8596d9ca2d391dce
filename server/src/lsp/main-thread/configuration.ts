// The `tam` settings of the editor: read at start (after initializationOptions) and again when
// the editor says they changed, then sent to the analysis thread. Settings that do not read
// are ignored, never fatal (settings.ts).

import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import type { WorkerClient } from '../worker-client';
import type { ViewRefresh } from './refresh';
import type { Session } from './session';

/** The editor's `tam` configuration section, when it can be asked for it. */
export async function fetchConfiguration(connection: Connection, session: Session): Promise<unknown> {
  if (!session.capabilities.workspace?.configuration) return undefined;
  try {
    return await connection.workspace.getConfiguration('tam');
  } catch {
    return undefined;
  }
}

/** Settings as initializationOptions give them, overridden by the configuration section. */
export function settingsFrom(session: Session, configured: unknown): Settings {
  return readSettings(readSettings(DEFAULT_SETTINGS, session.initOptions), configured);
}

export function registerConfiguration(connection: Connection, session: Session, worker: WorkerClient, refresh?: ViewRefresh): void {
  connection.onDidChangeConfiguration((params) => {
    void (async () => {
      const pushed = (params?.settings as { tam?: unknown } | undefined)?.tam;
      const configured = pushed ?? (await fetchConfiguration(connection, session));
      session.settings = settingsFrom(session, configured);
      worker.post({ type: 'settings', settings: session.settings });
      refresh?.soon(); // hint families, `now` and `me` change what hints and lenses show
    })().catch((e) => session.log('error', `configuration: ${String(e)}`));
  });
}
