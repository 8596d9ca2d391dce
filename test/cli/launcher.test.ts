// `tam` runs its bundle from V8's cache of it when the build left one for this very bundle
// (cli/launcher.ts), and compiles the bundle as usual otherwise: the output is the same either way.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const DIST = path.join(__dirname, '../../dist');
const SAMPLE = path.join(__dirname, '../../sample-workspace');
const ARGS = ['validate', SAMPLE, '--format', 'json', '--now', '2026-11-25T12:00:00+03:00'];

/** A copy of the built `tam` (launcher, bundle, cache) with the files' times kept. */
function copyOfTam(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-launcher-'));
  for (const name of ['tam.js', 'tam-cli.js', 'tam-cli.js.code-cache']) {
    const from = path.join(DIST, name);
    fs.copyFileSync(from, path.join(dir, name));
    const stat = fs.statSync(from);
    fs.utimesSync(path.join(dir, name), stat.atimeMs / 1000, stat.mtimeMs / 1000);
  }
  return dir;
}

function run(file: string): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, [file, ...ARGS], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'tam' } });
}

test('tam gives the bundle\'s own output from the cache, and without one', () => {
  const dir = copyOfTam();
  try {
    const plain = spawnSync(process.execPath, [path.join(dir, 'tam-cli.js'), ...ARGS], { encoding: 'utf8' });
    assert.equal(plain.status, 0, plain.stderr);
    assert.ok(JSON.parse(plain.stdout).diagnostics.length > 0);
    const tam = path.join(dir, 'tam.js');
    const cache = path.join(dir, 'tam-cli.js.code-cache');

    const cached = run(tam);
    assert.match(cached.stderr, /code cache used/);
    assert.equal(cached.stdout, plain.stdout);
    assert.equal(cached.status, 0);

    // V8's data spoiled (V8 would crash on it): not used.
    const data = fs.readFileSync(cache);
    const spoiled = Buffer.from(data);
    spoiled.fill(7, 100, 200);
    fs.writeFileSync(cache, spoiled);
    const broken = run(tam);
    assert.match(broken.stderr, /no code cache of this bundle/);
    assert.equal(broken.stdout, plain.stdout);

    // Whole, but of a bundle of the same size: V8 refuses it (its flags are not those the cache was made with).
    fs.writeFileSync(cache, data);
    const refused = spawnSync(process.execPath, ['--no-lazy-feedback-allocation', tam, ...ARGS], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'tam' } });
    assert.match(refused.stderr, /code cache refused by V8/);
    assert.equal(refused.stdout, plain.stdout);

    // The bundle changed since the cache was made (V8 would only check its length): not used.
    const later = new Date(fs.statSync(path.join(dir, 'tam-cli.js')).mtimeMs + 60_000);
    fs.utimesSync(path.join(dir, 'tam-cli.js'), later, later);
    const stale = run(tam);
    assert.match(stale.stderr, /no code cache of this bundle/);
    assert.equal(stale.stdout, plain.stdout);

    fs.rmSync(cache);
    const none = run(tam);
    assert.match(none.stderr, /no code cache of this bundle/);
    assert.equal(none.stdout, plain.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a copy of tam whose bundle time moved by less than a millisecond, across a millisecond\'s edge, keeps its cache', () => {
  const dir = copyOfTam();
  try {
    const tam = path.join(dir, 'tam.js');
    const bundle = path.join(dir, 'tam-cli.js');
    const cache = path.join(dir, 'tam-cli.js.code-cache');
    // The bundle on a whole second; the cache made for a time 300 ns before it, as copying with
    // utimes in float seconds can leave it (a whole-millisecond comparison refused that).
    const second = Math.floor(fs.statSync(bundle).mtimeMs / 1000);
    fs.utimesSync(bundle, second, second);
    const data = fs.readFileSync(cache);
    data.writeDoubleLE(second * 1000 - 0.0003, 8);
    fs.writeFileSync(cache, data);
    assert.match(run(tam).stderr, /code cache used/);

    // A millisecond or more is another time: not used.
    data.writeDoubleLE(second * 1000 - 1, 8);
    fs.writeFileSync(cache, data);
    assert.match(run(tam).stderr, /no code cache of this bundle/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
