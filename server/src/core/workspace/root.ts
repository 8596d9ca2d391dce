// Finding the workspace a path belongs to: the nearest folder at or above it that holds
// tam.yaml, as ESLint and Git find their roots.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT_FILE } from './workspace';

export function findWorkspaceRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, ROOT_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
