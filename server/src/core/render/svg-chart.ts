// The 12-month SLA trend as an inline SVG chart for the HTML report: bars for response met %, a
// line for resolution met % (broken where a month has no decided clock), a 0–100 % axis, a
// legend, and a title and description for screen readers. Text in it is generated (months,
// numbers) and escaped anyway; styling comes from the page's classes, so the chart needs no
// style attribute a strict Content-Security-Policy would block.

import type { TrendSeries } from './report-blocks';
import { htmlText } from '../text/shown';

const WIDTH = 720;
const HEIGHT = 280;
const LEFT = 44;
const RIGHT = 12;
const TOP = 36;
const BOTTOM = 48;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function trendSvg(title: string, series: TrendSeries, id = 'trend'): string {
  const n = series.months.length;
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const step = plotW / Math.max(1, n);
  const x = (i: number) => LEFT + step * i + step / 2;
  const y = (pct: number) => TOP + plotH - (Math.max(0, Math.min(100, pct)) / 100) * plotH;
  const r = (v: number) => Math.round(v * 10) / 10;
  const out: string[] = [];
  out.push(`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`);
  out.push(`<title id="${id}-title">${htmlText(title)}</title>`);
  out.push(`<desc id="${id}-desc">${htmlText(description(series))}</desc>`);
  for (const tick of [0, 25, 50, 75, 100]) {
    out.push(`<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${r(y(tick))}" y2="${r(y(tick))}"/>`);
    out.push(`<text class="axis" x="${LEFT - 6}" y="${r(y(tick) + 4)}" text-anchor="end">${tick}%</text>`);
  }
  const barW = Math.max(4, step * 0.5);
  series.months.forEach((month, i) => {
    const v = series.response[i];
    if (v !== null && v !== undefined) {
      out.push(`<rect class="bar" x="${r(x(i) - barW / 2)}" y="${r(y(v))}" width="${r(barW)}" height="${r(TOP + plotH - y(v))}"><title>${htmlText(`${month}: response met ${v.toFixed(1)}%`)}</title></rect>`);
    }
    const [year, mm] = month.split('-');
    const label = MONTHS[Number(mm) - 1] ?? month;
    out.push(`<text class="axis" x="${r(x(i))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${htmlText(label)}</text>`);
    if (i === 0 || mm === '01') out.push(`<text class="axis" x="${r(x(i))}" y="${HEIGHT - BOTTOM + 30}" text-anchor="middle">${htmlText(year ?? '')}</text>`);
  });
  // The resolution line, in pieces between months without a value.
  let piece: string[] = [];
  const flush = () => {
    if (piece.length > 1) out.push(`<polyline class="line" points="${piece.join(' ')}"/>`);
    piece = [];
  };
  series.months.forEach((month, i) => {
    const v = series.resolution[i];
    if (v === null || v === undefined) return flush();
    piece.push(`${r(x(i))},${r(y(v))}`);
    out.push(`<circle class="dot" cx="${r(x(i))}" cy="${r(y(v))}" r="3.5"><title>${htmlText(`${month}: resolution met ${v.toFixed(1)}%`)}</title></circle>`);
  });
  flush();
  out.push(`<rect class="bar" x="${LEFT}" y="10" width="12" height="12"/><text class="legend" x="${LEFT + 18}" y="20">Response met %</text>`);
  out.push(`<line class="line" x1="${LEFT + 150}" x2="${LEFT + 174}" y1="16" y2="16"/><circle class="dot" cx="${LEFT + 162}" cy="16" r="3.5"/><text class="legend" x="${LEFT + 182}" y="20">Resolution met %</text>`);
  out.push('</svg>');
  return out.join('\n');
}

function description(series: TrendSeries): string {
  const parts = series.months.map((m, i) => {
    const a = series.response[i];
    const b = series.resolution[i];
    return `${m}: response ${a === null || a === undefined ? 'no data' : `${a.toFixed(1)}%`}, resolution ${b === null || b === undefined ? 'no data' : `${b.toFixed(1)}%`}`;
  });
  return parts.join('; ');
}
