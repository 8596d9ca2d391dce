// The install step of the GitHub Action (action.yml): makes `tam` and the check step's program
// ready from the action's own checkout, and puts `tam` on the PATH of the job's later steps.
//
// A release's major tag (v0) carries the bundles, built by the release workflow: nothing is
// installed then. Any other ref (a branch, a commit, `uses: ./`) has only the sources: they are
// built here with the locked dependencies from the npm registry (`npm ci`, no install scripts
// of the dependencies run). Plain JavaScript, since it runs before anything is built.

import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const action = path.resolve(process.env.GITHUB_ACTION_PATH ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const temp = process.env.RUNNER_TEMP;
if (!temp) {
  console.error('RUNNER_TEMP is not set: this script is a step of the TAM Workbench action (action.yml)');
  process.exit(2);
}

const bundles = ['dist/tam.js', 'dist/action.js'].map((f) => path.join(action, f));
if (bundles.every((f) => existsSync(f))) {
  console.log(`Using the bundles of the action's checkout (${action}/dist).`);
} else {
  console.log(`Building tam from the action's checkout (${action}).`);
  const run = (command, args) => execFileSync(command, args, { cwd: action, stdio: 'inherit' });
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
  run(process.execPath, ['esbuild.mjs']);
}

// `tam` for the job's later steps, outside the checkout so that nothing of it is read as part
// of the workspace.
const bin = path.join(temp, 'tam-workbench', 'bin');
mkdirSync(bin, { recursive: true });
const quoted = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
writeFileSync(path.join(bin, 'tam'), `#!/bin/sh\nexec node ${quoted(path.join(action, 'dist', 'tam.js'))} "$@"\n`);
chmodSync(path.join(bin, 'tam'), 0o755);
if (process.env.GITHUB_PATH) appendFileSync(process.env.GITHUB_PATH, `${bin}\n`);
const version = execFileSync(process.execPath, [bundles[0], '--version'], { encoding: 'utf8' }).trim();
console.log(`tam ${version} is on the PATH (${bin}).`);
