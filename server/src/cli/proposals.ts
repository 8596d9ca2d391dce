// `tam proposals [DIR] [--status S] [--from DATE --to DATE] [--by person|project]
// [--format text|markdown|csv|json]`: the register of improvements and risks, and with
// `--status implemented --from --to --by person` the list a bonus committee needs.

import { PROPOSAL_STATUSES, proposalRegister } from '../core/proposals/register';
import { proposalsJson, renderProposalsCsv, renderProposalsMarkdown, renderProposalsText } from '../core/render/proposals';
import { isDate } from '../core/time/dates';
import { oneOf, parse, UsageError } from './args';
import { outJson, type CommandIO } from './io';
import { inScope, openWorkspace } from './open';

export const proposalsUsage = `tam proposals [DIR] [--status S] [--from DATE --to DATE] [--by person|project] [--format text|markdown|csv|json]

The register of proposals: improvements and risks, who proposed them, when, their status,
customer value and severity. --status keeps one status (${PROPOSAL_STATUSES.join(', ')});
--from and --to keep those whose current status is dated in the period (implemented_on,
decided_on or proposed_on), both inclusive; --by person lists each proposal under each of its
authors with their share and totals per engineer (the bonus list with --status implemented).`;

export async function runProposals(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { status: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, format: { type: 'string', short: 'f' } },
    1,
  );
  const status = values.status === undefined ? undefined : oneOf('status', values.status, PROPOSAL_STATUSES, 'proposed');
  const by = values.by === undefined ? undefined : oneOf('by', values.by, ['person', 'project'] as const, 'person');
  const format = oneOf('format', values.format, ['text', 'markdown', 'csv', 'json'] as const, 'text');
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !isDate(value)) throw new UsageError(`--${name} must be a date like 2026-11-01, not "${value}"`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  const { ws, scope } = await openWorkspace(positionals[0]);
  const register = proposalRegister(ws, { status, from: values.from, to: values.to, by, inScope: (file) => inScope(scope, file) });
  switch (format) {
    case 'json':
      outJson(io, proposalsJson(register));
      break;
    case 'markdown':
      io.out(renderProposalsMarkdown(register));
      break;
    case 'csv':
      io.out(renderProposalsCsv(register));
      break;
    default:
      io.out(renderProposalsText(register));
  }
  return 0;
}
