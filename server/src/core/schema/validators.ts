// The validator of each kind. Run from source (the tests), each schema is compiled the first
// time a document of its kind is checked. In the bundles, esbuild.mjs puts validators generated
// at build time in place of this module, so that neither ajv's compiler nor a compilation is
// part of a start. The schemas are checked against the meta-schema by the build and the tests.

import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import type { Kind } from '../model';
import { createAjv } from './ajv';
import { SCHEMAS } from './schemas';

let ajv: Ajv2020 | undefined;
const compiled = new Map<Kind, ValidateFunction>();

export function validatorOf(kind: Kind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    ajv ??= createAjv({ validateSchema: false });
    validate = ajv.compile(SCHEMAS[kind]);
    compiled.set(kind, validate);
  }
  return validate;
}
