// Request validation as Bedrock does it. Constraint violations use the wording of AWS's generated validators
// ("1 validation error detected: Value ... at '...' failed to satisfy constraint: ...") so messages look real.
import { validation } from './errors';
import type { Tag } from './types';

type Json = Record<string, unknown>;

function constraint(field: string, value: unknown, rule: string): never {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  throw validation(`1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`);
}

export function requireObject(body: unknown): Json {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw validation('The request body must be a JSON object.');
  return body as Json;
}

export function requiredString(body: Json, field: string): string {
  const v = body[field];
  if (v === undefined || v === null) constraint(field, null, 'Member must not be null');
  if (typeof v !== 'string') throw validation(`${field} must be a string.`);
  return v;
}

export function optionalString(body: Json, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw validation(`${field} must be a string.`);
  return v;
}

export function checkPattern(field: string, value: string, pattern: RegExp, min: number, max: number): string {
  if (value.length < min || value.length > max) {
    constraint(field, value, `Member must have length ${value.length < min ? 'greater than or equal to ' + min : 'less than or equal to ' + max}`);
  }
  if (!pattern.test(value)) constraint(field, value, `Member must satisfy regular expression pattern: ${pattern.source.replace(/^\^|\$$/g, '')}`);
  return value;
}

export const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;
export const MODEL_NAME = /^([0-9a-zA-Z][_-]?){1,63}$/;
export const PROVISIONED_NAME = /^([0-9a-zA-Z][_-]?)+$/;
export const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
export const S3_URI = /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](\/.*)?$/;
export const TOKEN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

export function s3Config(body: Json, field: string, required: boolean): { s3Uri: string } | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) constraint(field, null, 'Member must not be null');
    return undefined;
  }
  const cfg = requireObject(v);
  const uri = requiredString(cfg, 's3Uri');
  checkPattern(`${field}.s3Uri`, uri, S3_URI, 1, 1024);
  return { s3Uri: uri };
}

export function validatorsConfig(body: Json): { validators: { s3Uri: string }[] } | undefined {
  const v = body['validationDataConfig'];
  if (v === undefined || v === null) return undefined;
  const validators = requireObject(v)['validators'];
  if (!Array.isArray(validators) || validators.length < 1 || validators.length > 10) {
    constraint('validationDataConfig.validators', validators, 'Member must have length between 1 and 10');
  }
  return { validators: validators.map((x, i) => s3Config({ v: x }, 'v', true) ?? constraint(`validationDataConfig.validators.${i}`, x, 'Member must not be null')) };
}

/** TMME hyperparameters (docs/reference/bedrock-tmme.md section 2); values travel as strings. */
export function checkHyperParameters(value: unknown): Record<string, string> {
  if (value === undefined || value === null) constraint('hyperParameters', null, 'Member must not be null');
  const hp = requireObject(value);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(hp)) {
    if (typeof v !== 'string') throw validation(`Hyperparameter ${k} must be a string.`);
    out[k] = v;
  }
  for (const k of Object.keys(out)) {
    if (!['epochCount', 'batchSize', 'learningRate'].includes(k)) {
      throw validation(`The hyperparameter ${k} is not supported for amazon.titan-embed-image-v1:0. Supported: epochCount, batchSize, learningRate.`);
    }
  }
  const epoch = out['epochCount'];
  if (epoch === undefined) throw validation('The hyperparameter epochCount is required for amazon.titan-embed-image-v1:0.');
  if (!/^(auto|Auto)$/.test(epoch)) integerInRange('epochCount', epoch, 1, 100, ' or Auto');
  if (out['batchSize'] !== undefined) integerInRange('batchSize', out['batchSize'], 256, 9216, '');
  const lr = out['learningRate'];
  if (lr !== undefined) {
    const n = Number(lr);
    if (lr.trim() === '' || !Number.isFinite(n) || n < 5e-8 || n > 1) {
      throw validation(`The value '${lr}' for hyperparameter learningRate is not valid. It must be a number from 5.0e-8 to 1.`);
    }
  }
  return out;
}

function integerInRange(name: string, value: string, min: number, max: number, extra: string): void {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw validation(`The value '${value}' for hyperparameter ${name} is not valid. It must be an integer from ${min} to ${max}${extra}.`);
  }
}

export function checkTags(value: unknown, field: string): Tag[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validation(`${field} must be a list of {key, value}.`);
  if (value.length > 200) constraint(field, `${value.length} tags`, 'Member must have length less than or equal to 200');
  return value.map((t, i) => {
    const o = requireObject(t);
    const key = requiredString(o, 'key');
    const val = requiredString(o, 'value');
    checkPattern(`${field}.${i + 1}.member.key`, key, /^[a-zA-Z0-9\s._:/=+@-]*$/, 1, 128);
    checkPattern(`${field}.${i + 1}.member.value`, val, /^[a-zA-Z0-9\s._:/=+@-]*$/, 0, 256);
    return { key, value: val };
  });
}

export function maxResults(query: URLSearchParams): number {
  const raw = query.get('maxResults');
  if (raw === null) return 100;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 1000) constraint('maxResults', raw, 'Member must have value between 1 and 1000');
  return n;
}

export function dateQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw validation(`${name} must be an ISO-8601 timestamp.`);
  return t;
}

export function enumQuery<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) constraint(name, raw, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  return raw as T;
}
