// The validators compiled at build time: esbuild.mjs puts the generated module in place of
// this one in the bundles, which then start without compiling any schema. Run from source
// (the tests), there are none and validate.ts compiles the schemas when first needed.

import type { ValidateFunction } from 'ajv/dist/2020';
import type { Kind } from '../model';

export const PRECOMPILED: Partial<Record<Kind, ValidateFunction>> | undefined = undefined;
