// The manifest line schema (schemas/manifest-line.schema.json) applied with ajv. Both loading ajv (~90 ms cold in
// Node) and compiling the schema happen on the first validation, not when the extension activates; the compiled
// function is reused for every line after that.
import type AjvClass from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/manifest-line.schema.json';

let compiled: ValidateFunction | undefined;

export function lineSchema(): ValidateFunction {
  if (!compiled) {
    // A call-time require keeps ajv out of the activation path (esbuild evaluates bundled modules on first require).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
    const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
    const ajv = new Ajv({ allErrors: true, strict: true, strictSchema: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export type SchemaErrors = readonly ErrorObject[];
