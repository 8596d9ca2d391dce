// Hover: for a key, what the schema says it is (title and description, through `$ref`s); for
// a value with allowed values, what that value means; for an id or a reference, the entity
// itself — a department's name and lead, a task's status and forecast, an incident's clocks,
// a chain's forecast and critical path; for a date or a timestamp, its weekday and whether it
// is a working day in the calendar that applies there (date-hover.ts). The result is Markdown;
// what the file or the workspace says goes into it through markdownText or markdownCode
// (core/text/shown).

import type { Position, Range } from '../core/model';
import { isKind } from '../core/model';
import type { Workspace } from '../core/workspace/workspace';
import { dateHover } from './date-hover';
import { describeEntity, KIND_TITLES } from './describe';
import { enumAt, schemaAt } from './schema-at';
import { targetAt } from './target';
import type { TextModel } from './text-model';
import { docOfLine, hitAt, rootScalar } from './yaml-tree';
import { markdownCode } from '../core/text/shown';
import { suggestedId } from '../core/rules/unknown-reference';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export function hover(model: TextModel, position: Position, ws: Workspace | undefined, now: number): HoverResult | undefined {
  const offset = model.offsetAt(position);
  const doc = docOfLine(model.tree, model.positionAt(offset).line);
  const hit = hitAt(doc.root, offset);
  if (!hit || (hit.part === 'value' && hit.node?.type !== 'scalar')) return undefined;
  const kind = rootScalar(doc, 'kind')?.value;
  const range = model.range(hit.start, hit.end);

  if (hit.part === 'value' && ws) {
    const target = targetAt(model, position);
    if (target) {
      const entity = ws.get(target.kind, target.id);
      const contents = entity
        ? describeEntity(ws, entity, now)
        : unknown(ws, target.kind, target.id);
      return { contents, range: model.range(target.start, target.end) };
    }
    // The kind of an incident or a chain stands for the whole entity: show its clocks or forecast.
    if (hit.path.length === 1 && hit.path[0] === 'kind' && (kind === 'incident' || kind === 'chain')) {
      const id = rootScalar(doc, 'id')?.value;
      const entity = id ? ws.get(kind, id) : undefined;
      if (entity) return { contents: describeEntity(ws, entity, now), range };
    }
  }

  if (!isKind(kind)) return undefined;
  // A date or a timestamp: its weekday, and whether it is a working day where it is written.
  const lines: string[] = hit.part === 'value' ? (dateHover(hit.text, kind, hit.path, doc, model.file, ws, now) ?? []) : [];
  const s = schemaAt(kind, hit.path);
  if (!s) return lines.length ? { contents: lines.join('\n\n'), range } : undefined;
  if (s.title) lines.push(`**${s.title}**`);
  if (s.description) lines.push(s.description);
  if (hit.part === 'value') {
    const meaning = enumAt(kind, s).find((v) => v.value === hit.text)?.description;
    if (meaning) lines.push(`${markdownCode(hit.text)}: ${meaning}`);
  }
  if (!lines.length) return undefined;
  return { contents: lines.join('\n\n'), range };
}

function unknown(ws: Workspace, kind: keyof typeof KIND_TITLES, id: string): string {
  const guess = suggestedId(ws, kind, id);
  return `**${KIND_TITLES[kind]}** ${markdownCode(id)} is not defined in the workspace${guess ? `; did you mean ${markdownCode(guess)}?` : ''}`;
}
