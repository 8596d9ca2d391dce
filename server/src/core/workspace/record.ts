// One file of the workspace as the index keeps it: the entities it defines (with their parsed
// values, which the rules read), the findings that depend on it alone (syntax, schema, document
// shape) and its suppression comments. Not its text, its line table or its syntax tree, unless
// it has syntax problems: a workspace of 100 000 files cannot hold them (they were two thirds of
// the index), and most files never need a position. The text is read again from the host when
// a diagnostic is placed or a feature asks (Workspace.textOf); the references are derived from
// the values when asked (`refs`), so the index stores only which files refer to which key.

import { isKind, KINDS, type Kind } from '../model';
import type { DraftDiagnostic } from '../diagnostic';
import { validateDocument } from '../schema/validate';
import { closest } from '../text/suggest';
import { entitiesOf, isObject, referencesOf, type Entity, type Reference } from './entities';
import { parseYaml, type ParsedFile } from './parse';
import { findSuppressions, type Suppression } from './suppressions';

export const ROOT_FILE = 'tam.yaml';

/** Folders of the conventional layout: every YAML file in them is meant to be an entity. */
const ENTITY_FOLDERS = ['org/', 'projects/'];

export interface FileRecord {
  readonly file: string;
  /**
   * The text, only where a record keeps it: a stand-in from a cache reads it when asked. Others
   * do not; ask Workspace.textOf.
   */
  readonly text?: string;
  /** Why the file could not be read, if it could not. */
  readonly readProblem?: string;
  /** The parse, kept only for a file with syntax problems (their documents and precise tree). */
  readonly parsed?: ParsedFile;
  readonly entities: Entity[];
  /** The references the file makes, derived from its documents' values each time. */
  readonly refs: Reference[];
  /** Findings that depend on this file alone: syntax, schema, document shape. */
  readonly local: DraftDiagnostic[];
  readonly suppressions: Suppression[];
  /**
   * A record that holds neither its findings nor its values (lazy-record.ts: a stand-in from a
   * cache, or a file already checked and let go of). `check` reads such a file in full first.
   */
  readonly stub?: boolean;
}

const NO_DRAFTS: DraftDiagnostic[] = [];
const NO_SUPPRESSIONS: Suppression[] = [];

/** A file as buildRecord made it. */
class BuiltRecord implements FileRecord {
  parsed?: ParsedFile;
  readonly entities: Entity[] = [];
  local: DraftDiagnostic[] = NO_DRAFTS;
  suppressions: Suppression[] = NO_SUPPRESSIONS;

  constructor(readonly file: string) {}

  get refs(): Reference[] {
    const out: Reference[] = [];
    for (const e of this.entities) if (e.path.length === 0) out.push(...referencesOf(this.file, e.doc, e.value));
    return out;
  }
}

/** The record of a file that could not be read. */
export function problemRecord(file: string, problem: string): FileRecord {
  return { file, readProblem: problem, entities: [], refs: [], local: NO_DRAFTS, suppressions: NO_SUPPRESSIONS };
}

const KIND_LINE = new RegExp(`^kind:\\s*["']?(${KINDS.join('|')})["']?\\s*(#.*)?$`, 'm');

/**
 * Parses and schema-checks one file. Returns undefined for a YAML file that is not part of
 * the workspace: no document with a known kind, outside the entity folders (a CI workflow,
 * a docker-compose file). `transient`: its values will be let go of soon (parseYaml).
 */
export function buildRecord(file: string, text: string, transient = false): FileRecord | undefined {
  const parsed = parseYaml(text, transient);
  const hasKnownKind = parsed.docs.some((d) => isObject(d.value) && isKind(d.value.kind));
  const looksOurs = hasKnownKind || file === ROOT_FILE || ENTITY_FOLDERS.some((f) => file.startsWith(f)) || KIND_LINE.test(text);
  if (!looksOurs) return undefined;

  const record = new BuiltRecord(file);
  if (parsed.problems.length) {
    record.parsed = parsed;
    record.local = [];
  }
  const local = (draft: DraftDiagnostic): void => {
    if (record.local === NO_DRAFTS) record.local = [];
    record.local.push(draft);
  };
  for (const p of parsed.problems) {
    local({ code: 'yaml-syntax', at: { file, range: p.range }, message: p.message });
  }
  if (parsed.docs.length === 0 && parsed.problems.length === 0) {
    local({
      code: 'schema',
      at: { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      message: 'file is empty: expected a document with a kind (workspace, department, person, calendar, sla-policy, project, chain, incident, postmortem or proposal)',
    });
  }
  for (const doc of parsed.docs) {
    const at = { file, doc: doc.index, path: [] as string[] };
    const value = doc.value;
    if (doc.broken && !isObject(value)) continue; // the syntax problem says it all
    if (value === null || value === undefined) {
      if (parsed.docs.length > 1) continue; // an empty document between `---` markers is harmless
      local({ code: 'schema', at, message: 'document is empty: expected fields starting with kind' });
      continue;
    }
    if (!isObject(value)) {
      local({ code: 'schema', at, message: `a document must be a map of fields with a kind, not ${Array.isArray(value) ? 'a list' : 'a single value'}` });
      continue;
    }
    if (value.kind === undefined) {
      local({ code: 'schema', at: { ...at, part: 'key' }, message: `document has no kind: add "kind:" with one of ${KINDS.join(', ')}` });
      continue;
    }
    if (!isKind(value.kind)) {
      const guess = typeof value.kind === 'string' ? closest(value.kind, KINDS) : undefined;
      local({
        code: 'schema',
        at: { file, doc: doc.index, path: ['kind'] },
        message: `unknown kind ${JSON.stringify(value.kind)}${guess ? `; did you mean "${guess}"?` : `: expected one of ${KINDS.join(', ')}`}`,
        fixes: guess ? [{ title: `Change kind to "${guess}"`, edits: [{ at: { file, doc: doc.index, path: ['kind'] }, newText: guess }], preferred: true }] : undefined,
      });
      continue;
    }
    const kind: Kind = value.kind;
    let valid = !doc.broken;
    if (!doc.broken) {
      const findings = validateDocument(kind, value);
      valid = findings.length === 0;
      for (const f of findings) {
        const draft: DraftDiagnostic = { code: 'schema', at: { file, doc: doc.index, path: f.path, part: f.part }, message: f.message };
        if (f.data && Object.values(f.data).some((v) => v !== undefined)) draft.data = f.data;
        if (f.suggestion && f.data?.unknown) {
          draft.fixes = [{ title: `Rename to "${f.suggestion}"`, edits: [{ at: { file, doc: doc.index, path: f.path, part: 'key' }, newText: f.suggestion }], preferred: true }];
        } else if (f.suggestion && typeof f.path[f.path.length - 1] !== 'undefined') {
          draft.fixes = [{ title: `Change to "${f.suggestion}"`, edits: [{ at: { file, doc: doc.index, path: f.path }, newText: f.suggestion }], preferred: true }];
        }
        local(draft);
      }
    }
    record.entities.push(...entitiesOf(file, doc.index, value, valid));
  }
  const suppressions = findSuppressions(text, parsed);
  if (suppressions.length) record.suppressions = suppressions;
  return record;
}
