// The JSON Schema of a kind, walked by a document path: what a key or value at a place may
// be, with its title and description. Properties often `$ref` a `$defs` entry and carry their
// own title beside it; the property's own words win over the shared definition's.

import { REFERENCE_FIELDS } from '../core/workspace/entities';
import type { Kind, Path, TargetKind } from '../core/model';
import { SCHEMAS } from '../core/schema/schemas';

export type Schema = Record<string, any>;

const resolved = new WeakMap<Schema, Schema>();

/** A schema with its `$ref` followed, the referring schema's own keywords kept on top. */
export function deref(root: Schema, schema: Schema): Schema {
  const cached = resolved.get(schema);
  if (cached) return cached;
  let out = schema;
  for (let depth = 0; typeof out.$ref === 'string' && depth < 10; depth++) {
    const m = /^#\/\$defs\/(.+)$/.exec(out.$ref);
    const target = m ? root.$defs?.[m[1]!] : undefined;
    if (!target) break;
    const { $ref: _ignored, ...own } = out;
    out = { ...target, ...own };
  }
  resolved.set(schema, out);
  return out;
}

/** The schema of the node at `path` in a document of `kind`, or undefined when the schema has no such place. */
export function schemaAt(kind: Kind, path: Path): Schema | undefined {
  const root = SCHEMAS[kind];
  let s: Schema | undefined = deref(root, root);
  for (const seg of path) {
    if (!s) return undefined;
    s = step(root, s, seg);
  }
  return s;
}

function step(root: Schema, s: Schema, seg: string | number): Schema | undefined {
  if (typeof seg === 'number') {
    const arr = branch(root, s, 'array');
    return arr?.items ? deref(root, arr.items) : undefined;
  }
  const obj = branch(root, s, 'object');
  if (!obj) return undefined;
  if (obj.properties?.[seg]) return deref(root, obj.properties[seg]);
  for (const [pattern, sub] of Object.entries((obj.patternProperties ?? {}) as Record<string, Schema>)) {
    if (new RegExp(pattern).test(seg)) return deref(root, sub);
  }
  if (obj.additionalProperties && typeof obj.additionalProperties === 'object') return deref(root, obj.additionalProperties);
  return undefined;
}

/** The branch of a schema (itself, one of its anyOf/oneOf, or its then/else) that describes a given type. */
export function branch(root: Schema, s: Schema, type: 'object' | 'array' | 'string'): Schema | undefined {
  if (typeOf(s) === type) return s;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.then ? [s.then] : []), ...(s.else ? [s.else] : [])] as Schema[]) {
    const d = deref(root, alt);
    if (typeOf(d) === type) return d;
  }
  if (type === 'object' && s.properties && !s.type) return s;
  return undefined;
}

function typeOf(s: Schema): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** The schema's root, for deref and branch. */
export function schemaRoot(kind: Kind): Schema {
  return SCHEMAS[kind];
}

/** Properties a map at `path` may have, each with its (dereferenced) schema. */
export function propertiesAt(kind: Kind, path: Path): { name: string; schema: Schema; required: boolean }[] {
  const root = SCHEMAS[kind];
  const s = schemaAt(kind, path);
  const obj = s && branch(root, s, 'object');
  if (!obj?.properties) return [];
  const required = new Set<string>(obj.required ?? []);
  return Object.entries(obj.properties as Record<string, Schema>).map(([name, sub]) => ({ name, schema: deref(root, sub), required: required.has(name) }));
}

/** Allowed values at a place: enum members with their descriptions, or a const. */
export function enumAt(kind: Kind, s: Schema): { value: string; description?: string }[] {
  const root = SCHEMAS[kind];
  const str = branch(root, s, 'string') ?? s;
  if (Array.isArray(str.enum)) {
    return str.enum.map((v: unknown, i: number) => ({ value: String(v), description: str.enumDescriptions?.[i] }));
  }
  if (str.const !== undefined) return [{ value: String(str.const) }];
  return [];
}

/** Which kind of entity the value at `path` refers to (REFERENCE_FIELDS is the one table of references). */
export function referenceKindAt(kind: Kind, path: Path): TargetKind | undefined {
  for (const field of REFERENCE_FIELDS[kind]) {
    if (field.path.length !== path.length) continue;
    let ok = true;
    for (let i = 0; i < path.length && ok; i++) {
      const f = field.path[i];
      ok = f === '*' ? typeof path[i] === 'number' : f === path[i];
    }
    if (ok) return field.kind;
  }
  return undefined;
}

/** The format the schema gives a string (timestamp, date, timezone, …). */
export function formatOf(s: Schema | undefined): string | undefined {
  if (!s) return undefined;
  if (typeof s['x-tam-format'] === 'string') return s['x-tam-format'];
  if (typeof s.format === 'string') return s.format;
  return undefined;
}
