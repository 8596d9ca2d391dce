// The trend of SLA met % month by month: for each of the N months up to a given one, the met %
// of response and resolution of the incidents opened that month — exactly the figures of
// `tam sla --by month --from … --to …` (report.ts counts them), with every month present, those
// without incidents included. The monthly customer report charts it; so does the SLA Summary.

import { dateOfDay, dayNumber, daysFromCivil } from '../time/dates';
import { buildSlaReport, type SlaRow, type SlaStats } from './report';

export interface TrendPoint {
  /** YYYY-MM. */
  month: string;
  incidents: number;
  responseMetPct: number | null;
  resolutionMetPct: number | null;
  breaches: number;
}

/** Whether a text is a month written YYYY-MM in the supported years. */
export function isMonth(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}$/.test(text) && dayNumber(`${text}-01`) !== undefined;
}

/** The first and last dates of a YYYY-MM month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  return { from: `${month}-01`, to: dateOfDay(next - 1) };
}

/** The YYYY-MM month `count` months before (negative) or after another. */
export function shiftMonth(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month of a YYYY-MM-DD date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * The met % of the `months` months ending with `lastMonth` (oldest first), from rows of
 * incidents with their clocks, dates read in `timezone`.
 */
export function slaTrend(rows: readonly SlaRow[], lastMonth: string, months: number, timezone: string): TrendPoint[] {
  const first = shiftMonth(lastMonth, -(months - 1));
  const report = buildSlaReport(rows, { by: 'month', from: monthRange(first).from, to: monthRange(lastMonth).to, timezone });
  const byMonth = new Map<string, SlaStats>(report.groups.map((g) => [g.key, g]));
  const out: TrendPoint[] = [];
  for (let i = 0; i < months; i++) {
    const month = shiftMonth(first, i);
    const stats = byMonth.get(month);
    out.push({
      month,
      incidents: stats?.incidents ?? 0,
      responseMetPct: stats?.responseMetPct ?? null,
      resolutionMetPct: stats?.resolutionMetPct ?? null,
      breaches: stats?.breaches ?? 0,
    });
  }
  return out;
}

