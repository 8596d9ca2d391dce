// The status-bar items: how many SLA clocks are breached and still running (a breach that still
// grows), over every TAM workspace — clicking it opens the SLA Summary — and the running clock
// due soonest in the user's projects ("INC-2026-0573 resolution due in 2h 35m", working time of
// its policy's calendar) — clicking it opens the incident. Updated when the server's index
// changes, when `tam.now` moves, and every minute while the real clock runs.

import * as vscode from 'vscode';
import { StatusRequest, type StatusAnswer, type StatusParams } from '../../server/src/protocol/tam-protocol';
import { formatMinutes } from '../../server/src/core/time/duration';
import type { Ctx } from './ctx';

const CLOCK_TICK_MS = 60_000;

export class BreachStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tam.openBreaches', vscode.StatusBarAlignment.Left, 50);
  private readonly due = vscode.window.createStatusBarItem('tam.soonestDue', vscode.StatusBarAlignment.Left, 49);
  private timer: NodeJS.Timeout | undefined;
  private readonly tick: NodeJS.Timeout;
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [this.item, this.due];
  /** The last answer, for tests. */
  last: StatusAnswer | undefined;

  constructor(private readonly ctx: Ctx) {
    this.item.name = 'TAM open SLA breaches';
    this.item.command = 'tam.showSlaSummary';
    this.item.text = '$(sync~spin) TAM';
    this.item.tooltip = 'TAM Workbench: reading the workspace…';
    this.item.show();
    this.due.name = 'TAM soonest due SLA clock';
    this.disposables.push(ctx.onIndexChanged(() => this.schedule(200)));
    this.tick = setInterval(() => {
      if (!this.ctx.config.now) this.schedule(0);
    }, CLOCK_TICK_MS);
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
    this.showSoonest(answer);
  }

  private showSoonest(answer: StatusAnswer): void {
    const soon = answer.soonestDue;
    if (!soon) {
      this.due.hide();
      return;
    }
    // Ids are plain; the title goes to the tooltip as text, never as Markdown.
    this.due.text = `$(watch) ${soon.incident} ${soon.clock} due in ${formatMinutes(soon.leftMinutes)}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown('**Soonest due SLA clock**\n\n');
    tip.appendText(`${soon.incident} (${soon.project}): ${soon.title}`);
    tip.appendMarkdown('\n\n');
    tip.appendText(soon.message);
    tip.appendMarkdown('\n\nClick to open the incident.');
    this.due.tooltip = tip;
    this.due.command = { command: 'tam.openLocation', title: 'Open the incident', arguments: [{ uri: soon.uri, range: soon.range }] };
    this.due.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearInterval(this.tick);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
