// Writes a workspace into a temporary folder, for tests that need a real file system.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BASE } from './workspace';

export function tempWorkspace(files: Record<string, string | Uint8Array>, base: Record<string, string> = BASE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-test-'));
  for (const [name, content] of Object.entries({ ...base, ...files })) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
