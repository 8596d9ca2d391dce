// Document links: a project's `docs[].path` opens the document it names (relative to the
// project file's folder, as stale-doc reads it), and every web address written in a value — a
// proposal's `evidence`, a description, a note, a `docs[].path` that is a URL — opens in the
// browser. Only http and https addresses are links, and a path that leaves the workspace is
// not one: a file cannot make the editor open anything else.

import * as path from 'node:path';
import type { Range } from '../core/model';
import type { TextModel } from './text-model';
import { findPair, rootScalar, type TreeNode } from './yaml-tree';

export interface DocLink {
  range: Range;
  /** A workspace-relative file, or a web address. */
  target: { file: string } | { url: string };
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`{}|\\^[\]]+/g;
const WEB = /^https?:\/\//;

export function documentLinks(model: TextModel): DocLink[] {
  const out: DocLink[] = [];
  for (const doc of model.tree.docs) {
    walk(model, doc.root, out);
    if (rootScalar(doc, 'kind')?.value !== 'project' || doc.root?.type !== 'map') continue;
    const docs = findPair(doc.root, 'docs')?.value;
    if (docs?.type !== 'seq') continue;
    for (const item of docs.items) {
      const p = item.node?.type === 'map' ? findPair(item.node, 'path')?.value : undefined;
      if (p?.type !== 'scalar' || !p.value.trim() || WEB.test(p.value) || /^[a-z][a-z0-9+.-]*:/i.test(p.value)) continue;
      const file = workspaceFile(model.file, p.value);
      if (!file) continue;
      const quote = p.quoted ? 1 : 0;
      out.push({ range: model.range(p.start + quote, p.end - quote), target: { file } });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Web addresses in every value of a document (keys are not values). */
function walk(model: TextModel, node: TreeNode | null, out: DocLink[]): void {
  if (!node) return;
  if (node.type === 'scalar') {
    const raw = model.text.slice(node.start, node.end);
    if (!raw.includes('://')) return;
    for (const m of raw.matchAll(URL_PATTERN)) {
      const url = trimTrailing(m[0]);
      if (url.length > 'https://'.length) out.push({ range: model.range(node.start + m.index!, node.start + m.index! + url.length), target: { url } });
    }
    return;
  }
  if (node.type === 'map') for (const p of node.pairs) walk(model, p.value, out);
  else for (const item of node.items) walk(model, item.node, out);
}

/** Punctuation that ends a sentence is not part of the address; a closing bracket only when unmatched. */
function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1]!;
    if ('.,;:!?'.includes(c)) end--;
    else if (c === ')' && (url.slice(0, end).match(/\(/g)?.length ?? 0) < (url.slice(0, end).match(/\)/g)?.length ?? 0)) end--;
    else break;
  }
  return url.slice(0, end);
}

/** A document path relative to the project file's folder, as a workspace file; undefined when it leaves the workspace. */
function workspaceFile(projectFile: string, relative: string): string | undefined {
  if (path.posix.isAbsolute(relative) || /^[a-zA-Z]:[\\/]/.test(relative) || relative.includes('\\')) return undefined;
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(projectFile), relative));
  if (file === '..' || file.startsWith('../') || file === '.' || file.startsWith('/')) return undefined;
  return file;
}
