// Where the hints of one request go: each at the end of a line, only for the lines the editor
// asked about, and several on one line (a task written as a flow map with its estimate) joined
// into one, so that a line gets at most one hint.

import type { Position } from '../../core/model';
import type { TextModel } from '../text-model';

export interface InlayHint {
  /** The end of the line the hint is about. */
  position: Position;
  label: string;
  /** The same in whole words (full dates, the zone), for the editor's tooltip. */
  tooltip?: string;
}

export class HintSink {
  private readonly byLine = new Map<number, { labels: string[]; tooltips: string[] }>();

  constructor(
    private readonly model: TextModel,
    /** The first and last line asked for (inclusive). */
    private readonly first: number,
    private readonly last: number,
  ) {}

  /** Whether a text offset lies on a line the editor asked for. */
  wants(offset: number): boolean {
    const line = this.model.positionAt(offset).line;
    return line >= this.first && line <= this.last;
  }

  /** A hint at the end of the line that holds `offset`. */
  add(offset: number, label: string, tooltip?: string): void {
    const line = this.model.positionAt(offset).line;
    if (line < this.first || line > this.last || !label) return;
    let entry = this.byLine.get(line);
    if (!entry) this.byLine.set(line, (entry = { labels: [], tooltips: [] }));
    entry.labels.push(label);
    if (tooltip) entry.tooltips.push(tooltip);
  }

  hints(): InlayHint[] {
    return [...this.byLine.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([line, { labels, tooltips }]) => {
        const hint: InlayHint = { position: { line, character: this.model.lineText(line).length }, label: labels.join(' · ') };
        if (tooltips.length) hint.tooltip = tooltips.join('\n');
        return hint;
      });
  }
}
