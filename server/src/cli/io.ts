// What every command needs from its surroundings, passed in so that tests run commands
// in-process and read what they print.

import pkg from '../../../package.json';
import { jsonTextPieces } from '../core/text/shown';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  color: boolean;
}

export const VERSION: string = pkg.version;


export function processIO(): CommandIO {
  const color = process.env.NO_COLOR === undefined && (process.env.FORCE_COLOR !== undefined ? process.env.FORCE_COLOR !== '0' : !!process.stdout.isTTY);
  // The reader may go before the output ends (`tam validate | head`): the rest is not written,
  // and the command ends with its own exit code, not Node's stack trace of an unhandled EPIPE.
  // Any other failure to write (a full disk) is said in one line, and the exit code is 2.
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (e.code === 'EPIPE') return;
    process.stderr.write(`tam: could not write the output: ${e.code ?? 'write error'}\n`);
    process.exitCode = 2;
  });
  return {
    out: (text) => {
      if (!closed) process.stdout.write(text);
    },
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    color,
  };
}

/**
 * A command's JSON (core/text/shown's jsonText, and a line break) written a megabyte at a time:
 * a report of 100 000 incidents is never one string of all of it.
 */
export function outJson(io: CommandIO, value: object): void {
  let batch = '';
  for (const piece of jsonTextPieces(value)) {
    batch += piece;
    if (batch.length >= 1 << 20) {
      io.out(batch);
      batch = '';
    }
  }
  io.out(batch + '\n');
}
