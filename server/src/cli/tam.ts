// Entry point of the `tam` executable.

import { plainText } from '../core/text/shown';
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    // Unless the output could not be written: io.ts has said so, with 2.
    process.exitCode ??= code;
  },
  (e: unknown) => {
    process.stderr.write(`tam: internal error: ${plainText(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = 2;
  },
);
