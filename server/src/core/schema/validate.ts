// Checks a document against the JSON Schema of its kind (chosen by `kind`, never by file name)
// and turns ajv's errors into findings a person understands, each at the node in question:
// the key for a missing or unknown field, the value for a wrong value.

import type { ErrorObject } from 'ajv/dist/2020';
import type { Kind, Path } from '../model';
import { yearOutOfRange } from '../time/dates';
import { impossibleOffset, isTimestampWithoutOffset } from '../time/timestamp';
import { isValidZone } from '../time/zone';
import { closest } from '../text/suggest';
import { validatorOf } from './validators';

export interface SchemaFinding {
  path: Path;
  part: 'key' | 'value';
  message: string;
  /** The property names the schema allows at this place, for did-you-mean fixes. */
  suggestion?: string;
  /** Machine-readable detail for code actions. */
  data?: { missing?: string; unknown?: string; format?: string };
}

export function validateDocument(kind: Kind, value: unknown): SchemaFinding[] {
  const validate = validatorOf(kind);
  const findings: SchemaFinding[] = [];
  if (!validate(value)) findings.push(...explain(validate.errors ?? [], value));
  findings.push(...semanticChecks(kind, value));
  return findings;
}

/** What JSON Schema cannot say: real time zones, slots that end after they start. */
function semanticChecks(kind: Kind, value: any): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  if ((kind === 'calendar' || kind === 'workspace') && typeof value?.timezone === 'string' && !isValidZone(value.timezone)) {
    out.push({ path: ['timezone'], part: 'value', message: `timezone "${value.timezone}" is not an IANA time zone (like Europe/Moscow or UTC)` });
  }
  if (kind === 'calendar' && Array.isArray(value?.working_hours)) {
    value.working_hours.forEach((slot: any, i: number) => {
      if (typeof slot?.from === 'string' && typeof slot?.to === 'string' && /^\d\d:\d\d$/.test(slot.from) && /^\d\d:\d\d$/.test(slot.to) && slot.from >= slot.to) {
        out.push({ path: ['working_hours', i, 'to'], part: 'value', message: `working hours end (${slot.to}) must be after they start (${slot.from})` });
      }
    });
  }
  return out;
}

function explain(errors: ErrorObject[], root: unknown): SchemaFinding[] {
  // anyOf/oneOf report every branch; keep one plain sentence for the place instead.
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (alternatives.has(error.instancePath) && error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    if (error.keyword === 'if' || error.keyword === 'then' || error.keyword === 'else') continue;
    const finding = explainOne(error, root);
    if (!finding) continue;
    const id = `${finding.path.join('/')}|${finding.part}|${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return out;
}

function explainOne(error: ErrorObject, root: unknown): SchemaFinding | undefined {
  const path = pointerToPath(error.instancePath, root);
  const field = fieldName(path);
  const value = valueAt(root, path);
  const schema = error.parentSchema as Record<string, any> | undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const where = path.length === 0 ? '' : ` in ${field}`;
      return { path, part: 'key', message: `missing required field "${missing}"${where}`, data: { missing } };
    }
    case 'additionalProperties': {
      const unknown = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(schema?.properties ?? {});
      const suggestion = closest(unknown, allowed);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : allowed.length ? `; allowed fields: ${allowed.join(', ')}` : '';
      return { path: [...path, unknown], part: 'key', message: `unknown field "${unknown}"${hint} (use an "x-" prefix for your own data)`, suggestion, data: { unknown } };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return { path, part: 'value', message: `${field} must be one of ${allowed.join(', ')}, not ${show(value)}`, suggestion: typeof value === 'string' ? closest(value, allowed.map(String)) : undefined };
    }
    case 'const':
      return { path, part: 'value', message: `${field} must be ${show((error.params as { allowedValue: unknown }).allowedValue)}, not ${show(value)}` };
    case 'type': {
      const expected = (error.params as { type: string | string[] }).type;
      return { path, part: 'value', message: `${field} must be ${article(expected)}, not ${typeName(value)}` };
    }
    case 'pattern':
    case 'x-tam-format':
      return { path, part: 'value', message: formatMessage(field, value, schema), data: { format: schema?.['x-tam-format'] } };
    case 'minItems':
      return { path, part: 'value', message: `${field} must have at least ${(error.params as { limit: number }).limit} item(s)` };
    case 'maxItems':
      return { path, part: 'value', message: `${field} must have at most ${(error.params as { limit: number }).limit} item(s)` };
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return { path: [...path, i], part: 'value', message: `${field} lists ${show((value as unknown[])[i])} twice (items ${j + 1} and ${i + 1})` };
    }
    case 'minLength':
      return { path, part: 'value', message: `${field} must not be empty` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, part: 'value', message: `${field} ${error.message ?? 'is out of range'}, not ${show(value)}` };
    case 'anyOf':
    case 'oneOf':
      return { path, part: 'value', message: `${field} must be ${describeAlternatives(schema)}, not ${typeName(value)}` };
    case 'propertyNames':
      return undefined; // reported again, more precisely, as the property's own error
    default:
      return { path, part: 'value', message: `${field} ${error.message ?? 'is not valid'}` };
  }
}

function formatMessage(field: string, value: unknown, schema: Record<string, any> | undefined): string {
  const v = show(value);
  switch (schema?.['x-tam-format']) {
    case 'id':
      return `${v} is not a valid id for ${field}: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`;
    case 'incident-id':
      return `${v} is not a valid incident id: use letters, digits, ".", "_" and "-", like INC-2026-0042`;
    case 'timestamp':
      if (isTimestampWithoutOffset(value)) return `${field} must be a timestamp with an offset, like 2026-11-03T09:12:00+03:00; ${v} has no offset`;
      if (impossibleOffset(value)) return `${field} has the offset ${impossibleOffset(value)}, which no time zone has: offsets run from -14:00 to +14:00 with minutes 00–59 (${v})`;
      if (yearOutOfRange(value) !== undefined) return yearMessage(field, value as string);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return `${field} is not a real moment in time: ${v}`;
      return `${field} must be a timestamp with an offset, like 2026-11-03T09:12:00+03:00, not ${v}`;
    case 'date':
      if (yearOutOfRange(value) !== undefined) return yearMessage(field, value as string);
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${field} is not a real date: ${v}`;
      return `${field} must be a date like 2026-11-20, not ${v}`;
    case 'time':
      return `${field} must be a time of day like 09:00 or 18:30, not ${v}`;
    case 'sla-duration':
      return `${field} must be working hours and minutes like 4h, 30m or 1h30m, not ${v} (days and weeks are ambiguous for SLA targets)`;
    case 'estimate-duration':
      return `${field} must be working days and hours like 2d, 4h or 1d4h, not ${v}`;
    case 'elapsed-duration':
      return `${field} must be a duration like 180d, 2w, 48h or 30m, not ${v}`;
    case 'email':
      return `${field} must be an e-mail address, not ${v}`;
    default:
      return `${field} does not have the expected form: ${v}${schema?.pattern ? ` (expected ${schema.pattern})` : ''}`;
  }
}

/** A year typed wrong ("0206") would make schedules span centuries: refused, and said why. */
function yearMessage(field: string, value: string): string {
  return `${field} ${show(value)} is in the year ${value.slice(0, 4)}: dates must lie between 1900 and 2199 (a typo?)`;
}

function describeAlternatives(schema: Record<string, any> | undefined): string {
  const branches: any[] = schema?.anyOf ?? schema?.oneOf ?? [];
  const kinds = branches.map((b) => (b.type === 'array' ? `a list of ${b.items?.type ?? 'item'}s` : article(b.type ?? 'value')));
  return kinds.length ? kinds.join(' or ') : 'one of the allowed forms';
}

function article(type: string | string[]): string {
  const list = Array.isArray(type) ? type : [type];
  const names = list.map((t) => ({ string: 'a text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a map of fields', null: 'empty' })[t] ?? t);
  return names.join(' or ');
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') return `the text ${show(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return String(value);
}

function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return i === path.length - 1 ? seg : `${seg} item`;
  }
  return 'document';
}

/** A JSON pointer as a path; a segment is an index only where the value there is a list. */
function pointerToPath(pointer: string, root: unknown): Path {
  if (!pointer) return [];
  const path: (string | number)[] = [];
  let v: any = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(v) ? Number(seg) : seg;
    path.push(step);
    v = v?.[step];
  }
  return path;
}

function valueAt(root: unknown, path: Path): unknown {
  let v: any = root;
  for (const seg of path) v = v?.[seg];
  return v;
}
