// The npm package as a user gets it: packed the way the release packs it, installed with
// `npm install -g --prefix` from the tarball without the network, and run from there with
// nothing on the PATH but Node and the installed commands.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

const ROOT = path.join(__dirname, '../..');
const NOW = '2026-11-25T12:00:00+03:00';
const version: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

let temp: string;
let tarball: string;
let prefix: string;
/** The sample workspace, copied where no node_modules above it could lend a library. */
let workspace: string;
/** What a machine with only Node 20 has on its PATH, plus the installed commands. */
let env: NodeJS.ProcessEnv;

/** npm with its cache in the temp folder and no network, as on an offline machine. */
function npm(args: string[], cwd = temp) {
  return spawnSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--cache', path.join(temp, 'npm-cache')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

function run(command: string, args: string[]) {
  return spawnSync(command, args, { cwd: temp, encoding: 'utf8', env });
}

before(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-npm-package-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/release/npm-package.mjs'), '--out', temp], { cwd: ROOT, encoding: 'utf8' });
  tarball = path.join(temp, `tam-workbench-${version}.tgz`);
  prefix = path.join(temp, 'prefix');
  workspace = path.join(temp, 'workspace');
  fs.cpSync(path.join(ROOT, 'sample-workspace'), workspace, { recursive: true });
  env = { PATH: [path.join(prefix, 'bin'), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter), HOME: temp, NO_COLOR: '1' };
});
after(() => fs.rmSync(temp, { recursive: true, force: true }));

test('the package has no dependencies and no scripts, and carries the bundles, schemas, docs and licence', () => {
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  assert.deepEqual(manifest.bin, { tam: 'dist/tam.js', 'tam-language-server': 'dist/server.js' });
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies', 'scripts', 'private']) {
    assert.equal(manifest[field], undefined, field);
  }
  assert.equal(manifest.engines.node, '>=20');
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/tam.js', 'dist/tam-cli.js', 'dist/server.js', 'schemas/chain.schema.json', 'docs/cli.md', 'docs/ci.md', 'docs/rules/sla-breach.md']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.deepEqual(files.filter((f) => /\.map$|\.code-cache$|\.ts$|^test\/|^extension\/|^sample-workspace\//.test(f)), []);
});

test('npm install -g from the tarball needs no network, runs no script and installs one package', () => {
  const r = npm(['install', '-g', '--prefix', prefix, tarball]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /added 1 package/);
  // npm names every install script it runs or blocks.
  assert.doesNotMatch(r.stderr, /install-scripts|prepare|postinstall/);
  assert.deepEqual(fs.readdirSync(path.join(prefix, 'lib', 'node_modules')), ['tam-workbench']);
});

test('tam validate and tam sla run from the install', () => {
  const validate = run('tam', ['validate', workspace, '--now', NOW]);
  assert.equal(validate.status, 0, validate.stderr);
  assert.match(validate.stdout, /14 problems \(0 errors, 13 warnings, 1 info\) in 87 files, 132 entities/);
  // The schemas are inside the bundle: a schema error is found and placed.
  fs.writeFileSync(path.join(workspace, 'org', 'broken.yaml'), 'kind: department\nid: storage\nname: Storage\nlead: [1, 2]\n');
  const broken = run('tam', ['validate', path.join(workspace, 'org'), '--now', NOW, '--format', 'json']);
  assert.equal(broken.status, 1, broken.stderr);
  assert.ok(JSON.parse(broken.stdout).diagnostics.some((d: any) => d.file === 'broken.yaml' && d.code === 'schema'));
  fs.rmSync(path.join(workspace, 'org', 'broken.yaml'));

  const sla = run('tam', ['sla', workspace, '--now', NOW, '--format', 'json']);
  assert.equal(sla.status, 0, sla.stderr);
  const report = JSON.parse(sla.stdout);
  assert.ok(report.groups.length > 0 && report.totals.incidents > 0);
  assert.equal(run('tam', ['--version']).stdout, `${version}\n`);
});

test('npx -p with the tarball runs tam without installing it globally', () => {
  const r = spawnSync('npx', ['--yes', '--offline', '--cache', path.join(temp, 'npx-cache'), '-p', tarball, 'tam', 'validate', workspace, '--now', NOW], {
    cwd: temp,
    encoding: 'utf8',
    env: { ...env, PATH: [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter), npm_config_update_notifier: 'false' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /14 problems \(0 errors, 13 warnings, 1 info\)/);
});

test('tam-language-server --stdio from the install initializes, checks in its analysis thread, and shuts down', async () => {
  // The client starts TAM_LSP_SERVER: here the installed command (a link into the package).
  process.env.TAM_LSP_SERVER = path.join(prefix, 'bin', 'tam-language-server');
  const { LspClient } = await import('../lsp/client');
  const client = await LspClient.start(workspace, { now: NOW });
  try {
    await client.ready();
    const chain = 'projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml';
    const text = fs.readFileSync(path.join(workspace, chain), 'utf8').replace(/department: backup\n/, 'department: backup-tapes\n');
    client.open(chain, text);
    const uri = client.uri(chain);
    await client.waitFor(() => !!client.diagnostics.get(uri)?.diagnostics.some((d) => d.code === 'unknown-reference'), 20_000, 'the unknown department');
    assert.equal(await client.request('shutdown', null), null);
    const exited = new Promise<number | null>((resolve) => client.child.once('exit', (code) => resolve(code)));
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    if (client.child.exitCode === null) await client.stop();
    else client.connection.dispose();
    delete process.env.TAM_LSP_SERVER;
  }
});
