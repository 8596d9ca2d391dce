// What an LSP feature handler may ask for: the document a request is about (its current
// text, and the workspace root it belongs to, if any), the time, and what the client can do.
// The analysis thread provides it with the index; the main thread provides a text-only one
// for its fallback answers.

import type { Position } from 'vscode-languageserver-types';
import type { ModelOf } from '../service/navigation';
import type { TextModel } from '../service/text-model';
import type { Project } from './project';
import type { ClientFeatures } from './protocol';
import type { Settings } from './settings';

export interface DocumentContext {
  model: TextModel;
  project?: Project;
  /** Workspace-relative path, when the document belongs to a root. */
  file?: string;
}

export interface FeatureContext {
  document(uri: string): DocumentContext | undefined;
  projects(): Iterable<Project>;
  now(): number;
  /** The `tam` settings the editor gave. */
  settings(): Settings;
  client: ClientFeatures;
}

/** A request failed in a way the user should read ("Only ids can be renamed"). */
export class RequestFailure extends Error {}

/** File models for one request: open documents first, each file read once. */
export function modelsFor(project: Project): ModelOf {
  const cache = new Map<string, TextModel | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, project.modelOf(file));
    return cache.get(file);
  };
}

/** Positions from the client may be anything: keep them non-negative integers. */
export function safePosition(p: Position | undefined): Position {
  const line = Number.isFinite(p?.line) ? Math.max(0, Math.floor(p!.line)) : 0;
  const character = Number.isFinite(p?.character) ? Math.max(0, Math.floor(p!.character)) : 0;
  return { line, character };
}
