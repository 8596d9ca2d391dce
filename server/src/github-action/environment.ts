// What the GitHub Action (action.yml) hands its check step: the inputs, passed as INPUT_*
// variables by the step's `env:`, and what the runner sets for every step — the checkout, the
// event that started the run, the files for outputs and the job summary. Read once and checked
// here, so that a mistyped input is a sentence in the log and not a surprise later.

import * as fs from 'node:fs';
import * as path from 'node:path';

export type FailOn = 'error' | 'warning' | 'never';

export interface ActionInputs {
  /** The workspace folder, relative to the checkout. */
  path: string;
  sarif: boolean;
  annotations: boolean;
  review: boolean;
  cache: boolean;
  /** `--now` for every command, or undefined for the current time. */
  now?: string;
  failOn: FailOn;
}

export interface PullRequest {
  number: number;
  /** The commit the pull request is compared with. */
  baseSha: string;
  baseRef: string;
}

export interface ActionEnvironment {
  inputs: ActionInputs;
  /** The checkout: the folder paths in reports are relative to. */
  checkout: string;
  /** Where the action itself is (its bundles and scripts). */
  actionPath: string;
  /** A folder of this action's own in the runner's temp folder. */
  temp: string;
  eventName: string;
  pullRequest?: PullRequest;
  outputFile?: string;
  summaryFile?: string;
}

/** A problem with how the action was set up, said in a sentence; the step fails with it. */
export class ActionSetupError extends Error {}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? 'true').trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ActionSetupError(`input "${name}" must be true or false, not "${value}"`);
}

export function readEnvironment(env: NodeJS.ProcessEnv): ActionEnvironment {
  const checkout = env.GITHUB_WORKSPACE;
  if (!checkout) throw new ActionSetupError('GITHUB_WORKSPACE is not set: this program is the check step of the TAM Workbench action, run by action.yml');
  const runnerTemp = env.RUNNER_TEMP;
  if (!runnerTemp) throw new ActionSetupError('RUNNER_TEMP is not set');
  const failOn = (env.INPUT_FAIL_ON ?? 'error').trim() || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new ActionSetupError(`input "fail-on" must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const now = env.INPUT_NOW?.trim();
  const inputs: ActionInputs = {
    path: env.INPUT_PATH?.trim() || '.',
    sarif: flag(env, 'sarif'),
    annotations: flag(env, 'annotations'),
    review: flag(env, 'review'),
    cache: flag(env, 'cache'),
    now: now || undefined,
    failOn: failOn as FailOn,
  };
  return {
    inputs,
    checkout: path.resolve(checkout),
    actionPath: path.resolve(env.GITHUB_ACTION_PATH ?? path.join(__dirname, '..')),
    temp: path.join(runnerTemp, 'tam-workbench'),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    pullRequest: readPullRequest(env.GITHUB_EVENT_PATH),
    outputFile: env.GITHUB_OUTPUT || undefined,
    summaryFile: env.GITHUB_STEP_SUMMARY || undefined,
  };
}

/** The pull request of a `pull_request` (or `pull_request_target`) event; undefined for others. */
function readPullRequest(eventPath: string | undefined): PullRequest | undefined {
  if (!eventPath) return undefined;
  let event: any;
  try {
    event = JSON.parse(fs.readFileSync(eventPath, 'utf8'));
  } catch {
    return undefined;
  }
  const pr = event?.pull_request;
  const sha = pr?.base?.sha;
  if (typeof pr?.number !== 'number' || typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) return undefined;
  return { number: pr.number, baseSha: sha, baseRef: typeof pr.base.ref === 'string' ? pr.base.ref : '' };
}

/**
 * Appends outputs to the step's output file, each in the delimited form that allows any value,
 * with a delimiter the value does not contain.
 */
export function writeOutputs(file: string | undefined, outputs: Record<string, string | number>): void {
  if (!file) return;
  let text = '';
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    let delimiter = 'TAM_OUTPUT';
    while (value.includes(delimiter)) delimiter += '_';
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  fs.appendFileSync(file, text);
}
