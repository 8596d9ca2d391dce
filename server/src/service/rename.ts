// Rename an id everywhere: its definitions and every reference, in every file. A task's
// references inside its chain are plain ids and elsewhere "chain/task"; renaming a chain
// rewrites the chain part of the latter. Only ids can be renamed, and only to a valid id
// that is not taken.

import type { Position, Range, TargetKind } from '../core/model';
import type { TextEdit } from '../core/diagnostic';
import type { Workspace } from '../core/workspace/workspace';
import { KIND_TITLES } from './describe';
import { definitionsOf, referencesOf, type ModelOf } from './navigation';
import { schemaAt } from './schema-at';
import { targetAt } from './target';
import type { TextModel } from './text-model';

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };

export function prepareRename(model: TextModel, position: Position): PrepareRenameResult {
  const target = targetAt(model, position);
  if (!target) return { error: 'Only ids can be renamed: put the cursor on an id or on a reference to one.' };
  return { range: model.range(target.start, target.end), placeholder: model.text.slice(target.start, target.end) };
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

export function rename(model: TextModel, position: Position, newName: string, ws: Workspace, modelOf: ModelOf): RenameResult {
  const target = targetAt(model, position);
  if (!target) return { error: 'Only ids can be renamed: put the cursor on an id or on a reference to one.' };
  const name = newName.trim();
  const pattern = idPattern(target.kind);
  if (pattern && !pattern.test(name)) {
    return { error: `"${name}" is not a valid ${KIND_TITLES[target.kind].toLowerCase()} id (${pattern.source})` };
  }
  const slash = target.id.indexOf('/');
  const chainOfTask = target.kind === 'task' ? target.id.slice(0, slash) : '';
  const oldName = target.kind === 'task' ? target.id.slice(slash + 1) : target.id;
  if (name === oldName) return { edits: [] };
  const newId = target.kind === 'task' ? `${chainOfTask}/${name}` : name;
  if (ws.all(target.kind, newId).length) return { error: `${KIND_TITLES[target.kind]} "${newId}" already exists` };
  if (!ws.all(target.kind, target.id).length && !ws.referencesTo(target.kind, target.id).length && target.kind !== 'chain') {
    return { error: `${KIND_TITLES[target.kind]} "${target.id}" is not in the workspace index yet` };
  }

  const edits: TextEdit[] = [];
  for (const p of definitionsOf(ws, target.kind, target.id, modelOf)) edits.push({ file: p.file, range: p.range, newText: name });
  for (const p of referencesOf(ws, target.kind, target.id, modelOf, 'exact')) edits.push({ file: p.file, range: p.range, newText: name });
  return { edits: dedupe(edits) };
}

/** The pattern an id of a kind must match, from its schema. */
function idPattern(kind: TargetKind): RegExp | undefined {
  const s = kind === 'task' ? schemaAt('chain', ['tasks', 0, 'id']) : kind === 'workspace' ? undefined : schemaAt(kind, ['id']);
  return typeof s?.pattern === 'string' ? new RegExp(s.pattern) : undefined;
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.file}:${e.range.start.line}:${e.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
