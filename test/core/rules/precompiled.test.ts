// The validators generated at build time (esbuild.mjs → dist/.gen/validators.cjs, used by the
// bundles) against the ones compiled at run time (used when running from source): the same
// errors, in the same order, for every document of the sample workspace and for thousands of
// mutations of them (wrong types, missing and unknown fields, impossible dates).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import yaml from 'js-yaml';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { createAjv } from '../../../server/src/core/schema/ajv';
import { SCHEMAS } from '../../../server/src/core/schema/schemas';

const ROOT = path.join(__dirname, '../../..');
const GENERATED = path.join(ROOT, 'dist/.gen/validators.cjs');

function sampleDocs(): { kind: string; value: any }[] {
  const dir = path.join(ROOT, 'sample-workspace');
  const docs: { kind: string; value: any }[] = [];
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.ya?ml$/.test(rel)) continue;
    for (const value of yaml.loadAll(fs.readFileSync(path.join(dir, rel), 'utf8'), null, { schema: yaml.CORE_SCHEMA }) as any[]) {
      if (value && typeof value === 'object' && typeof value.kind === 'string' && value.kind in SCHEMAS) docs.push({ kind: value.kind, value });
    }
  }
  return docs;
}

/** What matters of an error to the messages built from it. */
function shape(errors: ErrorObject[] | null | undefined) {
  return (errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, schemaPath: e.schemaPath, params: e.params, parentSchema: e.parentSchema }));
}

test('the generated validators give the errors the compiled ones give', { skip: !fs.existsSync(GENERATED) && 'not built' }, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated: Record<string, ValidateFunction> = require(GENERATED);
  const ajv = createAjv({ validateSchema: false });
  const compiled = new Map(Object.entries(SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(schema)]));
  assert.deepEqual(Object.keys(generated).sort(), [...compiled.keys()].sort());

  let withErrors = 0;
  const same = (kind: string, value: unknown): void => {
    const a = generated[kind]!;
    const b = compiled.get(kind)!;
    assert.equal(a(value), b(value), `${kind}: ${JSON.stringify(value).slice(0, 200)}`);
    assert.deepEqual(shape(a.errors), shape(b.errors));
    if (a.errors?.length) withErrors++;
  };
  const docs = sampleDocs();
  assert.ok(docs.length > 80);
  for (const { kind, value } of docs) same(kind, value);

  const odd = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string(), fc.constant('2026-02-30'), fc.constant('2026-13-01T00:00:00Z'), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
  fc.assert(
    fc.property(fc.nat(docs.length - 1), fc.array(fc.tuple(fc.nat(), odd, fc.boolean()), { minLength: 1, maxLength: 4 }), (i, edits) => {
      const { kind, value } = docs[i]!;
      const doc = structuredClone(value);
      for (const [pick, replacement, remove] of edits) {
        // Walk down to some map in the document and change one of its fields.
        let node: any = doc;
        for (let depth = 0; depth < 3; depth++) {
          const children = Object.values(node).filter((v) => v && typeof v === 'object');
          if (!children.length || (pick >> depth) % 2 === 0) break;
          node = children[(pick >> (depth + 2)) % children.length];
        }
        const keys = Object.keys(node);
        const key = keys.length && !remove ? keys[pick % keys.length]! : `x${pick % 7 === 0 ? '-own' : 'tra'}`;
        if (remove && keys.length) delete node[keys[pick % keys.length]!];
        else node[key] = replacement;
      }
      same(kind, doc);
    }),
    { numRuns: 3000, seed: 20261125 },
  );
  // The mutations do reach the error paths (most mutated documents are invalid).
  assert.ok(withErrors > 1000, `only ${withErrors} documents had errors`);
});
