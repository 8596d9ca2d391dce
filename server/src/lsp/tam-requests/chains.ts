// tam/chains: every chain of every workspace with its forecast finish, deadline and whether it
// is late — the list the extension's chain picker shows.

import { isLateChain } from '../../core/schedule/forecast';
import { workspaceSchedule } from '../../core/schedule/workspace-schedule';
import type { ChainsParams, ChainSummary } from '../../protocol/tam-protocol';
import { str } from './half-typed';
import { nowOf, uriIn, type TamHost } from './host';
import { compareText } from '../../core/text/order';

export function chainSummaries(host: TamHost, p: ChainsParams): ChainSummary[] {
  const now = nowOf(host, p);
  const out: ChainSummary[] = [];
  for (const ref of host.workspaces()) {
    const { ws } = ref;
    const schedule = workspaceSchedule(ws, now);
    for (const chain of ws.entities('chain')) {
      const f = schedule.byId.get(chain.id);
      out.push({
        id: chain.id,
        title: str(chain.value.title, chain.id),
        project: str(chain.value.project),
        uri: uriIn(ref, chain.file),
        forecastFinish: f?.forecastFinish,
        deadline: typeof chain.value.deadline === 'string' ? chain.value.deadline : undefined,
        late: f !== undefined && isLateChain(f),
      });
    }
  }
  return out.sort((a, b) => compareText(a.project, b.project) || compareText(a.id, b.id));
}
