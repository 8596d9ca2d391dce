// The main thread's one conversion between the editor's `file:` URIs and paths on disk.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of a `file:` URI; undefined for any other URI or one that does not read. */
export function pathOf(uri: string): string | undefined {
  if (!uri?.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
