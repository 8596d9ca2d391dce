// The GitLab CI job and the Jenkins stage of docs/ci.md, run as those systems run them: each
// script line in a shell that stops at the first failure, in a clone of a workspace repository,
// with the npm package installed from its tarball (here, offline) where the docs name the
// registry's. Then the reports they keep are the ones GitLab and Jenkins read.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { parse } from 'yaml';
import { TempRepo } from '../git/temp-repo';

const ROOT = path.join(__dirname, '../..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
const version: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const CHAIN = 'projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml';

let temp: string;
let tarball: string;
let repo: TempRepo;

before(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-ci-docs-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/release/npm-package.mjs'), '--out', temp], { encoding: 'utf8' });
  tarball = path.join(temp, `tam-workbench-${version}.tgz`);
  // A workspace repository with one error: a task names a department that does not exist.
  repo = new TempRepo();
  fs.cpSync(path.join(ROOT, 'sample-workspace'), repo.dir, { recursive: true });
  const chain = fs.readFileSync(repo.path(CHAIN), 'utf8');
  repo.write({ [CHAIN]: chain.replace(/department: backup\n/, 'department: backup-tapes\n') });
  repo.commit('a workspace with an error');
});
after(() => {
  fs.rmSync(temp, { recursive: true, force: true });
  repo.remove();
});

/** The fenced block of docs/ci.md whose first line is `first`. */
function block(language: string, first: string): string {
  const found = [...DOC.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!).find((b) => b.startsWith(first));
  assert.ok(found, `docs/ci.md has a ${language} block starting with ${first}`);
  return found;
}

/** The registry's package as the docs name it, and the tarball that stands in for it here. */
function offline(command: string): string {
  if (!/\bnpm install\b/.test(command)) return command;
  assert.ok(command.includes(`tam-workbench@${version}`), `the docs install the current version: ${command}`);
  return command.replaceAll(`tam-workbench@${version}`, tarball);
}

function shell(args: string[], script: string, env: Record<string, string>) {
  return spawnSync('bash', [...args, '-c', script], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: {
      PATH: [path.join(temp, 'prefix', 'bin'), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter),
      HOME: temp,
      npm_config_offline: 'true',
      npm_config_cache: path.join(temp, 'npm-cache'),
      npm_config_update_notifier: 'false',
      ...env,
    },
  });
}

const gitlab = parse(block('yaml', '# .gitlab-ci.yml')).tam;

/** The job's before_script and script, in one shell that stops at the first failing line, as GitLab's runner does. */
function runGitlabJob(variables: Record<string, string> = {}) {
  const lines = [...gitlab.before_script, ...gitlab.script].map(offline);
  return shell(['--noprofile', '--norc', '-eo', 'pipefail'], lines.join('\n'), {
    CI: 'true',
    CI_PROJECT_DIR: repo.dir,
    // npm install -g goes into the job's image; here, into a folder of the test's.
    npm_config_prefix: path.join(temp, 'prefix'),
    ...gitlab.variables,
    ...variables,
  });
}

test('the GitLab job keeps a Code Quality report and a JUnit report, and fails on errors', () => {
  assert.equal(gitlab.image, 'node:20');
  assert.equal(gitlab.artifacts.when, 'always');
  assert.deepEqual(gitlab.artifacts.reports, { codequality: 'gl-code-quality-report.json', junit: 'tam-junit.xml' });
  for (const f of ['gl-code-quality-report.json', 'tam-junit.xml', '.tamcache']) fs.rmSync(repo.path(f), { force: true });

  const r = runGitlabJob();
  assert.equal(r.status, 1, r.stderr);
  const quality = JSON.parse(fs.readFileSync(repo.path('gl-code-quality-report.json'), 'utf8'));
  const error = quality.find((i: any) => i.severity === 'major');
  assert.deepEqual(
    { path: error.location.path, check: error.check_name, description: error.description },
    { path: CHAIN, check: 'unknown-reference', description: 'unknown department "backup-tapes"' },
  );
  assert.ok(quality.some((i: any) => i.severity === 'minor'), 'warnings are minor issues');
  const junit = new new JSDOM('').window.DOMParser().parseFromString(fs.readFileSync(repo.path('tam-junit.xml'), 'utf8'), 'application/xml');
  assert.equal(junit.getElementsByTagName('failure').length, 1);

  // The cache the job keeps (cache: paths) is there for the next pipeline, which reports the same.
  assert.deepEqual(gitlab.cache.paths, ['.tamcache']);
  assert.ok(fs.existsSync(repo.path('.tamcache')));
  assert.equal(runGitlabJob().status, 1);
  // The same findings at the same places; a clock still running has run longer since, so its
  // text may say a minute more (CI failed once when the two runs fell on either side of one).
  const findings = (issues: any[]) => issues.map((i) => ({ check: i.check_name, severity: i.severity, location: i.location }));
  assert.deepEqual(findings(JSON.parse(fs.readFileSync(repo.path('gl-code-quality-report.json'), 'utf8'))), findings(quality));
});

test('the GitLab job does not hide a check that could not run', () => {
  fs.rmSync(repo.path('tam-junit.xml'), { force: true });
  const r = runGitlabJob({ TAM_DIR: 'nowhere' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /tam validate: cannot read "nowhere": no such file or folder/);
  assert.equal(fs.readFileSync(repo.path('tam-junit.xml'), { flag: 'a+' }).toString(), '', 'the job stopped at the first line');
});

test('the Jenkins stage writes the JUnit report its junit step records, and fails on errors', () => {
  const pipeline = block('groovy', 'pipeline {');
  const environment = Object.fromEntries([...pipeline.matchAll(/^\s+([A-Z_]+) = '([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]));
  const commands = [...pipeline.matchAll(/^\s+sh '(.*)'$/gm)].map((m) => m[1]!);
  const report = /junit testResults: '([^']+)'/.exec(pipeline)?.[1];
  assert.equal(report, 'tam-junit.xml');
  assert.match(pipeline, /agent \{ docker \{ image 'node:20' \} \}/);
  fs.rmSync(repo.path(report!), { force: true });
  const workspaceTmp = path.join(temp, 'jenkins@tmp');
  fs.mkdirSync(workspaceTmp, { recursive: true });
  // Jenkins runs each `sh` step as its own `sh -xe` script.
  const results = commands.map((c) => shell(['-xe'], offline(c), { ...environment, WORKSPACE: repo.dir, WORKSPACE_TMP: workspaceTmp }));
  assert.equal(results[0]!.status, 0, results[0]!.stderr);
  assert.equal(results[1]!.status, 1, results[1]!.stderr);
  const junit = fs.readFileSync(repo.path(report!), 'utf8');
  assert.match(junit, /<failure type="unknown-reference" message="unknown department &quot;backup-tapes&quot;/);
});
