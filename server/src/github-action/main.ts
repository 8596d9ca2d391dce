// The check step of the GitHub Action (action.yml), bundled as dist/action.js. It runs `tam`
// in-process on the workspace — SARIF for code scanning, annotations in the log, the counts,
// the SLA table and the late chains for the job summary, and on pull requests the review for
// the comment — and leaves files and outputs for the action's later steps (upload, comment,
// cache, verdict). Findings never fail this step: the action's last step fails the job, after
// the upload and the comment have run. Exit 2 when the check could not run at all.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main as tam } from '../cli/main';
import { GitError, resolveRef } from '../core/git/git';
import type { ValidationSummary } from '../core/render/diagnostics-json';
import type { PlanJson } from '../core/render/plan';
import { workflowCommandData } from '../core/text/shown';
import { findWorkspaceRoot } from '../core/workspace/root';
import { ActionSetupError, readEnvironment, writeOutputs, type ActionEnvironment, type PullRequest } from './environment';
import { renderJobSummary } from './summary';

/** A `tam` command that exited 2: its message is the step's error. */
class CommandFailed extends Error {}

async function command(argv: string[], cwd: string): Promise<string> {
  let out = '';
  let err = '';
  const code = await tam(argv, { out: (t) => void (out += t), err: (t) => void (err += t), cwd, color: false });
  // The first line says what went wrong; the usage after it names options the workflow never wrote.
  if (code === 2) throw new CommandFailed(err.trim().split('\n')[0] || `tam ${argv[0]} could not run`);
  // Warnings that do not stop a command (a cache that could not be written) stay visible.
  if (err) process.stderr.write(err);
  return out;
}

export async function runAction(env: NodeJS.ProcessEnv): Promise<number> {
  let e: ActionEnvironment;
  try {
    e = readEnvironment(env);
    return await check(e);
  } catch (error) {
    if (error instanceof ActionSetupError || error instanceof CommandFailed) {
      process.stdout.write(`::error title=TAM Workbench::${workflowCommandData(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

async function check(e: ActionEnvironment): Promise<number> {
  fs.mkdirSync(e.temp, { recursive: true });
  const dir = path.resolve(e.checkout, e.inputs.path);
  const root = findWorkspaceRoot(dir);
  if (root && isInside(e.actionPath, root)) {
    throw new ActionSetupError(
      `the action's own files (${e.actionPath}) are inside the TAM workspace ${root}, so its YAML would be checked as part of the workspace: use the action from its repository (uses: tam-workbench/tam-workbench@v0), not from a copy inside the workspace`,
    );
  }
  const now = e.inputs.now ? ['--now', e.inputs.now] : [];
  // One cache file for the run: the first check writes it and the other formats reuse it;
  // with the `cache` input, the action restores it before and saves it after.
  const cacheFile = path.join(e.temp, 'tamcache');
  const validate = (format: string) => command(['validate', dir, '--format', format, ...now, '--cache', '--cache-location', cacheFile], e.checkout);

  const counts = (JSON.parse(await validate('json')) as { summary: ValidationSummary }).summary;
  const outputs: Record<string, string | number> = {
    errors: counts.errors,
    warnings: counts.warnings,
    infos: counts.infos,
    files: counts.files,
    'cache-file': cacheFile,
  };
  if (e.inputs.sarif) {
    const file = path.join(e.temp, 'tam.sarif');
    fs.writeFileSync(file, await validate('sarif'));
    outputs['sarif-file'] = file;
    // Code scanning keeps one analysis per category: one per workspace of the repository.
    outputs['sarif-category'] = e.inputs.path === '.' ? 'tam' : `tam:${e.inputs.path.replace(/\/+$/, '')}`;
  }
  if (e.inputs.annotations) process.stdout.write(await validate('github'));

  const sla = await command(['sla', dir, '--format', 'markdown', ...now], e.checkout);
  const plan = JSON.parse(await command(['plan', dir, '--format', 'json', ...now], e.checkout)) as PlanJson;

  let review: string | undefined;
  let reviewSkipped: string | undefined;
  if (e.inputs.review && e.pullRequest) {
    const base = baseOf(dir, e.pullRequest);
    if ('skipped' in base) {
      reviewSkipped = base.skipped;
      process.stdout.write(`::warning title=TAM Workbench::${workflowCommandData(`no review of this pull request: ${base.skipped}`)}\n`);
    } else {
      review = await command(['review', '--base', base.ref, dir, ...now], e.checkout);
      const file = path.join(e.temp, 'review.md');
      fs.writeFileSync(file, review);
      outputs['comment-file'] = file;
    }
  }

  const summary = renderJobSummary({ path: e.inputs.path, counts, sla, chains: plan.chains, review, reviewSkipped });
  fs.writeFileSync(path.join(e.temp, 'summary.md'), summary);
  if (e.summaryFile) fs.appendFileSync(e.summaryFile, summary);

  const failure = verdict(counts, e.inputs.failOn);
  if (failure) outputs.failure = failure;
  writeOutputs(e.outputFile, outputs);
  return 0;
}

/** Why the job fails with these counts, or undefined when it does not. */
function verdict(c: ValidationSummary, failOn: ActionEnvironment['inputs']['failOn']): string | undefined {
  if (failOn === 'never') return undefined;
  if (c.errors > 0) return `tam validate found ${c.errors} error${c.errors === 1 ? '' : 's'} (fail-on: ${failOn})`;
  if (failOn === 'warning' && c.warnings > 0) return `tam validate found ${c.warnings} warning${c.warnings === 1 ? '' : 's'} (fail-on: warning)`;
  return undefined;
}

/**
 * The ref to review the pull request against: its base commit, named by the base branch when
 * the checkout's `origin/<branch>` is that commit. A shallow checkout (actions/checkout's
 * default) lacks the commit: it is fetched, one commit deep.
 */
function baseOf(dir: string, pr: PullRequest): { ref: string } | { skipped: string } {
  const resolves = (ref: string): string | undefined => {
    try {
      return resolveRef(dir, ref);
    } catch (error) {
      if (error instanceof GitError) return undefined;
      throw error;
    }
  };
  if (!resolves(pr.baseSha)) {
    spawnSync('git', ['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', pr.baseSha], { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    if (!resolves(pr.baseSha)) {
      return { skipped: `its base commit ${pr.baseSha.slice(0, 7)} is not in the checkout and could not be fetched (check out with fetch-depth: 0)` };
    }
  }
  const branch = pr.baseRef && `origin/${pr.baseRef}`;
  return { ref: branch && resolves(branch) === pr.baseSha ? branch : pr.baseSha };
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}


