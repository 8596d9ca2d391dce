// Documents → entities and the references between them. One table says which field of which
// kind points at which kind of entity; everything that follows references (unknown-reference,
// definition, references, rename, what an edit affects) reads it from here.

import { isKind, type Kind, type Path, type TargetKind } from '../model';

export interface Entity {
  kind: TargetKind;
  /** For a task: "chain-id/task-id". */
  id: string;
  /** `${kind}:${id}`: unique per definition site unless duplicated. */
  key: string;
  file: string;
  doc: number;
  /** Where the entity's map is inside its document: [] for a document, ['tasks', 3] for a task. */
  path: Path;
  value: any;
  /** True when the document passed its schema: engines only trust valid entities. */
  valid: boolean;
}

export interface Reference {
  /** Key of the entity the reference is written in. */
  from: string;
  kind: TargetKind;
  /** The target's id, normalised: a task reference always reads "chain-id/task-id". */
  id: string;
  /** The text as written, for messages and rename. */
  raw: string;
  file: string;
  doc: number;
  path: Path;
  /**
   * Whether the source's diagnostics depend on the target's content, not only on its existence
   * (an incident's clocks depend on its policy's targets). Edits follow these transitively.
   */
  content: boolean;
  /** Whether the target's diagnostics depend on the source's content (a postmortem published late). */
  reverse?: boolean;
}

interface RefField {
  path: readonly string[];
  kind: TargetKind;
  content?: boolean;
  reverse?: boolean;
}

/** Which fields hold references. `*` stands for every item of a sequence. */
export const REFERENCE_FIELDS: Readonly<Record<Kind, readonly RefField[]>> = {
  workspace: [{ path: ['default_sla_policy'], kind: 'sla-policy', content: true }],
  department: [
    { path: ['lead'], kind: 'person' },
    { path: ['calendar'], kind: 'calendar', content: true },
  ],
  person: [{ path: ['department'], kind: 'department' }],
  calendar: [],
  'sla-policy': [{ path: ['calendar'], kind: 'calendar', content: true }],
  project: [
    { path: ['tam'], kind: 'person' },
    { path: ['service_manager'], kind: 'person' },
    { path: ['sla_policy'], kind: 'sla-policy', content: true },
    { path: ['departments', '*'], kind: 'department' },
    { path: ['docs', '*', 'owner'], kind: 'person' },
  ],
  chain: [
    { path: ['project'], kind: 'project' },
    { path: ['tasks', '*', 'department'], kind: 'department', content: true },
    { path: ['tasks', '*', 'assignee'], kind: 'person' },
    { path: ['tasks', '*', 'depends_on', '*'], kind: 'task', content: true },
  ],
  incident: [
    { path: ['project'], kind: 'project', content: true },
    { path: ['department'], kind: 'department' },
    { path: ['sla_policy'], kind: 'sla-policy', content: true },
    { path: ['postmortem'], kind: 'postmortem', content: true },
    { path: ['timeline', '*', 'by'], kind: 'person' },
  ],
  postmortem: [
    { path: ['incident'], kind: 'incident', reverse: true },
    { path: ['action_items', '*', 'owner'], kind: 'person' },
  ],
  proposal: [
    { path: ['project'], kind: 'project' },
    { path: ['proposed_by'], kind: 'person' },
    { path: ['co_authors', '*'], kind: 'person' },
  ],
};

/** Where a document's own entity is inside it: shared, since every document has one. */
export const DOCUMENT_PATH: Path = Object.freeze([]) as Path;

/**
 * An entity as the index keeps it: the key a string of its own (join copies; a template would
 * keep the id, a view into the file's values, and with it their characters), the id a view
 * into the key.
 */
export function entityOf(kind: TargetKind, id: string, file: string, doc: number, path: Path, value: unknown, valid: boolean): Entity {
  const key = [kind, id].join(':');
  return { kind, id: key.slice(kind.length + 1), key, file, doc, path, value, valid };
}

export function entityKey(kind: TargetKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and id of an entity key (entityKey's inverse). */
export function splitEntityKey(key: string): [TargetKind, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as TargetKind, key.slice(colon + 1)];
}

/** The entities a document defines: itself, and for a chain each of its tasks. */
export function entitiesOf(file: string, doc: number, value: unknown, valid: boolean): Entity[] {
  if (!isObject(value) || !isKind(value.kind)) return [];
  const kind = value.kind;
  if (kind === 'workspace') {
    return [entityOf(kind, '', file, doc, DOCUMENT_PATH, value, valid)];
  }
  if (!isIdText(value.id)) return [];
  const id = value.id;
  const out: Entity[] = [entityOf(kind, id, file, doc, DOCUMENT_PATH, value, valid)];
  if (kind === 'chain' && Array.isArray(value.tasks)) {
    value.tasks.forEach((task: unknown, i: number) => {
      if (isObject(task) && isIdText(task.id)) {
        const taskId = `${id}/${task.id}`;
        out.push(entityOf('task', taskId, file, doc, ['tasks', i], task, valid));
      }
    });
  }
  return out;
}

/** The references written in a document, following REFERENCE_FIELDS. */
export function referencesOf(file: string, doc: number, value: unknown): Reference[] {
  if (!isObject(value) || !isKind(value.kind)) return [];
  const kind = value.kind;
  const fromId = kind === 'workspace' ? '' : isIdText(value.id) ? value.id : undefined;
  if (fromId === undefined) return [];
  const from = entityKey(kind, fromId);
  const out: Reference[] = [];
  for (const field of REFERENCE_FIELDS[kind]) {
    visit(value, field.path, 0, [], (raw, path) => {
      const id = field.kind === 'task' ? taskRefId(fromId, raw) : raw;
      const ref: Reference = { from, kind: field.kind, id, raw, file, doc, path, content: !!field.content };
      if (field.reverse) ref.reverse = true;
      // A task's own dependency belongs to the task, so that "what depends on this task" is exact.
      if (kind === 'chain' && path[0] === 'tasks' && typeof path[1] === 'number') {
        const task = (value.tasks as unknown[])[path[1]];
        if (isObject(task) && isIdText(task.id)) ref.from = entityKey('task', `${fromId}/${task.id}`);
      }
      out.push(ref);
    });
  }
  return out;
}

/**
 * The kind and id of each reference of a document, and for a `reverse` field the key of the
 * document it is written in: the same fields as referencesOf, without building references
 * (paths, raw texts). The index asks this of every one of 100 000 files.
 */
export function referenceTargetsOf(value: unknown, found: (kind: TargetKind, id: string, reverseFrom: string | undefined) => void): void {
  if (!isObject(value) || !isKind(value.kind)) return;
  const kind = value.kind;
  const fromId = kind === 'workspace' ? '' : isIdText(value.id) ? value.id : undefined;
  if (fromId === undefined) return;
  // No closure per field: this runs for every file, twice for an incident (index, unknown-reference).
  for (const field of REFERENCE_FIELDS[kind]) visitTargets(value, field, 0, kind, fromId, found);
}

function visitTargets(
  value: unknown,
  field: RefField,
  depth: number,
  kind: Kind,
  fromId: string,
  found: (kind: TargetKind, id: string, reverseFrom: string | undefined) => void,
): void {
  if (depth === field.path.length) {
    if (typeof value === 'string' && value !== '') found(field.kind, field.kind === 'task' ? taskRefId(fromId, value) : value, field.reverse ? entityKey(kind, fromId) : undefined);
    return;
  }
  const step = field.path[depth]!;
  if (step === '*') {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) visitTargets(value[i], field, depth + 1, kind, fromId, found);
  } else if (isObject(value) && step in value) {
    visitTargets(value[step], field, depth + 1, kind, fromId, found);
  }
}

/** "vlan" in chain "landscape" → "landscape/vlan"; "other/vlan" stays as written. */
export function taskRefId(chainId: string, raw: string): string {
  return raw.includes('/') ? raw : `${chainId}/${raw}`;
}

/** `path` is the walk's own stack (one array per walk); `found` gets a copy. */
function visit(value: unknown, fieldPath: readonly string[], depth: number, path: (string | number)[], found: (raw: string, path: Path) => void): void {
  if (depth === fieldPath.length) {
    if (typeof value === 'string' && value !== '') found(value, path.slice(0, depth));
    return;
  }
  const step = fieldPath[depth]!;
  if (step === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      path[depth] = i;
      visit(value[i], fieldPath, depth + 1, path, found);
    }
  } else if (isObject(value) && step in value) {
    path[depth] = step;
    visit(value[step], fieldPath, depth + 1, path, found);
  }
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
