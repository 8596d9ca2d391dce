// The status-bar item: how many SLA clocks are breached and still running (a breach that still
// grows), over every TAM workspace. Clicking it opens the SLA Summary. Updated when the
// server's index changes and when `tam.now` moves.

import * as vscode from 'vscode';
import { StatusRequest, type StatusAnswer, type StatusParams } from '../../server/src/protocol/tam-protocol';
import type { Ctx } from './ctx';

export class BreachStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tam.openBreaches', vscode.StatusBarAlignment.Left, 50);
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** The last answer, for tests. */
  last: StatusAnswer | undefined;

  constructor(private readonly ctx: Ctx) {
    this.item.name = 'TAM open SLA breaches';
    this.item.command = 'tam.showSlaSummary';
    this.item.text = '$(sync~spin) TAM';
    this.item.tooltip = 'TAM Workbench: reading the workspace…';
    this.item.show();
    this.disposables.push(ctx.onIndexChanged(() => this.schedule(200)));
  }

  schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  async update(): Promise<void> {
    const seq = ++this.seq;
    let answer: StatusAnswer;
    try {
      answer = await this.ctx.request<StatusAnswer, StatusParams>(StatusRequest, {});
    } catch (e) {
      if (seq !== this.seq) return;
      this.item.text = '$(warning) TAM';
      this.item.tooltip = `TAM Workbench: ${e instanceof Error ? e.message : String(e)}`;
      this.item.backgroundColor = undefined;
      return;
    }
    if (seq !== this.seq || !answer) return;
    this.last = answer;
    const n = answer.openBreaches;
    this.item.text = n ? `$(flame) ${n} open SLA breach${n === 1 ? '' : 'es'}` : '$(pass) SLA: no open breaches';
    this.item.backgroundColor = n ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const at = this.ctx.config.now ? ` at ${this.ctx.config.now} (tam.now)` : '';
    this.item.tooltip = new vscode.MarkdownString(
      `**TAM Workbench**${at}\n\n- ${n} open breach${n === 1 ? '' : 'es'} (SLA clocks over target, running or paused)\n- ${answer.openIncidents} open incident${answer.openIncidents === 1 ? '' : 's'}\n- ${answer.lateChains} late task chain${answer.lateChains === 1 ? '' : 's'}\n\nClick for the SLA Summary.`,
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
