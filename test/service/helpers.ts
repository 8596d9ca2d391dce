// Helpers for the language-service tests: the fixture workspace in memory, and documents
// written with a `|` where the cursor is.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';
import type { ModelOf } from '../../server/src/service/navigation';
import { TextModel } from '../../server/src/service/text-model';

export const FIXTURE = path.join(__dirname, '..', 'fixtures', 'lsp-workspace');
export const NOW = Date.parse('2026-11-25T12:00:00+03:00');

export function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else out[r] = fs.readFileSync(path.join(dir, e.name), 'utf8');
    }
  };
  walk(FIXTURE, '');
  return out;
}

/** The fixture workspace, with some files replaced or added. */
export function fixture(overrides: Record<string, string> = {}): Workspace {
  const ws = new Workspace(new MemoryHost({ ...fixtureFiles(), ...overrides }));
  ws.loadAll();
  return ws;
}

/** A document with the cursor where `|` is: the model and the cursor's position. */
export function cursor(file: string, src: string): { model: TextModel; position: { line: number; character: number } } {
  const i = src.indexOf('|');
  if (i === -1) throw new Error('no | in the source');
  const model = new TextModel(file, src.slice(0, i) + src.slice(i + 1));
  return { model, position: model.positionAt(i) };
}

/** Files of the index as models (what the server gives the features). */
export function modelsOf(ws: Workspace, open: TextModel[] = []): ModelOf {
  const cache = new Map<string, TextModel>(open.map((m) => [m.file, m]));
  return (file) => {
    let m = cache.get(file);
    if (!m) {
      const text = ws.file(file) ? ws.textOf(file) : undefined;
      if (text === undefined) return undefined;
      m = new TextModel(file, text);
      cache.set(file, m);
    }
    return m;
  };
}

/** The text a range covers. */
export function textAt(model: TextModel, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return model.text.slice(model.offsetAt(range.start), model.offsetAt(range.end));
}
