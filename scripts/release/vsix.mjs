// Packages the VS Code extension, dist/tam-workbench.vsix, from the bundles
// `node esbuild.mjs --production` wrote into extension/dist/.
//
// The Marketplace and Open VSX show extension/README.md with its images from HTTPS addresses
// only. vsce turns relative links into addresses in the repository, but it does not know that
// the extension lives in a subfolder; the screenshots are named here at the release's tag, so
// the listing of a version shows that version's screenshots (they are not put in the .vsix).
//
// Usage: node scripts/release/vsix.mjs [--out FILE]   (default: dist/tam-workbench.vsix)

import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSION = path.join(ROOT, 'extension');
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(ROOT, 'dist', 'tam-workbench.vsix');

const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
const repository = /^https:\/\/github\.com\/([^/]+\/[^/.]+)/.exec(manifest.repository?.url ?? '')?.[1];
if (!repository) throw new Error(`extension/package.json: repository.url must be a https://github.com/OWNER/REPO address, not "${manifest.repository?.url}"`);
const tag = `v${manifest.version}`;

const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
execFileSync(
  vsce,
  [
    'package',
    '--no-dependencies',
    '--baseImagesUrl',
    `https://github.com/${repository}/raw/${tag}/extension/`,
    '--baseContentUrl',
    `https://github.com/${repository}/blob/${tag}/extension/`,
    '--out',
    OUT,
  ],
  { cwd: EXTENSION, stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(`${OUT.startsWith(ROOT + path.sep) ? path.relative(ROOT, OUT) : OUT}: ${(statSync(OUT).size / 1024).toFixed(0)} kB`);
