// `tam graph CHAIN_FILE_OR_ID [DIR] [--format mermaid|gantt] [--now TS]` (spec §7): a chain as a
// Mermaid flowchart (departments as lanes, the critical path emphasized) or a gantt chart of
// its forecast; Mermaid's own parser accepts it whatever the titles contain.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { chainFlowchart, chainGantt } from '../core/render/mermaid';
import { chainSchedule, departmentNames } from '../core/schedule/workspace-schedule';
import { closest } from '../core/text/suggest';
import type { Entity } from '../core/workspace/entities';
import { nowOption, oneOf, parse, UsageError } from './args';
import type { CommandIO } from './io';
import { openWorkspace } from './open';

export const graphUsage = `tam graph CHAIN_FILE_OR_ID [DIR] [--format mermaid|gantt] [--now TS]

Prints a task chain as a Mermaid flowchart (or, with --format gantt, a gantt chart of its
forecast). CHAIN is a chain file, or a chain id looked up in DIR (default: the current folder).`;

export async function runGraph(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string', short: 'f' }, now: { type: 'string' } }, 2);
  const format = oneOf('format', values.format, ['mermaid', 'gantt'] as const, 'mermaid');
  const now = nowOption(values.now);
  const target = positionals[0];
  if (!target) throw new UsageError('name a chain: a chain file or a chain id');

  const isFile = fs.existsSync(target) && fs.statSync(target).isFile();
  const { ws, root } = await openWorkspace(isFile ? path.dirname(target) : positionals[1]);
  let chain: Entity | undefined;
  if (isFile) {
    const file = path.relative(root, path.resolve(target)).split(path.sep).join('/');
    const chains = (ws.file(file)?.entities ?? []).filter((e) => e.kind === 'chain');
    if (chains.length === 0) throw new UsageError(`"${target}" holds no chain (kind: chain)`);
    if (chains.length > 1) throw new UsageError(`"${target}" holds ${chains.length} chains (${chains.map((c) => c.id).join(', ')}); name one by its id`);
    chain = chains[0];
  } else {
    chain = ws.get('chain', target);
    if (!chain) {
      const guess = closest(target, ws.ids('chain'));
      throw new UsageError(`no chain file or chain id "${target}"${guess ? `; did you mean "${guess}"?` : ''}`);
    }
  }
  if (!chain!.valid) throw new UsageError(`chain "${chain!.id}" has errors; run "tam validate" to see them`);
  const forecast = chainSchedule(ws, now, chain!.id)?.byId.get(chain!.id);
  const options = { departmentNames: departmentNames(ws) };
  io.out((format === 'gantt' ? chainGantt(chain!.value, forecast, options) : chainFlowchart(chain!.value, forecast, options)) + '\n');
  return 0;
}
