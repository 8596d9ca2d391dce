// What every command needs from its surroundings, passed in so that tests run commands
// in-process and read what they print.

import pkg from '../../../package.json';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  color: boolean;
}

export const VERSION: string = pkg.version;


export function processIO(): CommandIO {
  const color = process.env.NO_COLOR === undefined && (process.env.FORCE_COLOR !== undefined ? process.env.FORCE_COLOR !== '0' : !!process.stdout.isTTY);
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    color,
  };
}
