// The manifest line schema (schemas/manifest-line.schema.json) applied with ajv. Compiled lazily on first use so
// activating the extension does not pay for it; the compiled function is reused for every line after that.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../schemas/manifest-line.schema.json';

let compiled: ValidateFunction | undefined;

export function lineSchema(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictSchema: false });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export type SchemaErrors = readonly ErrorObject[];

export const SCHEMA_CAPTION_MAX: number = schema.properties.caption.maxLength;
