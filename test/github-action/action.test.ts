// The GitHub Action (action.yml) run step by step against a temporary repository, with a faked
// runner: the event file of a pull request (or a push), the output, path and job-summary files.
// The `run:` steps really run; steps that use other actions are checked by what they would be
// given, and the comment step's script runs against a fake GitHub API.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { REVIEW_MARKER } from '../../server/src/core/render/review';
import { runAction as checkStep } from '../../server/src/github-action/main';
import { TempRepo } from '../git/temp-repo';
import type { Value } from './expressions';
import { runAction, type FakeRun, type StepRun } from './fake-runner';

const ROOT = path.join(__dirname, '../..');
const ACTION = path.join(ROOT, 'action.yml');
const NOW = '2026-11-25T12:00:00+03:00';
const CHAIN = 'tam/projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml';
const HOSTILE = 'Seller portal | <script>alert(1)</script> @everyone `rm -rf`';

let repo: TempRepo;
let baseSha: string;
const temps: string[] = [];

/** A repository whose TAM workspace is the folder tam/: the sample workspace on main, and a change. */
before(() => {
  repo = new TempRepo();
  fs.cpSync(path.join(ROOT, 'sample-workspace'), repo.path('tam'), { recursive: true });
  baseSha = repo.commit('the workspace');
  repo.git('checkout', '-q', '-b', 'feature');
  const chain = fs.readFileSync(repo.path(CHAIN), 'utf8');
  const changed = chain
    .replace('title: Seller portal landscape (network, VMs, OS, nginx, php)', `title: "${HOSTILE}"`)
    .replace('deadline: 2026-12-11', 'deadline: 2026-11-27')
    .replace(/department: backup\n/, 'department: backup-tapes\n');
  assert.notEqual(changed, chain);
  repo.write({ [CHAIN]: changed });
  repo.commit('a late chain with an unknown department');
});
after(() => {
  repo.remove();
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

interface Scenario {
  event: 'pull_request' | 'push';
  inputs?: Record<string, string>;
  /** Pull request from a fork. */
  fork?: boolean;
  /** The comments already on the pull request. */
  comments?: { id: number; body: string; user: { type: string } }[];
}

/** The API calls the comment step's script made. */
let calls: { method: string; args: any }[];

async function run(s: Scenario) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-action-'));
  temps.push(dir);
  const runnerTemp = path.join(dir, 'runner-temp');
  fs.mkdirSync(runnerTemp);
  const head = s.fork ? 'someone/tam-fork' : 'acme/tam';
  const event: Record<string, Value> =
    s.event === 'pull_request'
      ? { pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { ref: 'feature', repo: { full_name: head } } }, repository: { full_name: 'acme/tam', default_branch: 'main' } }
      : { ref: 'refs/heads/main', repository: { full_name: 'acme/tam', default_branch: 'main' } };
  calls = [];
  const fakes: FakeRun['fakes'] = {
    'actions/github-script': async (step: StepRun) => {
      const api = {
        paginate: async (fn: (args: any) => Promise<{ data: unknown[] }>, args: any) => (await fn(args)).data,
        rest: {
          issues: {
            listComments: async (args: any) => {
              calls.push({ method: 'listComments', args });
              return { data: s.comments ?? [] };
            },
            updateComment: async (args: any) => void calls.push({ method: 'updateComment', args }),
            createComment: async (args: any) => void calls.push({ method: 'createComment', args }),
          },
        },
      };
      const context = { repo: { owner: 'acme', repo: 'tam' }, payload: event };
      const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
      const saved = { ...process.env };
      Object.assign(process.env, step.env);
      try {
        await new AsyncFunction('require', 'github', 'context', step.with.script)(require, api, context);
      } finally {
        for (const k of Object.keys(step.env)) if (saved[k] === undefined) delete process.env[k];
      }
    },
  };
  return runAction(ACTION, {
    dir,
    inputs: { path: 'tam', now: NOW, ...s.inputs },
    github: {
      workspace: repo.dir,
      event_name: s.event,
      event,
      repository: 'acme/tam',
      ref: s.event === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
      ref_name: s.event === 'pull_request' ? '7/merge' : 'main',
      head_ref: s.event === 'pull_request' ? 'feature' : '',
      base_ref: s.event === 'pull_request' ? 'main' : '',
      run_id: '4242',
      run_attempt: '1',
    },
    actionPath: ROOT,
    runnerTemp,
    fakes,
  });
}

test('the action is a composite action on Node 20 with the inputs the README promises', () => {
  const action = parse(fs.readFileSync(ACTION, 'utf8'));
  assert.equal(action.runs.using, 'composite');
  const defaults = Object.fromEntries(Object.entries<any>(action.inputs).map(([k, v]) => [k, v.default]));
  assert.deepEqual(defaults, { path: '.', sarif: 'true', annotations: 'true', review: 'true', cache: 'true', now: '', 'fail-on': 'error' });
  const first = action.runs.steps[0];
  assert.match(first.uses, /^actions\/setup-node@v4$/);
  assert.equal(first.with['node-version'], 20);
  // Untrusted text (inputs, branch names) reaches the scripts through the environment only.
  for (const step of action.runs.steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, step.name);
});

test('on a pull request: annotations, SARIF for code scanning, a summary, and the review as a comment', async () => {
  const r = await run({ event: 'pull_request' });
  const check = r.step('Check the workspace');
  assert.equal(check.exitCode, 0, check.stdout + check.stderr);

  // tam is on the PATH of later steps, from the action's own checkout.
  const install = r.step('Install the tam CLI');
  assert.match(install.stdout, /tam 0\.1\.0 is on the PATH/);

  // Annotations name files from the repository root.
  assert.match(check.stdout, /^::error file=tam\/projects\/kedr-retail\/chains\/kedr-seller-portal-landscape\.yaml,line=\d+,.*title=tam unknown-reference::unknown department "backup-tapes"/m);

  // The SARIF file, and the upload step that would send it.
  const sarif = JSON.parse(fs.readFileSync(check.outputs['sarif-file']!, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  const error = sarif.runs[0].results.find((x: any) => x.level === 'error');
  assert.equal(error.locations[0].physicalLocation.artifactLocation.uri, CHAIN);
  const upload = r.step('Upload to code scanning');
  assert.ok(upload.ran);
  assert.deepEqual(upload.with, { sarif_file: check.outputs['sarif-file'], category: 'tam:tam' });

  // The job summary: counts, the SLA table, late chains with their workspace text escaped.
  assert.match(r.summary, /^## TAM Workbench: `tam`\n\n❌ \*\*1 error\*\*, \d+ warnings in 87 files \(132 entities\)\./);
  assert.match(r.summary, /\| Errors \| 1 \|/);
  assert.match(r.summary, /### SLA by project \(Europe\/Moscow\)\n\n\| Project \| Incidents \|/);
  assert.match(r.summary, /### Late chains \(2\)/);
  assert.match(r.summary, /\| `volga-dc2-landscape` \| .* \| `2026-12-18` \| `2027-01-11` \| 9 working days \| `external-dc`: `power-upgrade` \(12 days overdue\) \|/);
  const late = r.summary.split('\n').find((l) => l.startsWith('| `kedr-seller-portal-landscape`'))!;
  assert.ok(late, r.summary);
  assert.ok(late.includes('Seller portal \\| \\<script\\>alert(1)\\</script\\> @\u200beveryone \\`rm -rf\\`'), late);
  assert.doesNotMatch(r.summary, /<script>|@everyone/);

  // The review: in the summary and in the file the comment step posts.
  const body = fs.readFileSync(check.outputs['comment-file']!, 'utf8');
  assert.ok(body.startsWith(`${REVIEW_MARKER}\n## TAM review`), body.slice(0, 200));
  assert.match(body, /`origin\/main`|`[0-9a-f]{40}`/);
  assert.match(body, /unknown department "backup-tapes"/);
  assert.doesNotMatch(body, /<script>|@everyone/);
  assert.ok(r.summary.includes(body.trimEnd()));

  // No comment of ours yet: one is created on the pull request.
  assert.ok(r.step('Comment on the pull request').ran);
  assert.deepEqual(
    calls.map((c) => c.method),
    ['listComments', 'createComment'],
  );
  assert.equal(calls[1]!.args.issue_number, 7);
  assert.equal(calls[1]!.args.body, body);

  // The cache is saved where it was restored from, and the job fails on the error, last.
  const restore = r.step('Restore the validation cache');
  const save = r.step('Save the validation cache');
  assert.equal(restore.with.path, save.with.path);
  assert.equal(save.with.path, check.outputs['cache-file']);
  assert.ok(fs.existsSync(save.with.path!));
  assert.equal(save.with.key, 'tam-Linux-tam-feature-4242-1');
  assert.deepEqual(restore.with['restore-keys']!.trim().split('\n'), ['tam-Linux-tam-feature-', 'tam-Linux-tam-main-']);
  const fail = r.step('Fail on findings');
  assert.equal(fail.exitCode, 1);
  assert.match(fail.stdout, /::error title=TAM Workbench::tam validate found 1 error \(fail-on: error\)/);
  assert.equal(r.steps[r.steps.length - 1], fail);
  assert.ok(r.failed);
  assert.deepEqual({ errors: r.outputs.errors, review: r.outputs['review-file'] }, { errors: '1', review: check.outputs['comment-file'] });
});

test('a later push to the pull request edits the comment in place', async () => {
  const r = await run({
    event: 'pull_request',
    comments: [
      { id: 11, body: 'LGTM', user: { type: 'User' } },
      { id: 12, body: `${REVIEW_MARKER}\n## TAM review\n\nold`, user: { type: 'Bot' } },
    ],
  });
  assert.ok(r.step('Comment on the pull request').ran);
  assert.deepEqual(
    calls.map((c) => [c.method, c.args.comment_id]),
    [
      ['listComments', undefined],
      ['updateComment', 12],
    ],
  );
});

test('a pull request from a fork: no upload and no comment (its token may not write), the review in the summary', async () => {
  const r = await run({ event: 'pull_request', fork: true });
  assert.equal(r.step('Upload to code scanning').ran, false);
  assert.equal(r.step('Comment on the pull request').ran, false);
  assert.match(r.summary, /## TAM review/);
});

test('on a push: no review; fail-on never lets the job pass; inputs turn parts off', async () => {
  const r = await run({ event: 'push', inputs: { 'fail-on': 'never', annotations: 'false', cache: 'false' } });
  const check = r.step('Check the workspace');
  assert.equal(check.exitCode, 0, check.stdout);
  assert.doesNotMatch(check.stdout, /^::error file=/m);
  assert.equal(check.outputs['comment-file'], undefined);
  assert.doesNotMatch(r.summary, /TAM review/);
  assert.ok(r.step('Upload to code scanning').ran);
  for (const name of ['Comment on the pull request', 'Restore the validation cache', 'Save the validation cache', 'Fail on findings']) {
    assert.equal(r.step(name).ran, false, name);
  }
  assert.equal(r.failed, false);
});

test('fail-on warning fails on warnings alone; sarif false uploads nothing', async () => {
  // On main's workspace (no error), seen at the sample's date: warnings only.
  const clean = new TempRepo();
  try {
    fs.cpSync(path.join(ROOT, 'sample-workspace'), clean.dir, { recursive: true });
    clean.commit('the workspace');
    const saved = repo;
    repo = clean;
    try {
      const r = await run({ event: 'push', inputs: { path: '.', 'fail-on': 'warning', sarif: 'false' } });
      assert.equal(r.step('Check the workspace').outputs.errors, '0');
      assert.equal(r.step('Upload to code scanning').ran, false);
      assert.match(r.step('Fail on findings').stdout, /found 13 warnings \(fail-on: warning\)/);
      assert.match(r.summary, /⚠️ \*\*13 warnings\*\*, no errors in 87 files/);
    } finally {
      repo = saved;
    }
  } finally {
    clean.remove();
  }
});

test('a pull request whose base commit is not in the checkout: the review is skipped with a warning, the rest runs', async () => {
  const saved = baseSha;
  baseSha = 'f'.repeat(40);
  try {
    const r = await run({ event: 'pull_request' });
    const check = r.step('Check the workspace');
    assert.equal(check.exitCode, 0);
    assert.match(check.stdout, /::warning title=TAM Workbench::no review of this pull request: its base commit fffffff is not in the checkout and could not be fetched \(check out with fetch-depth: 0\)/);
    assert.equal(r.step('Comment on the pull request').ran, false);
    assert.match(r.summary, /_No review of this pull request: its base commit fffffff/);
  } finally {
    baseSha = saved;
  }
});

test('mistakes stop the check with a sentence, not a stack trace', async () => {
  for (const [inputs, message] of [
    [{ path: 'nowhere' }, /::error title=TAM Workbench::tam validate: cannot read ".*nowhere": no such file or folder\n/],
    [{ 'fail-on': 'sometimes' }, /::error title=TAM Workbench::input "fail-on" must be one of error, warning, never, not "sometimes"/],
    [{ sarif: 'yes' }, /::error title=TAM Workbench::input "sarif" must be true or false, not "yes"/],
    [{ now: 'tomorrow' }, /::error title=TAM Workbench::tam validate: --now must be a timestamp with an offset/],
  ] as const) {
    const r = await run({ event: 'push', inputs });
    const check = r.step('Check the workspace');
    assert.equal(check.exitCode, 2, JSON.stringify(inputs));
    assert.match(check.stdout, message);
    assert.doesNotMatch(check.stdout + check.stderr, /\n\s+at /);
    assert.ok(r.failed);
    assert.equal(r.step('Upload to code scanning').ran, false);
  }
});

test("the action's own files are never read as part of the workspace", async () => {
  // A copy of the action inside the workspace would bring its YAML (its sample workspace, its
  // fixtures) into the check: the check step refuses to run.
  const inside = repo.path('tam', 'vendor', 'tam-workbench');
  fs.mkdirSync(inside, { recursive: true });
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-action-'));
  temps.push(runnerTemp);
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((t: string) => (out.push(t), true)) as typeof process.stdout.write;
  let code: number;
  try {
    code = await checkStep({ GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: runnerTemp, GITHUB_ACTION_PATH: inside, INPUT_PATH: 'tam' });
  } finally {
    process.stdout.write = write;
    fs.rmSync(repo.path('tam', 'vendor'), { recursive: true, force: true });
  }
  assert.equal(code, 2);
  assert.match(out.join(''), /^::error title=TAM Workbench::the action's own files \(.*vendor\/tam-workbench\) are inside the TAM workspace /);
});
