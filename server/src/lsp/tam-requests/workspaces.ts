// tam/workspaces and tam/validateWorkspace: the workspaces the server holds, and "check them
// all" — every file re-checked with the editor's rule settings, the counts returned, and the
// diagnostics of every file (open or not) published.

import * as path from 'node:path';
import { check } from '../../core/check';
import type { ValidateWorkspaceAnswer, ValidateWorkspaceParams, WorkspaceInfo } from '../../protocol/tam-protocol';
import { str } from './half-typed';
import { folderUri, nowOf, type TamHost } from './host';

export function validateWorkspace(host: TamHost, p: ValidateWorkspaceParams): ValidateWorkspaceAnswer {
  const answer: ValidateWorkspaceAnswer = { files: 0, errors: 0, warnings: 0, infos: 0 };
  const now = nowOf(host, p);
  for (const ref of host.workspaces()) {
    ref.flush?.();
    for (const diagnostics of check(ref.ws, { now, rules: p.rules }).values()) {
      answer.files++;
      for (const d of diagnostics) {
        if (d.severity === 'error') answer.errors++;
        else if (d.severity === 'warning') answer.warnings++;
        else answer.infos++;
      }
    }
    ref.recheckAll?.();
  }
  return answer;
}

export function workspaceList(host: TamHost): WorkspaceInfo[] {
  return host.workspaces().map(({ ws, root }) => ({ rootUri: folderUri(root), name: str(ws.config.doc?.name, path.basename(root)) }));
}
