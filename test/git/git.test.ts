// The read-only git helper on real temporary repositories: changed files (renames, untracked,
// deletions), files at a ref, subfolder workspaces, and clear errors.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { changedFiles, diffFiles, GitError, isGitRepository, readTreeAtRef, resolveRef } from '../../server/src/core/git/git';
import { TempRepo } from './temp-repo';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

function repo(files: Record<string, string>): TempRepo {
  const r = new TempRepo().write(files);
  repos.push(r);
  r.commit('base');
  return r;
}

test('changedFiles: modified, staged, untracked; deleted and ignored files left out', () => {
  const r = repo({ 'tam.yaml': 'kind: workspace\n', 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n', 'gone.yaml': 'g: 1\n', '.gitignore': 'build/\n' });
  r.write({ 'a.yaml': 'a: 2\n', 'gone.yaml': null, 'new.yaml': 'n: 1\n', 'build/out.yaml': 'x: 1\n', 'staged.yaml': 's: 1\n' });
  r.git('add', 'staged.yaml');
  assert.deepEqual(changedFiles(r.dir), ['a.yaml', 'new.yaml', 'staged.yaml']);
});

test('paths with spaces and non-ASCII letters come back as written, without git\'s quoting', () => {
  const r = repo({ 'projects/ёлка сервис/project.yaml': 'id: a\n' });
  r.write({ 'projects/ёлка сервис/project.yaml': 'id: b\n', 'projects/ёлка сервис/chains/"q".yaml': 'id: c\n' });
  assert.deepEqual(changedFiles(r.dir), ['projects/ёлка сервис/chains/"q".yaml', 'projects/ёлка сервис/project.yaml']);
  assert.deepEqual([...readTreeAtRef(r.dir, 'HEAD')], [['projects/ёлка сервис/project.yaml', 'id: a\n']]);
});

test('changedFiles: a rename with git mv counts under its new name, a plain move as an untracked file', () => {
  const r = repo({ 'old.yaml': 'kind: chain\nid: landscape\n', 'moved.yaml': 'kind: project\nid: acme\n' });
  r.git('mv', 'old.yaml', 'renamed.yaml');
  fs.renameSync(r.path('moved.yaml'), r.path('moved-again.yaml'));
  assert.deepEqual(changedFiles(r.dir), ['moved-again.yaml', 'renamed.yaml']);
  const renamed = diffFiles(r.dir).find((c) => c.path === 'renamed.yaml');
  assert.deepEqual(renamed, { status: 'renamed', path: 'renamed.yaml', oldPath: 'old.yaml' });
});

test('changedFiles: a file rewritten with the same text is not a change', () => {
  const r = repo({ 'a.yaml': 'a: 1\n' });
  fs.writeFileSync(r.path('a.yaml'), 'a: 1\n');
  fs.utimesSync(r.path('a.yaml'), new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(changedFiles(r.dir), []);
});

test('changedFiles against an older ref includes what was committed since', () => {
  const r = repo({ 'a.yaml': 'a: 1\n' });
  const base = r.git('rev-parse', 'HEAD').trim();
  r.write({ 'b.yaml': 'b: 1\n' }).commit('add b');
  r.write({ 'c.yaml': 'c: 1\n' });
  assert.deepEqual(changedFiles(r.dir), ['c.yaml']);
  assert.deepEqual(changedFiles(r.dir, base), ['b.yaml', 'c.yaml']);
  assert.deepEqual(changedFiles(r.dir, 'main~1'), ['b.yaml', 'c.yaml']);
});

test('a workspace in a subfolder of the repository sees its own files, relative to itself', () => {
  const r = repo({ 'ops/tam/tam.yaml': 'kind: workspace\n', 'ops/tam/org/people.yaml': 'p: 1\n', 'app/config.yaml': 'c: 1\n', 'ops/tam/notes.md': '# n\n' });
  r.write({ 'ops/tam/org/people.yaml': 'p: 2\n', 'app/config.yaml': 'c: 2\n', 'ops/tam/projects/acme/project.yaml': 'id: acme\n' });
  const root = r.path('ops/tam');
  assert.deepEqual(changedFiles(root), ['org/people.yaml', 'projects/acme/project.yaml']);
  assert.deepEqual([...readTreeAtRef(root, 'HEAD')], [
    ['org/people.yaml', 'p: 1\n'],
    ['tam.yaml', 'kind: workspace\n'],
  ]);
});

test('readTreeAtRef reads YAML as committed and leaves the working tree alone', () => {
  const r = repo({ 'tam.yaml': 'kind: workspace\n', 'projects/acme/project.yaml': '\uFEFFid: acme\n', 'README.md': '# hi\n', 'logo.yml': 'a\0b' });
  r.write({ 'tam.yaml': 'kind: workspace\nname: changed\n', 'projects/acme/project.yaml': null });
  const statusBefore = r.git('status', '--porcelain');
  const tree = readTreeAtRef(r.dir, 'HEAD');
  assert.deepEqual([...tree.keys()], ['projects/acme/project.yaml', 'tam.yaml']);
  assert.equal(tree.get('projects/acme/project.yaml'), 'id: acme\n'); // the BOM is dropped, as when read from disk
  assert.equal(fs.readFileSync(r.path('tam.yaml'), 'utf8'), 'kind: workspace\nname: changed\n');
  assert.equal(fs.existsSync(r.path('projects/acme/project.yaml')), false);
  assert.equal(r.git('status', '--porcelain'), statusBefore);
});

test('readTreeAtRef of a workspace folder that did not exist at the ref is empty', () => {
  const r = repo({ 'README.md': '# hi\n' });
  r.write({ 'tam/tam.yaml': 'kind: workspace\n' });
  assert.equal(readTreeAtRef(r.path('tam'), 'HEAD').size, 0);
});

test('resolveRef names the commit; an unknown ref is a GitError that says so', () => {
  const r = repo({ 'a.yaml': 'a: 1\n' });
  assert.match(resolveRef(r.dir, 'main'), /^[0-9a-f]{40}$/);
  assert.throws(() => resolveRef(r.dir, 'no-such-branch'), (e: unknown) => e instanceof GitError && /unknown git ref "no-such-branch"/.test(e.message));
  assert.throws(() => resolveRef(r.dir, '--output=/tmp/x'), (e: unknown) => e instanceof GitError && /not a git ref/.test(e.message));
  assert.throws(() => readTreeAtRef(r.dir, 'v9.9'), GitError);
});

test('a folder outside git: isGitRepository is false and the helpers throw GitError', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-nogit-'));
  try {
    assert.equal(isGitRepository(dir), false);
    assert.equal(isGitRepository(path.join(dir, 'missing')), false);
    assert.throws(() => changedFiles(dir), (e: unknown) => e instanceof GitError && /is not in a git repository/.test(e.message));
    assert.throws(() => readTreeAtRef(dir, 'HEAD'), GitError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a repository without commits: every file is new against HEAD, and HEAD itself cannot be read', () => {
  const r = new TempRepo().write({ 'tam.yaml': 'kind: workspace\n', 'org/people.yaml': 'p: 1\n' });
  repos.push(r);
  assert.deepEqual(changedFiles(r.dir), ['org/people.yaml', 'tam.yaml']);
  assert.throws(() => readTreeAtRef(r.dir, 'HEAD'), /no commits yet/);
});

test('without git on the PATH the error says to install git', () => {
  const r = repo({ 'a.yaml': 'a: 1\n' });
  const saved = process.env.PATH;
  process.env.PATH = path.join(r.dir, 'no-bin');
  try {
    assert.throws(() => isGitRepository(r.dir), (e: unknown) => e instanceof GitError && /git is not installed/.test(e.message));
    assert.throws(() => changedFiles(r.dir), /git is not installed/);
  } finally {
    process.env.PATH = saved;
  }
});
