// Entry point of the `tam` executable. The same script runs the threads that share the
// incidents of `tam validate` (validate-share.ts).

import { plainText } from '../core/text/shown';
import { main } from './main';
import { isShare, runShare } from './validate-share';

if (isShare()) {
  runShare();
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`tam: internal error: ${plainText(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 2;
    },
  );
}
