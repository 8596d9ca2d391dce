// Runs `tam` in-process with captured output, as a test would read a terminal.

import { main } from '../../server/src/cli/main';

export async function tam(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), cwd, color: false });
  return { code, out, err };
}
