// `tam docs [DIR] --out FOLDER [--now TS]`: writes Markdown pages a team can publish (an index,
// one page per project) into FOLDER, and nowhere else. FOLDER is created when missing; it may
// not hold the workspace, nor lie among its entity files (org/, projects/); a folder that
// already has other files is only written to when an earlier `tam docs` made it, and then the
// pages that earlier run wrote and this one does not are removed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderDocsSite, type DocsPage } from '../core/render/docs';
import { plainText } from '../core/text/shown';
import { nowOption, parse, UsageError } from './args';
import type { CommandIO } from './io';
import { inScope, openWorkspace } from './open';

export const docsUsage = `tam docs [DIR] --out FOLDER [--now TS]

Writes Markdown pages of the workspace in DIR (default: the current folder) into FOLDER, for a
wiki or a static site: index.md with every project and the SLA summary, and
projects/<id>.md per project with its departments, contacts, chains (forecast, critical path,
Mermaid graph), SLA tables, open incidents, action items, open risks and proposals, and
documentation freshness. FOLDER must be new, empty, or written by tam docs before.`;

/** Written into FOLDER: the pages of the last run, so the next run knows the folder is its own. */
const MANIFEST = '.tam-docs.json';
const ENTITY_FOLDERS = ['org', 'projects'];

export async function runDocs(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, now: { type: 'string' } }, 1);
  if (!values.out) throw new UsageError('--out is required: the folder to write the pages into, e.g. --out site');
  const now = nowOption(values.now);
  const { ws, root, scope } = await openWorkspace(positionals[0]);
  const out = checkedOutFolder(path.resolve(io.cwd, values.out), values.out, root);
  const pages = renderDocsSite(ws, now, { inScope: (file) => inScope(scope, file) });
  writePages(out, pages);
  const shown = path.relative(io.cwd, out) || '.';
  io.out(`Wrote ${pages.length} page${pages.length === 1 ? '' : 's'} to ${plainText(shown)}${path.sep}: index.md and ${pages.length - 1} project page${pages.length === 2 ? '' : 's'}.\n`);
  return 0;
}

/** The real path of the output folder, after refusing the places it must not be. */
function checkedOutFolder(target: string, given: string, root: string): string {
  const real = realPathOf(target);
  const realRoot = fs.realpathSync(root);
  if (isInside(realRoot, real)) throw new UsageError(`--out "${given}" holds the workspace itself: choose a folder of its own, e.g. --out site`);
  for (const folder of ENTITY_FOLDERS) {
    if (isInside(real, path.join(realRoot, folder))) {
      throw new UsageError(`--out "${given}" is inside the workspace's ${folder}/ folder, among its entity files: choose another folder, e.g. --out site`);
    }
  }
  if (fs.existsSync(real)) {
    if (!fs.statSync(real).isDirectory()) throw new UsageError(`--out "${given}" is a file, not a folder`);
    const entries = fs.readdirSync(real);
    if (entries.length && !entries.includes(MANIFEST)) {
      throw new UsageError(`--out "${given}" already holds other files: choose a new or empty folder (tam docs only rewrites a folder it wrote before)`);
    }
  }
  return real;
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor, resolved. */
function realPathOf(target: string): string {
  let existing = target;
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    rest.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

/** Whether `inner` is `outer` or lies below it. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function writePages(out: string, pages: readonly DocsPage[]): void {
  const target = (page: string): string => {
    const file = path.join(out, ...page.split('/'));
    if (!isInside(file, out) || file === out) throw new Error(`page path "${page}" leaves the output folder`);
    return file;
  };
  fs.mkdirSync(out, { recursive: true });
  const previous = readManifest(out);
  const written = new Set(pages.map((p) => p.path));
  for (const page of previous) {
    if (written.has(page)) continue;
    const file = target(page);
    if (isFile(file)) fs.rmSync(file);
  }
  for (const page of pages) {
    const file = target(page.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // A link planted in the folder must not send a page elsewhere.
    if (isSymbolicLink(file)) fs.rmSync(file);
    if (!isInside(fs.realpathSync(path.dirname(file)), out)) throw new UsageError(`"${path.dirname(file)}" leads outside --out; remove it and run again`);
    fs.writeFileSync(file, page.text);
  }
  fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify({ generator: 'tam docs', pages: [...written].sort() }, null, 2) + '\n');
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function readManifest(out: string): string[] {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8'));
    return Array.isArray(data?.pages) ? data.pages.filter((p: unknown): p is string => typeof p === 'string' && !p.includes('..')) : [];
  } catch {
    return [];
  }
}
