// Ajv, for what compiles schemas: `npm run generate` (the route validators, as code), the tests (the
// contract's response schemas and the meta-schema check), the bench's Map reference, and a simulator
// whose contracts changed since the last `npm run generate`. A normal start never loads it
// (docs/decisions/0058).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, ANNOTATION_KEYWORDS, type RouteSchema } from './validators.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const standaloneCode = standaloneModule as unknown as (ajv: Ajv2020, refs: Record<string, string>) => string;

/**
 * The gateway's Ajv (validators.ts says what each option is for). `checkSchemas: false` skips checking
 * each schema against the JSON Schema 2020-12 meta-schema: the app's schemas are the contracts', linted in
 * CI and checked against the meta-schema by test/contract, which uses the default.
 */
export function createAjv(coerce: boolean, checkSchemas = true, source = false): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, coerceTypes: coerce, validateSchema: checkSchemas, code: { source, lines: source } });
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: keyword === 'x-hint' ? 'string' : undefined });
  return ajv;
}

/**
 * The route validators as one CommonJS module: `exports.validators[key]` is Ajv's own standalone code for
 * that schema, so it validates and reports errors exactly as Ajv compiling it at run time would. Body
 * schemas and parameter schemas (coerced from strings) come from two Ajv instances, each in its own scope.
 */
export function standaloneValidators(schemas: RouteSchema[], digest: string, header: string): string {
  const parts: string[] = [];
  for (const coerce of [false, true]) {
    const ajv = createAjv(coerce, true, true);
    const refs: Record<string, string> = {};
    for (const [i, s] of schemas.entries()) {
      if (s.coerce !== coerce) continue;
      const id = `route${i}`;
      ajv.addSchema(s.schema, id);
      refs[s.key] = id;
    }
    if (Object.keys(refs).length) parts.push(`(function (exports) {\n${standaloneCode(ajv, refs)}\n})(exports.validators);`);
  }
  return `${header}"use strict";\nexports.digest = ${JSON.stringify(digest)};\nexports.validators = {};\n${parts.join('\n')}\n`;
}
