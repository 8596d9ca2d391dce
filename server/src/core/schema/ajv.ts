// ajv set up for the schemas: the keywords of our own (`x-tam-ref`, `enumDescriptions`,
// `x-tam-format`) and the options the messages rely on (all errors, verbose). Used to compile
// at run time when running from source, and at build time to generate the bundles' validators
// (scripts/precompile-validators.ts); the bundles do not contain it.

import Ajv2020, { _, type KeywordCxt } from 'ajv/dist/2020';
import { realValue } from './real-value';

export interface AjvOptions {
  validateSchema: boolean;
  /** For generating standalone code: how that code reaches `realValue` (a require path). */
  realValueModule?: string;
}

export function createAjv(options: AjvOptions): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    validateFormats: false,
    verbose: true,
    validateSchema: options.validateSchema,
    code: options.realValueModule ? { source: true } : undefined,
  });
  ajv.addKeyword({ keyword: 'x-tam-ref' });
  ajv.addKeyword({ keyword: 'enumDescriptions' });
  ajv.addKeyword({
    keyword: 'x-tam-format',
    type: 'string',
    schemaType: 'string',
    // The patterns check the shape; `realValue` checks what a pattern cannot: that a date exists.
    code(cxt: KeywordCxt) {
      const check = cxt.gen.scopeValue('func', {
        ref: realValue,
        code: options.realValueModule ? _`require(${options.realValueModule}).realValue` : undefined,
      });
      cxt.fail(_`!${check}(${cxt.schema}, ${cxt.data})`);
    },
  });
  return ajv;
}

