// `tam validate --cache`: the output is the same as without the cache in every format, on the
// first run and the next ones, after edits, in and out of git; the cache file goes where it is
// told; a broken or foreign cache is ignored; a cache that cannot be written costs a warning.

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

const files = {
  'projects/acme/chains/c.yaml': 'kind: chain\nid: c\nproject: acme\ntitle: T\ntasks:\n  - { id: a, title: A, department: netwrok, status: todo }\n',
  'projects/acme/project.yaml': 'kind: project\nid: acme\nname: ACME\nclient: ACME\ntam: anna\ndocs:\n  - { path: docs/a.md, title: A, reviewed: 2025-01-01 }\n',
  'projects/acme/incidents/INC-1.yaml':
    'kind: incident\nid: INC-1\nproject: acme\ntitle: VPN down\npriority: P1\nopened: 2026-11-03T09:00:00+03:00\ntimeline:\n  - { at: 2026-11-03T12:00:00+03:00, status: resolved }\n',
};

function workspace(extra: Record<string, string> = {}): string {
  const dir = tempWorkspace({ ...files, ...extra });
  dirs.push(dir);
  return dir;
}

/** Makes the folder a git repository with everything committed; returns a way to run git there. */
function committed(dir: string): (...args: string[]) => Buffer {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.email=tam@example.com', '-c', 'user.name=TAM', 'commit', '-qm', 'base');
  return git;
}

async function both(dir: string, args: string[]): Promise<{ plain: Awaited<ReturnType<typeof tam>>; cached: Awaited<ReturnType<typeof tam>> }> {
  const plain = await tam(['validate', dir, ...args]);
  const cached = await tam(['validate', dir, '--cache', ...args]);
  return { plain, cached };
}

test('every format prints the same with the cache, on the first run and the next', async () => {
  const dir = workspace();
  for (const format of ['text', 'json', 'sarif', 'junit', 'github', 'gitlab']) {
    for (let run = 0; run < 2; run++) {
      const { plain, cached } = await both(dir, ['--format', format, ...NOW]);
      assert.equal(cached.out, plain.out, `${format}, run ${run + 1}`);
      assert.equal(cached.code, plain.code);
      assert.equal(cached.code, 1);
      assert.equal(cached.err, '');
    }
  }
  assert.ok(fs.existsSync(path.join(dir, '.tamcache')), 'kept in the workspace root by default');
});

test('after edits, the cached run reports what a full one does', async () => {
  const dir = workspace();
  await tam(['validate', dir, '--cache', ...NOW]);
  const edits: [string, string | undefined][] = [
    ['projects/acme/chains/c.yaml', files['projects/acme/chains/c.yaml'].replace('netwrok', 'network')],
    ['org/departments.yaml', undefined],
    ['projects/acme/incidents/INC-2.yaml', files['projects/acme/incidents/INC-1.yaml'].replace('INC-1', 'INC-2').replace('P1', 'P7')],
    ['tam.yaml', 'kind: workspace\nname: Test provider\ntimezone: Europe/Moscow\ndefault_sla_policy: standard\nrules:\n  stale-doc: off\n'],
  ];
  for (const [file, text] of edits) {
    if (text === undefined) fs.rmSync(path.join(dir, file));
    else fs.writeFileSync(path.join(dir, file), text);
    const { plain, cached } = await both(dir, ['--format', 'json', ...NOW]);
    assert.deepEqual(JSON.parse(cached.out), JSON.parse(plain.out), `after editing ${file}`);
  }
});

test('in a git repository, unmodified files are known by their blob id; modified ones are read', async () => {
  const dir = workspace();
  const git = committed(dir);
  await tam(['validate', dir, '--cache', ...NOW]);
  const cache = JSON.parse(fs.readFileSync(path.join(dir, '.tamcache'), 'utf8'));
  const blob = git('rev-parse', 'HEAD:projects/acme/chains/c.yaml').toString().trim();
  assert.equal(cache.files['projects/acme/chains/c.yaml'].hash, blob, 'the content id is git\'s blob id');
  fs.writeFileSync(path.join(dir, 'projects/acme/chains/c.yaml'), files['projects/acme/chains/c.yaml'].replace('netwrok', 'network'));
  const { plain, cached } = await both(dir, ['--format', 'json', ...NOW]);
  assert.deepEqual(JSON.parse(cached.out), JSON.parse(plain.out));
  assert.ok(!JSON.parse(cached.out).diagnostics.some((d: { code: string }) => d.code === 'unknown-reference'));
  assert.equal(git('status', '--porcelain', '--', 'tam.yaml').toString(), '', 'git\'s index and files untouched');
});

test('--cache-location puts the cache elsewhere; a broken cache is ignored and replaced', async () => {
  const dir = workspace();
  const elsewhere = path.join(dir, '..', `${path.basename(dir)}-cache.json`);
  dirs.push(elsewhere);
  const first = await tam(['validate', dir, '--cache', '--cache-location', elsewhere, '--format', 'json', ...NOW]);
  assert.ok(fs.existsSync(elsewhere));
  assert.ok(!fs.existsSync(path.join(dir, '.tamcache')));
  for (const junk of ['', '{', 'null', '{"format":2,"files":[]}', '\u0000\u0001']) {
    fs.writeFileSync(elsewhere, junk);
    const r = await tam(['validate', dir, '--cache', '--cache-location', elsewhere, '--format', 'json', ...NOW]);
    assert.equal(r.out, first.out, JSON.stringify(junk));
    assert.equal(r.err, '');
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(elsewhere, 'utf8')), 'replaced by a good one');
  }
});

test('a cache that cannot be written is a warning, not a failure', async () => {
  const dir = workspace();
  const into = path.join(dir, 'no-such-folder', 'cache.json');
  const r = await tam(['validate', dir, '--cache', '--cache-location', into, '--format', 'json', ...NOW]);
  assert.equal(r.code, 1, 'the exit code still says what the check found');
  assert.match(r.err, /could not write the cache .*cache\.json: ENOENT/);
  assert.deepEqual(JSON.parse(r.out), JSON.parse((await tam(['validate', dir, '--format', 'json', ...NOW])).out));
});

test('--cache-location without --cache is a usage error', async () => {
  const r = await tam(['validate', workspace(), '--cache-location', 'x.json']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--cache-location goes with --cache/);
});

test('--changed with --cache reports what --changed reports', async () => {
  const dir = workspace();
  committed(dir);
  await tam(['validate', dir, '--cache', ...NOW]);
  fs.writeFileSync(path.join(dir, 'org/departments.yaml'), 'kind: department\nid: unix\nname: Unix\ncalendar: msk\n');
  const { plain, cached } = await both(dir, ['--changed', '--format', 'json', ...NOW]);
  assert.deepEqual(JSON.parse(cached.out), JSON.parse(plain.out));
  assert.ok(JSON.parse(plain.out).diagnostics.length > 0);
});

test('a cache committed to git is neither trusted nor overwritten: it could hide errors in a pull request', async () => {
  const dir = workspace();
  // A forged cache saying that every file, as it is, has no problems.
  await tam(['validate', dir, '--cache', ...NOW]);
  const cacheFile = path.join(dir, '.tamcache');
  const forged = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
  for (const entry of Object.values(forged.files) as { diagnostics?: unknown }[]) delete entry.diagnostics;
  fs.writeFileSync(cacheFile, JSON.stringify(forged));
  committed(dir);
  const r = await tam(['validate', dir, '--cache', '--format', 'json', ...NOW]);
  assert.match(r.err, /\.tamcache is committed to git, so it is not used as a cache/);
  assert.equal(r.code, 1, 'the errors the forged cache hid are reported');
  assert.deepEqual(JSON.parse(r.out), JSON.parse((await tam(['validate', dir, '--format', 'json', ...NOW])).out));
  assert.equal(fs.readFileSync(cacheFile, 'utf8'), JSON.stringify(forged), 'left as committed');
});

test('a cache of the right shape with nonsense inside is ignored', async () => {
  const dir = workspace();
  await tam(['validate', dir, '--cache', ...NOW]);
  const cacheFile = path.join(dir, '.tamcache');
  const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
  for (const entry of Object.values(cache.files) as Record<string, unknown>[]) {
    entry.entities = 'nonsense';
    entry.refs = 42;
  }
  cache.referrers = { 'department:network': 'x' };
  fs.writeFileSync(cacheFile, JSON.stringify(cache));
  fs.writeFileSync(path.join(dir, 'org/people.yaml'), fs.readFileSync(path.join(dir, 'org/people.yaml'), 'utf8') + '\n');
  const r = await tam(['validate', dir, '--cache', '--format', 'json', ...NOW]);
  assert.equal(r.err, '');
  assert.deepEqual(JSON.parse(r.out), JSON.parse((await tam(['validate', dir, '--format', 'json', ...NOW])).out));
});
