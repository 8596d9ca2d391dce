// Makes the npm package of the `tam` CLI and the language server, dist/tam-workbench-<version>.tgz,
// from the bundles `node esbuild.mjs --production` wrote: the release attaches it and publishes
// it to npm as it is.
//
// The bundles carry every library they use, so the published manifest has no dependencies and
// no scripts: installing it runs nothing and fetches nothing. The repository's own package.json
// keeps its scripts (`prepare` builds after `npm ci`) and is private, so it is never published by
// mistake; the manifest here is written from it, and the package is packed from a folder of its
// own (dist/npm-package/).
//
// Usage: node scripts/release/npm-package.mjs [--out FOLDER]   (default: dist/; the package
// folder is then FOLDER/npm-package)

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(ROOT, 'dist');
const STAGE = path.join(OUT, 'npm-package');

/**
 * What a user of the package gets: the two programs (tam is a launcher and its bundle; V8's cache
 * of the bundle is for the Node that built it, and stays out), the schemas and the documentation.
 */
const CONTENTS = ['README.md', 'LICENSE', 'dist/tam.js', 'dist/tam-cli.js', 'dist/server.js', 'schemas', 'docs'];

/** The fields of the repository's manifest that describe the package; all others stay home. */
const PUBLISHED_FIELDS = ['name', 'version', 'description', 'keywords', 'license', 'author', 'homepage', 'bugs', 'repository', 'bin', 'engines'];

function publishedManifest(manifest) {
  const out = {};
  for (const field of PUBLISHED_FIELDS) if (manifest[field] !== undefined) out[field] = manifest[field];
  out.files = ['dist/tam.js', 'dist/tam-cli.js', 'dist/server.js', 'schemas/*.schema.json', 'docs'];
  return out;
}

function main() {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const bin of Object.values(manifest.bin)) {
    if (!existsSync(path.join(ROOT, bin))) throw new Error(`${bin} is missing: run "node esbuild.mjs --production" first`);
  }
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  for (const item of CONTENTS) {
    cpSync(path.join(ROOT, item), path.join(STAGE, item), { recursive: true, filter: (src) => !src.endsWith('.map') });
  }
  writeFileSync(path.join(STAGE, 'package.json'), JSON.stringify(publishedManifest(manifest), null, 2) + '\n');
  // --ignore-scripts: the staged manifest has none, and no script of the repository may run here.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', OUT], { cwd: STAGE, encoding: 'utf8' });
  const [packed] = JSON.parse(out);
  const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
  const file = path.join(OUT, packed.filename);
  console.log(`${file.startsWith(ROOT + path.sep) ? path.relative(ROOT, file) : file}: ${packed.entryCount} files, ${kb(packed.size)} (${kb(packed.unpackedSize)} unpacked)`);
}

main();
