// Entry point of dist/action.js, the check step of the GitHub Action (see main.ts).

import { escapeData, runAction } from './main';

runAction(process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error title=TAM Workbench::${escapeData(`internal error: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    process.exitCode = 2;
  },
);
