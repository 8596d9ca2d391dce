// `tam validate --changed`: a pre-commit hook checks what changed since a ref, and what those
// changes affect, with references resolved across the whole workspace.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';

const NOW = ['--now', '2026-11-25T12:00:00+03:00'];
const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

function repo(): string {
  const dir = tempWorkspace({
    'projects/acme/chains/net.yaml': 'kind: chain\nid: net\nproject: acme\ntitle: Net\ntasks:\n  - { id: vlan, title: VLAN, department: network, status: todo }\n',
    'projects/acme/chains/old.yaml': 'kind: chain\nid: old\nproject: acme\ntitle: Old\ntasks:\n  - { id: x, title: X, department: nope, status: todo }\n',
  });
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'tam@example.com');
  git('config', 'user.name', 'TAM');
  git('add', '.');
  git('commit', '-qm', 'base');
  return dir;
}

async function codes(dir: string, extra: string[] = []): Promise<string[]> {
  const r = await tam(['validate', dir, '--changed', '--format', 'json', ...NOW, ...extra]);
  assert.notEqual(r.code, 2, r.err);
  return JSON.parse(r.out).diagnostics.map((d: any) => `${d.file} ${d.code}`);
}

test('nothing changed: nothing reported, even where old files have errors', async () => {
  assert.deepEqual(await codes(repo()), []);
});

test('a changed file and an untracked file are checked; untouched files are not', async () => {
  const dir = repo();
  fs.writeFileSync(path.join(dir, 'projects/acme/chains/net.yaml'), fs.readFileSync(path.join(dir, 'projects/acme/chains/net.yaml'), 'utf8').replace('department: network', 'department: netwrk'));
  fs.writeFileSync(path.join(dir, 'org/new.yaml'), 'kind: person\nid: anna\nname: Duplicate Anna\n');
  assert.deepEqual((await codes(dir)).sort(), ['org/new.yaml duplicate-id', 'org/people.yaml duplicate-id', 'projects/acme/chains/net.yaml unknown-reference'].sort());
});

test('deleting a definition reports the files that referred to it', async () => {
  const dir = repo();
  const departments = path.join(dir, 'org/departments.yaml');
  fs.writeFileSync(departments, fs.readFileSync(departments, 'utf8').replace('id: network', 'id: networking'));
  assert.ok((await codes(dir)).includes('projects/acme/chains/net.yaml unknown-reference'));
  fs.rmSync(departments);
  const after = await codes(dir);
  assert.ok(after.includes('projects/acme/chains/net.yaml unknown-reference'), after.join('\n'));
});

test('--changed outside git, or with an unknown ref, is exit 2', async () => {
  const dir = tempWorkspace({});
  dirs.push(dir);
  const notGit = await tam(['validate', dir, '--changed']);
  assert.equal(notGit.code, 2);
  assert.match(notGit.err, /--changed: /);
  const badRef = await tam(['validate', repo(), '--changed', '--base', 'no-such-ref']);
  assert.equal(badRef.code, 2);
  assert.equal((await tam(['validate', repo(), '--base', 'HEAD'])).code, 2);
});
