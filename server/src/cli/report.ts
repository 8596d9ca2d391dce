// `tam report --project ID --month YYYY-MM [DIR] [--format markdown|html] [--out FILE] [--now TS]`:
// the monthly report a TAM sends the customer, on standard output or into FILE. FILE must end
// in .md or .html (the format follows it when --format is absent), so that a slip cannot
// overwrite a YAML file of the workspace or anything else that is not a report.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderMonthlyHtml } from '../core/render/monthly-html';
import { renderMonthlyMarkdown } from '../core/render/monthly-markdown';
import { monthlyReport } from '../core/report/monthly';
import { isMonth } from '../core/sla/trend';
import { closest } from '../core/text/suggest';
import { nowOption, oneOf, parse, UsageError } from './args';
import type { CommandIO } from './io';
import { openWorkspace } from './open';

export const reportUsage = `tam report --project ID --month YYYY-MM [DIR] [--format markdown|html] [--out FILE] [--now TS]

The monthly report for the customer of project ID: the SLA of the month (the figures of
tam sla --from --to for the month), each incident with its clocks and cause, the trend of met %
over 12 months, breaches with their postmortems and action items, the task chains, risks and
proposals, and documentation freshness. Markdown with Mermaid charts, or a self-contained HTML
page that prints to PDF. --out writes FILE (.md or .html) instead of standard output.`;

const EXTENSIONS = { markdown: ['.md', '.markdown'], html: ['.html', '.htm'] } as const;

export async function runReport(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { project: { type: 'string' }, month: { type: 'string' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, now: { type: 'string' } },
    1,
  );
  if (!values.project) throw new UsageError('--project is required: the project to report on, e.g. --project kedr-retail');
  if (!values.month) throw new UsageError('--month is required: the month to report on, e.g. --month 2026-11');
  if (!isMonth(values.month)) throw new UsageError(`--month must be a month written YYYY-MM, like 2026-11, not "${values.month}"`);
  const fromName = values.out ? formatOfFile(values.out) : undefined;
  const format = oneOf('format', values.format, ['markdown', 'html'] as const, fromName ?? 'markdown');
  if (values.out && fromName !== format) {
    throw new UsageError(`--out "${values.out}" must end in ${EXTENSIONS[format].join(' or ')} for --format ${format}`);
  }
  const now = nowOption(values.now);
  const { ws } = await openWorkspace(positionals[0]);
  if (!ws.get('project', values.project)) {
    const guess = closest(values.project, ws.ids('project'));
    throw new UsageError(`no project "${values.project}" in the workspace${guess ? `; did you mean "${guess}"?` : ''}`);
  }
  const report = monthlyReport(ws, now, values.project, values.month);
  const text = format === 'html' ? renderMonthlyHtml(report) : renderMonthlyMarkdown(report);
  if (!values.out) {
    io.out(text);
    return 0;
  }
  const target = path.resolve(io.cwd, values.out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new UsageError(`--out "${values.out}" is a folder: name the file to write, e.g. --out report.${format === 'html' ? 'html' : 'md'}`);
  if (!fs.existsSync(path.dirname(target))) throw new UsageError(`--out "${values.out}": the folder ${path.dirname(values.out)} does not exist`);
  fs.writeFileSync(target, text);
  io.out(`Wrote the ${values.month} report of ${values.project} to ${path.relative(io.cwd, target) || values.out}.\n`);
  return 0;
}

/** The format a file name asks for by its extension, if any. */
function formatOfFile(file: string): 'markdown' | 'html' | undefined {
  const ext = path.extname(file).toLowerCase();
  if ((EXTENSIONS.markdown as readonly string[]).includes(ext)) return 'markdown';
  if ((EXTENSIONS.html as readonly string[]).includes(ext)) return 'html';
  return undefined;
}
