// Opening the workspace a command names: find its root, read every file, and say clearly when
// the path is wrong (exit 2) instead of checking nothing.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileSystemHost } from '../core/workspace/host';
import { findWorkspaceRoot } from '../core/workspace/root';
import { Workspace } from '../core/workspace/workspace';
import { UsageError } from './args';

export interface OpenedWorkspace {
  ws: Workspace;
  root: string;
  /** The folder the user named, relative to the root ('' for the root itself). */
  scope: string;
}

/** `load: false` leaves reading the files to the caller (a check that reuses a cache). */
export async function openWorkspace(dir: string | undefined, { load = true } = {}): Promise<OpenedWorkspace> {
  const target = path.resolve(dir ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new UsageError(`cannot read "${dir ?? '.'}": no such file or folder`);
  }
  if (!stat.isDirectory()) throw new UsageError(`"${dir}" is not a folder`);
  try {
    fs.readdirSync(target);
  } catch {
    throw new UsageError(`cannot read folder "${dir}": permission denied`);
  }
  const root = findWorkspaceRoot(target);
  if (!root) throw new UsageError(`"${dir ?? '.'}" is not in a TAM workspace: no tam.yaml there or in any folder above it`);
  const ws = new Workspace(new FileSystemHost(root));
  if (load) ws.loadAll();
  const scope = path.relative(root, target).split(path.sep).join('/');
  return { ws, root, scope };
}

/** Whether a workspace-relative file lies inside the folder the user named. */
export function inScope(scope: string, file: string): boolean {
  return scope === '' || file === scope || file.startsWith(scope + '/');
}
