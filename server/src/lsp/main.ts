// Entry of `tam-language-server`: `--stdio` for any LSP editor, `--node-ipc` when VS Code
// starts it. The same script runs the analysis thread (see worker.ts).

import { isMainThread } from 'node:worker_threads';
import pkg from '../../../package.json';
import { startServer } from './server';
import { startWorker } from './worker';

const USAGE = `tam-language-server ${pkg.version}: the TAM Workbench language server

Usage: tam-language-server --stdio          (Neovim, Helix, any LSP editor)
       tam-language-server --node-ipc       (VS Code)
       tam-language-server --socket=PORT
`;

if (!isMainThread) {
  startWorker();
} else {
  const argv = process.argv.slice(2);
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${pkg.version}\n`);
  } else if (argv.includes('--help') || argv.includes('-h') || !argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
    process.stderr.write(USAGE);
    process.exitCode = argv.includes('--help') || argv.includes('-h') ? 0 : 2;
  } else {
    startServer(__filename);
  }
}
