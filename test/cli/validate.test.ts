// `tam validate` as a user and a CI job run it: every output format, the exit codes 0/1/2,
// paths relative to the right folder, and no stack trace for any mistake.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { JSDOM } from 'jsdom';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

function workspace(files: Record<string, string> = {}): string {
  const dir = tempWorkspace(files);
  dirs.push(dir);
  return dir;
}

const broken = {
  'projects/acme/chains/c.yaml': 'kind: chain\nid: c\nproject: acme\ntitle: T\ntasks:\n  - { id: a, title: A, department: netwrok, status: todo }\n',
  'projects/acme/project.yaml': 'kind: project\nid: acme\nname: ACME\nclient: ACME\ntam: anna\ndocs:\n  - { path: docs/a.md, title: A, reviewed: 2025-01-01 }\n',
};

test('exit 0 and a short summary on a valid workspace', async () => {
  const r = await tam(['validate', workspace(), ...NOW]);
  assert.equal(r.code, 0);
  assert.match(r.out, /✔ no problems \(6 files, 9 entities\)/);
});

test('exit 1 with errors; text shows the line and a marker under the node', async () => {
  const dir = workspace(broken);
  const r = await tam(['validate', dir, ...NOW], dir);
  assert.equal(r.code, 1);
  assert.match(r.out, /projects\/acme\/chains\/c\.yaml\n {2}6:36 {4}error {4}unknown department "netwrok"; did you mean "network"\? {2}unknown-reference/);
  assert.match(r.out, /\n {6}6 \| {3}- \{ id: a, title: A, department: netwrok, status: todo \}\n {8}| {36}\^{7}\n/);
  assert.match(r.out, /✖ 2 problems \(1 error, 1 warning\)/);
});

test('--format json is spec §7, with files relative to DIR and 1-based positions', async () => {
  const dir = workspace(broken);
  const r = await tam(['validate', path.join(dir, 'projects'), '--format', 'json', ...NOW]);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out);
  assert.deepEqual(json.diagnostics[0], {
    file: 'acme/chains/c.yaml',
    line: 6,
    column: 36,
    endLine: 6,
    endColumn: 43,
    severity: 'error',
    code: 'unknown-reference',
    message: 'unknown department "netwrok"; did you mean "network"?',
  });
  assert.deepEqual(Object.keys(json.summary).slice(0, 4), ['files', 'entities', 'errors', 'warnings']);
  assert.equal(json.summary.errors, 1);
  assert.equal(json.summary.warnings, 1);
  assert.equal(json.summary.files, 2, 'only the files under DIR are counted');
});

test('--format sarif is SARIF 2.1.0 with rule metadata', async () => {
  const dir = workspace(broken);
  const r = await tam(['validate', dir, '--format', 'sarif', ...NOW], dir);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.ok(run.tool.driver.rules.length >= 11);
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.id && rule.shortDescription.text && rule.helpUri && rule.defaultConfiguration.level);
  }
  const result = run.results.find((x: any) => x.ruleId === 'unknown-reference');
  assert.equal(result.level, 'error');
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'unknown-reference');
  assert.deepEqual(result.locations[0].physicalLocation, {
    artifactLocation: { uri: 'projects/acme/chains/c.yaml' },
    region: { startLine: 6, startColumn: 36, endLine: 6, endColumn: 43 },
  });
  assert.equal(run.results.find((x: any) => x.ruleId === 'stale-doc').level, 'warning');
});

test('--format junit is well-formed XML with a failure per error', async () => {
  const dir = workspace({ ...broken, 'projects/acme/chains/weird.yaml': 'kind: chain\nid: w\nproject: acme\ntitle: "<&\'\\">"\ntasks:\n  - { id: a, title: A, department: nope, status: todo }\n' });
  const r = await tam(['validate', dir, '--format', 'junit', ...NOW], dir);
  const doc = new new JSDOM('').window.DOMParser().parseFromString(r.out, 'application/xml');
  assert.equal(doc.getElementsByTagName('parsererror').length, 0, r.out);
  assert.equal(doc.getElementsByTagName('failure').length, 2);
  assert.equal(doc.documentElement.getAttribute('failures'), '2');
  assert.ok(doc.getElementsByTagName('testsuite').length >= 8, "one suite per file");
});

test('--format github prints workflow annotations', async () => {
  const dir = workspace(broken);
  const r = await tam(['validate', dir, '--format', 'github', ...NOW], dir);
  assert.equal(
    r.out.split('\n')[0],
    '::error file=projects/acme/chains/c.yaml,line=6,col=36,endLine=6,endColumn=43,title=tam unknown-reference::unknown department "netwrok"; did you mean "network"?',
  );
  assert.match(r.out, /^::warning file=projects\/acme\/project\.yaml,line=7,.*title=tam stale-doc::/m);
});

test('--format gitlab is a Code Quality report with paths from the repository root', async () => {
  const dir = workspace(broken);
  const r = await tam(['validate', path.join(dir, 'projects'), '--format', 'gitlab', ...NOW], dir);
  assert.equal(r.code, 1, 'errors still fail the job');
  const report = JSON.parse(r.out);
  assert.deepEqual(
    report.map((i: any) => [i.location.path, i.location.lines.begin, i.severity, i.check_name]),
    [
      ['projects/acme/chains/c.yaml', 6, 'major', 'unknown-reference'],
      ['projects/acme/project.yaml', 7, 'minor', 'stale-doc'],
    ],
  );
  assert.equal(report[0].description, 'unknown department "netwrok"; did you mean "network"?');
  // Without findings, an empty report that GitLab accepts.
  assert.deepEqual(JSON.parse((await tam(['validate', workspace(), '--format', 'gitlab', ...NOW])).out), []);
});

test('--now changes what is stale', async () => {
  const dir = workspace(broken);
  const r = await tam(['validate', dir, '--format', 'json', '--now', '2025-02-01T00:00:00Z']);
  assert.equal(JSON.parse(r.out).summary.warnings, 0);
});

test('exit 2 for bad arguments and paths, with a sentence and no stack trace', async () => {
  const dir = workspace();
  const cases: [string[], RegExp][] = [
    [['validate', dir, '--format', 'xml'], /--format must be one of text, json, sarif, junit, github, gitlab, not "xml"/],
    [['validate', dir, '--now', 'yesterday'], /--now must be a timestamp with an offset/],
    [['validate', dir, '--colour'], /Unknown option '--colour'/],
    [['validate', path.join(dir, 'nope')], /no such file or folder/],
    [['validate', path.join(dir, 'tam.yaml')], /is not a folder/],
    [['validate', '/'], /not in a TAM workspace: no tam\.yaml/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [argv, message] of cases) {
    const r = await tam(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  }
});

test('the built executable exits with the same codes', () => {
  const bin = path.join(__dirname, '../../dist/tam.js');
  const ok = spawnSync(process.execPath, [bin, 'validate', workspace(), ...NOW], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const bad = spawnSync(process.execPath, [bin, 'validate', workspace(broken), ...NOW], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  const usage = spawnSync(process.execPath, [bin, 'validate', '--format'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /argument missing|requires|expects/i);
});

test('a reader that goes before the output ends (| head) costs no stack trace; a failed write is exit 2 in one line', () => {
  const bin = path.join(__dirname, '../../dist/tam.js');
  // `true` reads nothing and is gone before tam writes: every write meets a closed pipe.
  const piped = spawnSync('bash', ['-c', 'node "$0" validate "$1" --now 2026-11-25T12:00:00+03:00 | true; echo "exit ${PIPESTATUS[0]}"', bin, workspace(broken)], { encoding: 'utf8' });
  assert.equal(piped.stdout.trim(), 'exit 1', 'the check\'s own exit code');
  assert.equal(piped.stderr, '');
  if (!fs.existsSync('/dev/full')) return;
  const full = fs.openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [bin, 'validate', workspace(), ...NOW], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'tam: could not write the output: ENOSPC\n');
  } finally {
    fs.closeSync(full);
  }
});
