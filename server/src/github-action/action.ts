// Entry point of dist/action.js, the check step of the GitHub Action (see main.ts).

import { workflowCommandData } from '../core/text/shown';
import { runAction } from './main';

runAction(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error title=TAM Workbench::${workflowCommandData(`internal error: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    process.exitCode = 2;
  },
);
