// `tam review --base GIT_REF [DIR] [--now TS] [--format markdown|json]` (spec §7): what a change
// means, for a pull-request comment. The workspace at the ref is read from git without touching
// the working tree; the workspace now is read from disk; both are checked at the same "now".

import { diffFiles, GitError, isGitRepository, readTreeAtRef, resolveRef } from '../core/git/git';
import { renderReviewMarkdown, reviewJson } from '../core/render/review';
import { reviewChange } from '../core/review/review';
import { MemoryHost } from '../core/workspace/host';
import { Workspace } from '../core/workspace/workspace';
import { nowOption, oneOf, parse, UsageError } from './args';
import { outJson, type CommandIO } from './io';
import { inScope, openWorkspace } from './open';

export const reviewUsage = `tam review --base GIT_REF [DIR] [--now TS] [--format markdown|json]

Compares the workspace in DIR (default: the current folder) as it is now — working tree,
committed or not — with the same workspace at GIT_REF (a branch, tag or commit, e.g.
origin/main), and prints what changed in meaning, as Markdown for a pull-request comment:
chains (tasks, forecast, lateness, critical path, a Mermaid graph), incidents (status, SLA
clocks, breaches), postmortems, proposals, documentation reviews, and the diagnostics the
change introduces or fixes. Nothing is checked out: the ref is read with git.
Exit code: 0 when the review was printed, 2 when it could not run.`;

export async function runReview(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { base: { type: 'string', short: 'b' }, now: { type: 'string' }, format: { type: 'string', short: 'f' } }, 1);
  const format = oneOf('format', values.format, ['markdown', 'json'] as const, 'markdown');
  const now = nowOption(values.now);
  if (values.base === undefined) throw new UsageError('--base is required: the git ref to compare with, e.g. --base origin/main');
  const { ws: after, root, scope } = await openWorkspace(positionals[0]);

  let review;
  try {
    if (!isGitRepository(root)) throw new GitError(`"${positionals[0] ?? '.'}" is not in a git repository: tam review compares the workspace with a git ref`);
    const commit = resolveRef(root, values.base);
    const before = new Workspace(new MemoryHost(Object.fromEntries(readTreeAtRef(root, commit))));
    before.loadAll();
    const renames = new Map<string, string>();
    for (const c of diffFiles(root, commit)) if (c.status === 'renamed' && c.oldPath) renames.set(c.oldPath, c.path);
    review = reviewChange(before, after, { now, base: { ref: values.base, commit }, renames, inScope: (file) => inScope(scope, file) });
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
  if (format === 'json') outJson(io, reviewJson(review));
  else io.out(renderReviewMarkdown(review));
  return 0;
}
