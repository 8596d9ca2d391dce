// `tam sla [DIR] [--now TS] [--from DATE --to DATE] [--by project|department|priority|month]
// [--format table|markdown|csv|json]` (spec §7): response and resolution statistics, and the
// breaches with their causes, so a TAM sees where the process fails.

import { renderSlaCsv, renderSlaMarkdown, renderSlaTable, slaJson } from '../core/render/sla';
import { workspaceSlaReport } from '../core/sla/workspace-report';
import { isDate } from '../core/time/dates';
import { nowOption, oneOf, parse, UsageError } from './args';
import { outJson, type CommandIO } from './io';
import { inScope, openWorkspace } from './open';

export const slaUsage = `tam sla [DIR] [--now TS] [--from DATE --to DATE] [--by project|department|priority|month] [--format table|markdown|csv|json]

Response and resolution SLA per group: met %, median and 90th percentile times (working
time of each policy's calendar), open and paused incidents, and the breaches with their causes.
--from and --to select incidents by their opening date, both inclusive.`;

export async function runSla(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { now: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, format: { type: 'string', short: 'f' } },
    1,
  );
  const by = oneOf('by', values.by, ['project', 'department', 'priority', 'month'] as const, 'project');
  const format = oneOf('format', values.format, ['table', 'markdown', 'csv', 'json'] as const, 'table');
  const now = nowOption(values.now);
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !isDate(value)) throw new UsageError(`--${name} must be a date like 2026-11-01, not "${value}"`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  const { ws, scope } = await openWorkspace(positionals[0]);
  const report = workspaceSlaReport(ws, now, { by, from: values.from, to: values.to }, (file) => inScope(scope, file));
  switch (format) {
    case 'json':
      outJson(io, slaJson(report));
      break;
    case 'markdown':
      io.out(renderSlaMarkdown(report));
      break;
    case 'csv':
      io.out(renderSlaCsv(report));
      break;
    default:
      io.out(renderSlaTable(report));
  }
  return 0;
}
