// The monthly customer report as GitHub Markdown: the blocks of monthly-report.ts with every
// piece of workspace text escaped, and the 12-month trend as a Mermaid xychart (GitHub draws
// it) above the table of the same figures.

import type { MonthlyReport } from '../report/monthly';
import { markdownCode, markdownText } from '../text/shown';
import { mermaidBlock, table } from './markdown';
import { monthlyReportBlocks } from './monthly-report';
import type { Block, Inline, Line, TrendSeries } from './report-blocks';

export function renderMonthlyMarkdown(report: MonthlyReport): string {
  const out: string[] = [];
  for (const block of monthlyReportBlocks(report)) {
    out.push(...blockLines(block), '');
  }
  return out.join('\n');
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${inline(block.text)}`];
    case 'paragraph':
      return [inline(block.text)];
    case 'list':
      return block.items.map((item) => `- ${inline(item)}`);
    case 'table':
      return table(block.head.map((h) => markdownText(h)), block.rows.map((row) => row.map(inline)), block.right ?? []);
    case 'trend':
      return trendChart(block.title, block.series);
  }
}

function inline(parts: Line): string {
  return parts.map(piece).join('');
}

function piece(part: Inline): string {
  if (typeof part === 'string') return spaced(part);
  if ('code' in part) return markdownCode(part.code);
  if ('strong' in part) return `**${markdownText(part.strong)}**`;
  return `_${markdownText(part.muted)}_`;
}

/** Escaped text that keeps the spaces at its ends, which join it to the pieces beside it. */
function spaced(text: string): string {
  const lead = /^\s/.test(text) ? ' ' : '';
  const trail = /\s$/.test(text) && text.trim() !== '' ? ' ' : '';
  return lead + markdownText(text) + trail;
}

/**
 * A Mermaid xychart: bars for response met %, a line for resolution met %. A chart needs a
 * number at every point, so a month in which either clock has no decided value is left out
 * (and said so); the table below lists every month.
 */
export function trendMermaid(title: string, series: TrendSeries): string | undefined {
  const kept = series.months.map((_, i) => i).filter((i) => series.response[i] !== null && series.resolution[i] !== null);
  if (kept.length === 0) return undefined;
  const quote = (text: string) => `"${text.replace(/[^\w .,:%()-]/g, '')}"`;
  return [
    'xychart-beta',
    `  title ${quote(title)}`,
    `  x-axis [${kept.map((i) => quote(series.months[i]!)).join(', ')}]`,
    '  y-axis "Met %" 0 --> 100',
    `  bar [${kept.map((i) => series.response[i]).join(', ')}]`,
    `  line [${kept.map((i) => series.resolution[i]).join(', ')}]`,
  ].join('\n');
}

function trendChart(title: string, series: TrendSeries): string[] {
  const chart = trendMermaid(title, series);
  if (!chart) return [markdownText(`${title}: no SLA clock was decided in these months.`)];
  const left = series.months.filter((_, i) => series.response[i] === null || series.resolution[i] === null);
  const note = `Bars: response met %. Line: resolution met %.${left.length ? ` Months without a decided clock are left out: ${left.join(', ')}.` : ''}`;
  return [...mermaidBlock(chart), '', markdownText(note)];
}
