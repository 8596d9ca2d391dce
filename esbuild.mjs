// Builds everything that runs: the `tam` CLI and the language server for Node, the VS Code
// extension, and the webview scripts for the browser. `node esbuild.mjs --watch` rebuilds
// on change; `--production` minifies for packaging.

import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Entries whose source exists; the extension and server are built only once written. */
const builds = [
  { ...node, entryPoints: ['server/src/cli/tam.ts'], outfile: 'dist/tam.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['server/src/core/workspace/build-worker.ts'], outfile: 'dist/build-worker.js' },
].filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
