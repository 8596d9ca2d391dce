// The .vsix as the Marketplace and Open VSX list it: packaged by scripts/release/vsix.mjs from
// the built extension, with its icon, banner, changelog, and a README whose screenshots are
// HTTPS addresses in the repository at the release's tag (the listing shows no other images).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { readZip } from '../helpers/zip';

const ROOT = path.join(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/package.json'), 'utf8'));
let temp: string;
let files: Map<string, Buffer>;

before(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-vsix-'));
  const vsix = path.join(temp, 'tam-workbench.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/release/vsix.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  files = readZip(vsix);
});
after(() => fs.rmSync(temp, { recursive: true, force: true }));

const file = (name: string) => {
  const found = [...files.keys()].find((k) => k.toLowerCase() === `extension/${name}`.toLowerCase());
  assert.ok(found, `${name} is in the .vsix`);
  return files.get(found)!;
};

test('the README shows the screenshots the e2e suite took, from the repository at the release tag', () => {
  const readme = file('README.md').toString('utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
  assert.deepEqual(images, ['chain-graph', 'problems', 'sla-summary'].map((n) => `https://github.com/tam-workbench/tam-workbench/raw/v${manifest.version}/extension/media/screenshots/${n}.png`));
  for (const image of images) {
    const local = path.join(ROOT, 'extension', image.replace(/^.*\/extension\//, ''));
    const png = fs.readFileSync(local);
    assert.equal(png.toString('latin1', 1, 4), 'PNG', local);
    assert.ok(png.readUInt32BE(16) >= 1200, `${local} is a full-size screenshot`);
  }
  // The screenshots stay out of the package; the listing loads them from the repository.
  assert.deepEqual([...files.keys()].filter((k) => /screenshots/.test(k)), []);
});

test('the listing has a 128×128 PNG icon, a banner colour, and the changelog of this version', () => {
  const packaged = JSON.parse(file('package.json').toString('utf8'));
  assert.equal(packaged.icon, 'media/icon.png');
  assert.match(packaged.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(packaged.galleryBanner.theme));
  const icon = file('media/icon.png');
  assert.equal(icon.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  const changelog = file('CHANGELOG.md').toString('utf8');
  assert.match(changelog, new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
});

test('the .vsix carries the bundles and what the webviews load, and no sources or source maps', () => {
  for (const name of ['dist/extension.js', 'dist/server.js', 'dist/webview/chain-graph.js', 'dist/webview/sla-summary.js', 'dist/schemas/chain.schema.json']) file(name);
  for (const name of ['media/tam.svg', 'media/webview.css', 'media/chain-graph.css', 'media/sla-summary.css']) file(name);
  assert.deepEqual([...files.keys()].filter((k) => /\.(ts|map)$|\/src\/|node_modules/.test(k)), []);
});
