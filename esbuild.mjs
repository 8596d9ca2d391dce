// Builds everything that runs: the `tam` CLI and the language server for Node, the VS Code
// extension, and the webview scripts for the browser. `node esbuild.mjs --watch` rebuilds
// on change; `--production` minifies for packaging.
//
// The extension (extension/dist/) carries its own copy of the language server, so the .vsix
// needs nothing else: extension.js (the client), server.js, the webview
// scripts with Mermaid bundled in (nothing is loaded from a CDN), and the JSON schemas.

import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';

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

const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Libraries that read NODE_ENV get a value in the browser too.
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** Entries whose source exists; the extension and server are built only once written. */
const builds = [
  { ...node, entryPoints: ['server/src/cli/tam.ts'], outfile: 'dist/tam.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The VS Code extension: the client, the server it starts, the webviews.
  { ...node, entryPoints: ['extension/src/main.ts'], outfile: 'extension/dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'extension/dist/server.js' },
  { ...browser, entryPoints: ['extension/webview/chain-graph.ts'], outfile: 'extension/dist/webview/chain-graph.js' },
  { ...browser, entryPoints: ['extension/webview/sla-summary.ts'], outfile: 'extension/dist/webview/sla-summary.js' },
].filter((b) => existsSync(b.entryPoints[0]));

/** The JSON schemas, for `tam.schemas.registerWithYamlExtension`. */
function copySchemas() {
  if (!existsSync('extension/package.json')) return;
  mkdirSync('extension/dist/schemas', { recursive: true });
  cpSync('schemas', 'extension/dist/schemas', { recursive: true, filter: (src) => !/\.(md|txt)$/.test(src) });
}

copySchemas();
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
