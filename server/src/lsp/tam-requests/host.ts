// What the tam/* request handlers see of the server: its workspaces (`TamHost`), and how a
// workspace file and a `file:` URI become one another. The analysis thread lends its projects
// through `hostOf`; tests build a host over a plain Workspace.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTimestamp } from '../../core/time/timestamp';
import type { Workspace } from '../../core/workspace/workspace';
import type { TamRequestBase } from '../../protocol/tam-protocol';
import type { FeatureContext } from '../context';
import type { Project } from '../project';

/** One workspace of the server: its index and the absolute path of the folder with tam.yaml. */
export interface TamWorkspaceRef {
  ws: Workspace;
  root: string;
  /** The URI of a workspace file (the open document's own URI when it is open). */
  uriOf?(file: string): string;
  /** Applies edits still waiting for their debounce, so that answers see the latest text. */
  flush?(): void;
  /** Re-checks and republishes the diagnostics of every file. */
  recheckAll?(): void;
}

/** What the language server lends to these requests. */
export interface TamHost {
  /** The workspace a `file:` URI (a document or a folder) belongs to. */
  workspaceFor(uri: string): TamWorkspaceRef | undefined;
  workspaces(): TamWorkspaceRef[];
  /** "Now" of the server (its `tam.now` setting, else the clock), ms since the epoch. */
  now(): number;
  /** `tam.me`: the person id the user set for themselves, if any. */
  me?(): string | undefined;
}

/** A TamHost over the analysis thread's projects. */
export function hostOf(ctx: FeatureContext): TamHost {
  const refOf = (project: Project): TamWorkspaceRef => ({
    ws: project.ws,
    root: project.root,
    uriOf: (file) => project.uriOf(file),
    flush: () => project.flush(),
    recheckAll: () => project.recheckAll(),
  });
  return {
    workspaceFor(uri) {
      const loc = ctx.document(uri);
      if (loc?.project) return refOf(loc.project);
      // A folder, or a file not read yet: the innermost root that holds it.
      let abs: string;
      try {
        abs = fileURLToPath(uri);
      } catch {
        return undefined;
      }
      let best: Project | undefined;
      for (const p of ctx.projects()) if (isInside(abs, p.root) && (!best || p.root.length > best.root.length)) best = p;
      return best && refOf(best);
    },
    workspaces: () => [...ctx.projects()].map(refOf),
    now: () => ctx.now(),
    me: () => ctx.settings().me,
  };
}

/** The "now" of a request: its own `now` when it gives one that reads, else the server's. */
export function nowOf(host: TamHost, p: TamRequestBase | undefined): number {
  const ms = p?.now ? parseTimestamp(p.now) : undefined;
  return ms ?? host.now();
}

/** The workspace a request names by `folderUri`, else the first one. */
export function pickWorkspace(host: TamHost, p: TamRequestBase | undefined): TamWorkspaceRef | undefined {
  return (p?.folderUri ? host.workspaceFor(p.folderUri) : undefined) ?? host.workspaces()[0];
}

export function fileUri(root: string, file: string): string {
  return pathToFileURL(path.join(root, file)).href;
}

/** A file's URI as the editor knows it (an open document's own), else made from the path. */
export function uriIn(ref: TamWorkspaceRef, file: string): string {
  return ref.uriOf?.(file) ?? fileUri(ref.root, file);
}

export function folderUri(root: string): string {
  return pathToFileURL(root).href;
}

/** The workspace-relative POSIX path of a `file:` URI inside `root`, or undefined. */
export function fileOf(root: string, uri: string): string | undefined {
  let abs: string;
  try {
    abs = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
