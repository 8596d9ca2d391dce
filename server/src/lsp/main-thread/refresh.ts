// Inlay hints and code lenses are the editor's to ask for, and it asks when the document
// changes; but a forecast also moves when another chain, a calendar or a department changes,
// and settings turn hint families on and off. After the index changed (the analysis thread
// published diagnostics or read a root) or the settings did, the editor is asked to fetch both
// again (workspace/inlayHint/refresh, workspace/codeLens/refresh), once per quiet spell and
// only when it said it supports that.

import { CodeLensRefreshRequest, InlayHintRefreshRequest, type Connection } from 'vscode-languageserver/node';
import type { Session } from './session';

/** How long the index must be quiet before the editor is asked again (typing changes it often). */
const QUIET_MS = 200;

export class ViewRefresh {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
  ) {}

  /** Something the hints and lenses show may have changed. */
  soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.now(), QUIET_MS);
    this.timer.unref?.();
  }

  private now(): void {
    const workspace = this.session.capabilities.workspace;
    const ask = (method: string): void => {
      this.connection.sendRequest(method).catch((e: unknown) => this.session.log('log', `${method}: ${String(e)}`));
    };
    if (workspace?.inlayHint?.refreshSupport) ask(InlayHintRefreshRequest.method);
    if (workspace?.codeLens?.refreshSupport) ask(CodeLensRefreshRequest.method);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
