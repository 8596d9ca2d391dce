// The monthly customer report as one self-contained HTML page: no script, no request to
// anywhere (a Content-Security-Policy that allows only the page's own stylesheet, by its hash),
// the trend as an inline SVG chart, and print styles so that "Print to PDF" gives a clean
// document. The same blocks as the Markdown report; every piece of workspace text is escaped.

import { createHash } from 'node:crypto';
import type { MonthlyReport } from '../report/monthly';
import { htmlText } from '../text/shown';
import { monthlyReportBlocks, reportTitle } from './monthly-report';
import type { Block, Inline, Line } from './report-blocks';
import { trendSvg } from './svg-chart';

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p, ul { margin: 6px 0; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f4f6; padding: 1px 4px; border-radius: 4px; }
.muted { color: #59636e; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
tr { break-inside: avoid; }
h2, h3 { break-after: avoid; }
.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
.chart .grid { stroke: #d0d7de; stroke-width: 1; }
.chart .axis, .chart .legend { font: 11px system-ui, sans-serif; fill: #59636e; }
.chart .bar { fill: #8fb8ef; }
.chart .line { fill: none; stroke: #cf222e; stroke-width: 2; }
.chart .dot { fill: #cf222e; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 20px; }
  a { color: inherit; text-decoration: none; }
}
`;

export function renderMonthlyHtml(report: MonthlyReport): string {
  const hash = createHash('sha256').update(CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const body = monthlyReportBlocks(report).map(blockHtml).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${htmlText(reportTitle(report))}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inline(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const right = new Set(block.right ?? []);
      const cls = (i: number) => (right.has(i) ? ' class="num"' : '');
      const head = `<tr>${block.head.map((h, i) => `<th${cls(i)}>${htmlText(h)}</th>`).join('')}</tr>`;
      const rows = block.rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${inline(cell)}</td>`).join('')}</tr>`);
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'trend':
      return trendSvg(block.title, block.series, 'trend');
  }
}

function inline(parts: Line): string {
  return parts.map(piece).join('');
}

function piece(part: Inline): string {
  if (typeof part === 'string') return htmlText(part);
  if ('code' in part) return `<code>${htmlText(part.code)}</code>`;
  if ('strong' in part) return `<strong>${htmlText(part.strong)}</strong>`;
  return `<span class="muted">${htmlText(part.muted)}</span>`;
}
