// Builds everything that runs: the `tam` CLI and the language server for Node, the VS Code
// extension, and the webview scripts for the browser. `node esbuild.mjs --watch` rebuilds
// on change; `--production` minifies for packaging.
//
// The extension (extension/dist/) carries its own copy of the language server, so the .vsix
// needs nothing else: extension.js (the client), server.js, the webview
// scripts with Mermaid bundled in (nothing is loaded from a CDN), and the JSON schemas.

import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** A hash of what decides the results of a check: `tam validate --cache` reuses only its own build's. */
function buildId() {
  const h = createHash('sha1');
  for (const dir of ['server/src', 'schemas']) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.(ts|json)$/.test(file)) continue;
      h.update(file).update(readFileSync(`${dir}/${file}`));
    }
  }
  h.update(readFileSync('package.json'));
  return h.digest('hex').slice(0, 16);
}

/**
 * The schema validators as code (scripts/precompile-validators.ts), in dist/.gen/; the node
 * bundles take it in place of server/src/core/schema/validators.ts.
 */
function precompileValidators() {
  const dir = path.resolve('dist/.gen');
  mkdirSync(dir, { recursive: true });
  const generator = path.join(dir, 'generate-validators.cjs');
  esbuild.buildSync({ entryPoints: ['scripts/precompile-validators.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: generator, logLevel: 'warning' });
  const realValue = path.relative(dir, path.resolve('server/src/core/schema/real-value.ts')).split(path.sep).join('/');
  const out = path.join(dir, 'validators.cjs');
  writeFileSync(out, createRequire(import.meta.url)(generator).generateValidators(realValue));
  return out;
}

const validators = precompileValidators();

/** Puts the generated validators in place of server/src/core/schema/validators.ts. */
const precompiled = {
  name: 'precompiled-validators',
  setup(build) {
    build.onResolve({ filter: /\/validators$/ }, (args) =>
      args.importer.endsWith(path.join('schema', 'validate.ts')) ? { path: 'validators', namespace: 'tam-precompiled' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'tam-precompiled' }, () => ({
      contents: `const generated = require(${JSON.stringify(validators)});\nexport function validatorOf(kind) { return generated[kind]; }\n`,
      resolveDir: path.dirname(validators),
      loader: 'js',
    }));
  },
};

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __TAM_BUILD__: JSON.stringify(buildId()) },
  plugins: [precompiled],
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

/**
 * The programs of the npm package (and the GitHub Action) are never minified: the tests run
 * the very code that ships, and a stack trace in a bug report names real functions.
 */
const program = { ...node, minify: false, banner: { js: '#!/usr/bin/env node' } };

/** Entries whose source exists; the extension and server are built only once written. */
const builds = [
  // `tam` is a launcher (cli/launcher.ts) that runs the bundle tam-cli.js with V8's cache of it.
  { ...program, entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/tam.js', sourcemap: false },
  { ...program, entryPoints: ['server/src/cli/tam.ts'], outfile: 'dist/tam-cli.js', banner: {} },
  { ...program, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The check step of the GitHub Action (action.yml); not part of the npm package.
  { ...program, entryPoints: ['server/src/github-action/action.ts'], outfile: 'dist/action.js' },
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

/** V8's cache of the CLI's code (cli/launcher.ts), for the Node that builds: never of a bundle it was not made from. */
const CODE_CACHE = 'dist/tam-cli.js.code-cache';

/** Writes the cache at the end of a check of the sample workspace, so that it holds the code such a run calls. */
function writeCodeCache() {
  const run = spawnSync(process.execPath, ['dist/tam.js', 'validate', 'sample-workspace', '--format', 'json'], {
    env: { ...process.env, TAM_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // 0 or 1 (findings): the run is only there to call the code. Without a cache, tam starts as usual.
  if (run.status !== 0 && run.status !== 1) console.warn(`esbuild.mjs: no code cache for tam (exit ${run.status ?? run.signal})`);
}

copySchemas();
rmSync(CODE_CACHE, { force: true });
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeCodeCache();
}
