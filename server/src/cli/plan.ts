// `tam plan [DIR] [--chain ID] [--now TS] [--format text|json]` (spec §7): the forecast of each
// chain, its lateness, its critical path, and whose move it is now.

import { renderPlanText, planJson } from '../core/render/plan';
import { departmentNames, workspaceSchedule, workspaceToday } from '../core/schedule/workspace-schedule';
import { closest } from '../core/text/suggest';
import { nowOption, oneOf, parse, UsageError } from './args';
import { outJson, type CommandIO } from './io';
import { inScope, openWorkspace } from './open';

export const planUsage = `tam plan [DIR] [--chain ID] [--now TS] [--format text|json]

Forecasts every task chain from now (or --now): when it finishes, whether that is after its
deadline, the critical path, and which department each open chain is waiting on.`;

export async function runPlan(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { chain: { type: 'string' }, now: { type: 'string' }, format: { type: 'string', short: 'f' } }, 1);
  const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
  const now = nowOption(values.now);
  const { ws, scope } = await openWorkspace(positionals[0]);
  const schedule = workspaceSchedule(ws, now);
  let chains = schedule.chains.filter((c) => {
    const entity = ws.get('chain', c.id);
    return entity ? inScope(scope, entity.file) : false;
  });
  if (values.chain !== undefined) {
    chains = schedule.chains.filter((c) => c.id === values.chain);
    if (!chains.length) {
      const known = ws.all('chain', values.chain);
      if (known.length) throw new UsageError(`chain "${values.chain}" has errors that prevent a forecast; run "tam validate" first`);
      const guess = closest(values.chain, ws.ids('chain'));
      throw new UsageError(`no chain "${values.chain}" in the workspace${guess ? `; did you mean "${guess}"?` : ''}`);
    }
  }
  if (format === 'json') {
    outJson(io, planJson(chains));
  } else {
    io.out(renderPlanText(chains, { departmentNames: departmentNames(ws), today: workspaceToday(ws, now) }));
  }
  return 0;
}
