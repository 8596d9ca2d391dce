// The built server starting from the cache `tam validate --cache` left in the root: it
// publishes what a full check would (the cached results of unchanged files, fresh ones for the
// files changed since), keeps working incrementally after that, and ignores a cache that git
// tracks or that is broken.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { LspClient, NOW, REPO, tempCopy } from './client';

const TAM = path.join(REPO, 'dist', 'tam.js');
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function validate(dir: string, ...extra: string[]): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [TAM, 'validate', dir, '--format', 'json', '--now', NOW, ...extra], { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1: there are errors
  }
  return (JSON.parse(out).diagnostics as any[]).map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`).sort();
}

function published(client: LspClient, dir: string): string[] {
  const out: string[] = [];
  for (const [uri, p] of client.diagnostics) {
    const file = path.relative(dir, new URL(uri).pathname).split(path.sep).join('/');
    for (const d of p.diagnostics) {
      out.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${['', 'error', 'warning', 'info'][d.severity!]} ${d.code} ${d.message}`);
    }
  }
  return out.sort();
}

/** A copy of the fixture with a cache from `tam validate --cache`, then one file changed on disk. */
function cachedCopy(): string {
  const dir = tempCopy();
  dirs.push(dir);
  validate(dir, '--cache');
  assert.ok(fs.existsSync(path.join(dir, '.tamcache')));
  const file = path.join(dir, 'org/departments.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id: network', 'id: net-ops'));
  return dir;
}

test('from the cache: the same diagnostics as a full check, the changed file and what it affects checked again', async () => {
  const dir = cachedCopy();
  const client = await LspClient.start(dir);
  try {
    await client.ready();
    assert.ok(client.logs.some((l) => /read \.tamcache: \d+ files as they were/.test(l)), client.logs.join('\n'));
    const full = validate(dir);
    assert.ok(full.some((l) => /unknown department "network"/.test(l)), 'the renamed department shows where it is used');
    assert.deepEqual(published(client, dir), full);

    // Incremental from there on, through files that came from the cache.
    const file = 'projects/acme/incidents/INC-2.yaml';
    client.open(file);
    const version = client.edit(file, 'department: netwrok', 'department: net-ops');
    await client.waitFor(() => client.diagnostics.get(client.uri(file))?.version === version, 10_000, 'the edited version');
    assert.ok(!client.lines(file).some((l) => l.includes('unknown-reference')), client.lines(file).join('\n'));
  } finally {
    await client.stop();
  }
  assert.ok(fs.existsSync(path.join(dir, '.tamcache')), 'the server never removes the cache');
});

test('a cache that git tracks, or a broken one, is not used: a full load', async () => {
  for (const spoil of ['commit', 'break'] as const) {
    const dir = cachedCopy();
    if (spoil === 'commit') {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
      git('init', '-q');
      git('add', '.');
      git('-c', 'user.email=tam@example.com', '-c', 'user.name=TAM', 'commit', '-qm', 'with a cache');
    } else {
      fs.writeFileSync(path.join(dir, '.tamcache'), '{"format": 2, "files": ');
    }
    const client = await LspClient.start(dir);
    try {
      await client.ready();
      assert.ok(!client.logs.some((l) => /read \.tamcache/.test(l)), `${spoil}: ${client.logs.join('\n')}`);
      assert.deepEqual(published(client, dir), validate(dir), spoil);
    } finally {
      await client.stop();
    }
  }
});
