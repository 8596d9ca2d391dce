// `tam agenda [DIR] [--tam PERSON] [--project ID] [--days N] [--now TS] [--format text|markdown|json]`:
// what needs a TAM this morning, most urgent first. A report, not a check: it exits 0 whatever
// it lists.

import * as path from 'node:path';
import { buildAgenda } from '../core/agenda/agenda';
import { agendaJson, renderAgendaMarkdown, renderAgendaText, type AgendaAudience } from '../core/render/agenda';
import { closest } from '../core/text/suggest';
import { Places } from '../core/workspace/place';
import { nowOption, oneOf, parse, UsageError } from './args';
import { outJson, type CommandIO } from './io';
import { inScope, openWorkspace } from './open';

export const agendaUsage = `tam agenda [DIR] [--tam PERSON] [--project ID] [--days N] [--now TS] [--format text|markdown|json]

What needs the TAM now, most urgent first: SLA clocks that will breach within the horizon
(agenda.sla_horizon in tam.yaml, 4h of working time), open breaches, postmortems due within
N days (agenda.days, 7) or overdue, blocked tasks, tasks that can start now, tasks due,
chains at risk, document reviews due, and proposals waiting for the customer's decision.
--tam PERSON covers the projects whose tam is PERSON; --project ID one project; else all.
Exit code: 0 (a report, not a check), 2 when it could not run.`;

export async function runAgenda(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { tam: { type: 'string' }, project: { type: 'string' }, days: { type: 'string' }, now: { type: 'string' }, format: { type: 'string', short: 'f' } },
    1,
  );
  const format = oneOf('format', values.format, ['text', 'markdown', 'json'] as const, 'text');
  const now = nowOption(values.now);
  if (values.tam !== undefined && values.project !== undefined) throw new UsageError('--tam and --project cannot be used together: choose the person or the project');
  let days: number | undefined;
  if (values.days !== undefined) {
    if (!/^\d{1,3}$/.test(values.days) || Number(values.days) > 366) throw new UsageError(`--days must be a whole number of days from 0 to 366, not "${values.days}"`);
    days = Number(values.days);
  }
  const { ws, root, scope } = await openWorkspace(positionals[0]);
  const audience: AgendaAudience = {};
  if (values.tam !== undefined) {
    const person = ws.get('person', values.tam);
    if (!person) {
      const guess = closest(values.tam, ws.ids('person'));
      throw new UsageError(`no person "${values.tam}" in the workspace${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    audience.person = { id: person.id, name: typeof person.value.name === 'string' ? person.value.name : person.id };
  }
  if (values.project !== undefined) {
    if (!ws.get('project', values.project)) {
      const guess = closest(values.project, ws.ids('project'));
      throw new UsageError(`no project "${values.project}" in the workspace${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    audience.project = values.project;
  }
  const agenda = buildAgenda(ws, now, { tam: values.tam, project: values.project, days, inScope: (file) => inScope(scope, file) });
  const places = new Places(ws);
  switch (format) {
    case 'json':
      outJson(io, agendaJson(agenda, places, audience));
      break;
    case 'markdown':
      io.out(renderAgendaMarkdown(agenda, places, audience));
      break;
    default:
      io.out(
        renderAgendaText(agenda, places, audience, {
          color: io.color,
          displayPath: (file) => path.relative(io.cwd, path.join(root, file)).split(path.sep).join('/'),
        }),
      );
  }
  return 0;
}
