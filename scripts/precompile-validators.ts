// Generates the schema validators as code at build time (esbuild.mjs runs this), so that the
// CLI and the language server start without compiling a schema: ajv's compilation of every
// kind took longer than checking a thousand incidents.

import standaloneCode from 'ajv/dist/standalone';
import { SCHEMAS } from '../server/src/core/schema/schemas';
import { createAjv } from '../server/src/core/schema/ajv';

/** The module's source: one export per kind. `realValueModule` is how it requires real-value.ts. */
export function generateValidators(realValueModule: string): string {
  // Checked against the meta-schema here, once, instead of at every start.
  const ajv = createAjv({ validateSchema: true, realValueModule });
  const refs: Record<string, string> = {};
  for (const [kind, schema] of Object.entries(SCHEMAS)) {
    ajv.addSchema(schema, `tam:${kind}`);
    refs[kind] = typeof schema.$id === 'string' ? schema.$id : `tam:${kind}`;
  }
  return standaloneCode(ajv, refs);
}
