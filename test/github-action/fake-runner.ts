// Runs a composite action's steps the way a GitHub runner does, on this machine: each `run:`
// step with bash (-eo pipefail) and its own GITHUB_OUTPUT file, folders added to GITHUB_PATH
// put on the PATH of later steps, `if:` and `${{ }}` evaluated against the contexts. Steps that
// use other actions are not run; their evaluated `with:` and `env:` are recorded, and a test
// may stand in for one (e.g. run github-script's script against a fake API).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate, type Scope, type Value } from './expressions';

export interface FakeRun {
  /** The folder the runner's files (outputs, summary, path, event) live in. */
  dir: string;
  inputs: Record<string, string>;
  /** The `github` context; also the source of the GITHUB_* variables. */
  github: Record<string, Value>;
  /** Where the action is (GITHUB_ACTION_PATH). */
  actionPath: string;
  runnerTemp: string;
  /** Stand-ins for `uses:` steps, by the action's name without its version. */
  fakes?: Record<string, (step: StepRun) => void | Promise<void>>;
}

export interface StepRun {
  name: string;
  id?: string;
  ran: boolean;
  uses?: string;
  with: Record<string, string>;
  env: Record<string, string>;
  continueOnError: boolean;
  exitCode?: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  summary: string;
  /** Whether the job would fail. */
  failed: boolean;
  step(name: string): StepRun;
}

/** Reads name=value and name<<DELIMITER … DELIMITER lines, as the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export async function runAction(actionFile: string, run: FakeRun): Promise<ActionRun> {
  const action = parse(fs.readFileSync(actionFile, 'utf8'));
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries<any>(action.inputs ?? {})) inputs[name] = run.inputs[name] ?? String(spec.default ?? '');
  const stepsContext: Record<string, Value> = {};
  const scope: Scope = {
    contexts: { inputs, github: run.github, runner: { os: 'Linux', temp: run.runnerTemp }, steps: stepsContext, env: {} },
    succeeded: true,
  };
  const summaryFile = path.join(run.dir, 'step-summary.md');
  const pathFile = path.join(run.dir, 'github-path');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(pathFile, '');
  const eventFile = path.join(run.dir, 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(run.github.event ?? {}));
  const g = run.github as Record<string, any>;
  const runnerEnv: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: g.workspace,
    GITHUB_EVENT_NAME: g.event_name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: g.repository,
    GITHUB_REF: g.ref ?? '',
    GITHUB_REF_NAME: g.ref_name ?? '',
    GITHUB_HEAD_REF: g.head_ref ?? '',
    GITHUB_BASE_REF: g.base_ref ?? '',
    GITHUB_SHA: g.sha ?? '',
    GITHUB_RUN_ID: String(g.run_id ?? '1'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_PATH: pathFile,
    GITHUB_ACTION_PATH: run.actionPath,
    RUNNER_TEMP: run.runnerTemp,
    RUNNER_OS: 'Linux',
  };

  const steps: StepRun[] = [];
  for (const [index, spec] of (action.runs.steps as any[]).entries()) {
    const step: StepRun = {
      name: spec.name ?? spec.uses ?? `step ${index + 1}`,
      id: spec.id,
      ran: false,
      uses: spec.uses,
      with: {},
      env: {},
      continueOnError: spec['continue-on-error'] === true,
      stdout: '',
      stderr: '',
      outputs: {},
    };
    steps.push(step);
    if (!condition(spec.if, scope)) continue;
    step.ran = true;
    for (const [k, v] of Object.entries<any>(spec.env ?? {})) step.env[k] = interpolate(String(v), scope);
    for (const [k, v] of Object.entries<any>(spec.with ?? {})) step.with[k] = interpolate(String(v), scope);
    let ok = true;
    if (spec.uses) {
      const fake = run.fakes?.[spec.uses.replace(/@.*$/, '')];
      if (fake) await fake(step);
    } else {
      if (spec.shell !== 'bash') throw new Error(`step "${step.name}": a composite step must say shell: bash`);
      const outputFile = path.join(run.dir, `output-${index}`);
      fs.writeFileSync(outputFile, '');
      const added = fs.readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse();
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', interpolate(spec.run, scope)], {
        cwd: g.workspace,
        encoding: 'utf8',
        env: { ...process.env, ...runnerEnv, ...step.env, GITHUB_OUTPUT: outputFile, PATH: [...added, process.env.PATH].join(path.delimiter) },
      });
      step.exitCode = r.status ?? -1;
      step.stdout = r.stdout;
      step.stderr = r.stderr;
      step.outputs = parseOutputFile(fs.readFileSync(outputFile, 'utf8'));
      ok = step.exitCode === 0;
    }
    if (spec.id) stepsContext[spec.id] = { outputs: step.outputs, outcome: ok ? 'success' : 'failure' };
    if (!ok && !step.continueOnError) scope.succeeded = false;
  }

  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries<any>(action.outputs ?? {})) outputs[name] = interpolate(String(spec.value), scope);
  return {
    steps,
    outputs,
    summary: fs.readFileSync(summaryFile, 'utf8'),
    failed: !scope.succeeded,
    step(name: string) {
      const found = steps.find((s) => s.name === name);
      if (!found) throw new Error(`no step "${name}" in ${steps.map((s) => s.name).join(', ')}`);
      return found;
    },
  };
}
