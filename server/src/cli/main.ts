// The `tam` command: dispatches to one file per command, and keeps the promise of spec §7 —
// exit 0 or 1 for a result, 2 when it could not run, and never a stack trace. Error messages
// quote what the user typed and what the workspace holds (ids, paths), so they are printed
// through plainText (core/text/shown).

import { plainText } from '../core/text/shown';
import { agendaUsage, runAgenda } from './agenda';
import { UsageError } from './args';
import { processIO, VERSION, type CommandIO } from './io';
import { docsUsage, runDocs } from './docs';
import { graphUsage, runGraph } from './graph';
import { planUsage, runPlan } from './plan';
import { proposalsUsage, runProposals } from './proposals';
import { reportUsage, runReport } from './report';
import { reviewUsage, runReview } from './review';
import { runSla, slaUsage } from './sla';
import { runValidate, validateUsage } from './validate';

interface Command {
  usage: string;
  run(argv: string[], io: CommandIO): number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: { usage: validateUsage, run: runValidate },
  sla: { usage: slaUsage, run: runSla },
  plan: { usage: planUsage, run: runPlan },
  graph: { usage: graphUsage, run: runGraph },
  review: { usage: reviewUsage, run: runReview },
  docs: { usage: docsUsage, run: runDocs },
  agenda: { usage: agendaUsage, run: runAgenda },
  proposals: { usage: proposalsUsage, run: runProposals },
  report: { usage: reportUsage, run: runReport },
};

export function usage(): string {
  return `TAM Workbench ${VERSION}

Usage:
${Object.values(COMMANDS)
  .map((c) => '  ' + c.usage.split('\n')[0])
  .join('\n')}

Run "tam help COMMAND" for details.
`;
}

export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (name === 'help') {
    const command = rest[0] ? COMMANDS[rest[0]] : undefined;
    io.out(command ? command.usage + '\n' : usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`tam: unknown command "${plainText(name)}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tam ${name}: ${plainText(e.message)}\n\nUsage: ${command.usage.split('\n')[0]}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`tam ${name}: internal error: ${plainText(message)}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}
