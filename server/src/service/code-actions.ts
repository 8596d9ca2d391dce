// Quick fixes for diagnostics: the fixes the core attaches (did-you-mean for an unknown
// reference, field or kind; create the missing postmortem), plus what the editor knows how
// to do from a finding: give a timestamp the offset it lacks (the zone's offset on that date,
// or Z), and add a missing required field.

import type { Diagnostic, FileCreate, TextEdit } from '../core/diagnostic';
import type { Range } from '../core/model';
import { isKind } from '../core/model';
import type { Workspace } from '../core/workspace/workspace';
import { deref, branch, enumAt, schemaAt, schemaRoot } from './schema-at';
import type { TextModel } from './text-model';
import { offsetFor } from '../core/time/zone';
import { zoneOf } from './timestamps';
import { docOfLine, findPair, hitAt, rootScalar, toValue, type TreeMap, type TreeNode } from './yaml-tree';

export interface QuickFix {
  title: string;
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  edits: TextEdit[];
  creates?: FileCreate[];
  preferred?: boolean;
}

export function codeActions(model: TextModel, diagnostics: readonly Diagnostic[], ws: Workspace | undefined): QuickFix[] {
  const out: QuickFix[] = [];
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      out.push({ title: fix.title, diagnostic: d, edits: fix.edits, creates: fix.creates, preferred: fix.preferred });
    }
    if (d.code !== 'schema') continue;
    if (/has no offset/.test(d.message)) out.push(...addOffset(model, d, ws));
    const missing = d.data?.missing;
    if (missing) {
      const fix = addField(model, d, missing);
      if (fix) out.push(fix);
    }
  }
  return out;
}

/** `2026-11-03T09:12:00` → `…+03:00` (the zone's offset that day) or `…Z`. */
function addOffset(model: TextModel, d: Diagnostic, ws: Workspace | undefined): QuickFix[] {
  const start = model.offsetAt(d.range.start);
  const end = model.offsetAt(d.range.end);
  let text = model.text.slice(start, end);
  const q = text[0] === '"' || text[0] === "'" ? text[0] : '';
  if (q) text = text.slice(1, text.endsWith(q) ? -1 : undefined);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return [];
  const doc = docOfLine(model.tree, d.range.start.line);
  const kind = rootScalar(doc, 'kind')?.value;
  const zone = zoneOf(ws, isKind(kind) ? kind : undefined, toValue(doc.root));
  const offset = offsetFor(text, zone);
  const at: Range = { start: model.positionAt(end - (q && model.text[end - 1] === q ? 1 : 0)), end: model.positionAt(end - (q && model.text[end - 1] === q ? 1 : 0)) };
  const fixes: QuickFix[] = [];
  if (offset) fixes.push({ title: `Add offset ${offset} (${zone})`, diagnostic: d, edits: [{ file: model.file, range: at, newText: offset === '+00:00' ? 'Z' : offset }], preferred: true });
  if (offset !== '+00:00') fixes.push({ title: 'Add Z (the time is UTC)', diagnostic: d, edits: [{ file: model.file, range: at, newText: 'Z' }] });
  return fixes;
}

/** Inserts `field: ` as the last key of the map the diagnostic is about. */
function addField(model: TextModel, d: Diagnostic, field: string): QuickFix | undefined {
  const offset = model.offsetAt(d.range.start);
  const doc = docOfLine(model.tree, d.range.start.line);
  const kind = rootScalar(doc, 'kind')?.value;
  // The finding points at the map's key (`cause:`), at its first key (a list item's map) or,
  // for the document itself, at `kind`.
  const hit = hitAt(doc.root, offset);
  let map: TreeMap | undefined;
  let path: (string | number)[] = [];
  if (hit?.part === 'key' && hit.pair?.value?.type === 'map' && !hit.pair.value.flow && d.message.includes(` in ${hit.pair.key}`)) {
    map = hit.pair.value;
    path = hit.path;
  } else if (hit) {
    const parent = containerOf(doc.root, hit.path.slice(0, -1));
    if (parent?.type === 'map' && !parent.flow) {
      map = parent;
      path = hit.path.slice(0, -1);
    }
  }
  if (!map || map.pairs.length === 0) return undefined;
  const last = map.pairs[map.pairs.length - 1]!;
  const lastLine = model.positionAt(Math.max(last.end, last.keyEnd) - 1).line;
  const lineEnd = model.lineText(lastLine).length;
  const indent = ' '.repeat(model.positionAt(map.pairs[0]!.keyStart).character);
  let value = '';
  if (isKind(kind)) {
    const s = schemaAt(kind, [...path, field]);
    const root = schemaRoot(kind);
    const allowed = s ? enumAt(kind, s) : [];
    if (s && allowed.length === 1 && s.const !== undefined) value = ` ${allowed[0]!.value}`;
    else if (s && branch(root, s, 'array') && !branch(root, s, 'string')) value = ' []';
    else if (s && branch(root, s, 'object') && !deref(root, s).anyOf) value = ' {}';
  }
  const at = { line: lastLine, character: lineEnd };
  return { title: `Add required field "${field}"`, diagnostic: d, edits: [{ file: model.file, range: { start: at, end: at }, newText: `\n${indent}${field}:${value}` }], preferred: true };
}

function containerOf(root: TreeNode | null, path: (string | number)[]): TreeNode | null {
  let node = root;
  for (const seg of path) {
    if (node?.type === 'map' && typeof seg === 'string') node = findPair(node, seg)?.value ?? null;
    else if (node?.type === 'seq' && typeof seg === 'number') node = node.items[seg]?.node ?? null;
    else return null;
  }
  return node;
}
