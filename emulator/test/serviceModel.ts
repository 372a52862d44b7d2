// Holds a response body against an AWS service model (botocore's service-2.json, test/fixtures/aws-models): no
// member the model lacks, required members present, JSON types, enum values, string lengths and patterns, numeric
// ranges and timestamp formats right. Returns the problems as `path: what` strings (empty = conforms).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

interface MemberRef { shape: string; location?: string; locationName?: string; jsonName?: string }
interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  timestampFormat?: string;
  union?: boolean;
  payload?: string;
  exception?: boolean;
  document?: boolean;
}
interface Operation { name: string; http?: { responseCode?: number }; output?: { shape: string }; errors?: { shape: string }[] }
export interface ServiceModel {
  metadata: { protocol: string; apiVersion: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

const MODELS = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'aws-models');

export function loadModel(service: 'bedrock' | 'bedrock-runtime' | 'opensearchserverless' | 'service-quotas', version: string): ServiceModel {
  return JSON.parse(gunzipSync(readFileSync(join(MODELS, service, version, 'service-2.json.gz'))).toString('utf8')) as ServiceModel;
}

const patterns = new Map<string, RegExp | null>();
function pattern(source: string): RegExp | null {
  if (!patterns.has(source)) {
    try {
      patterns.set(source, new RegExp(source, 'u')); // Smithy patterns are ECMA-262 and not implicitly anchored
    } catch {
      patterns.set(source, null);
    }
  }
  return patterns.get(source) ?? null;
}

export function checkValue(model: ServiceModel, shapeName: string, value: unknown, path: string, problems: string[]): void {
  const shape = model.shapes[shapeName];
  if (!shape) {
    problems.push(`${path}: the model has no shape ${shapeName}`);
    return;
  }
  const fail = (what: string): void => { problems.push(`${path}: ${what} (${shapeName})`); };
  if (value === null) return fail('null, where the model has a value or an absent member');
  if (shape.document) return; // any JSON
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail(`expected an object, got ${JSON.stringify(value)}`);
      const o = value as Record<string, unknown>;
      const byWire = new Map(Object.entries(shape.members ?? {}).filter(([, m]) => m.location === undefined).map(([name, m]) => [m.jsonName ?? m.locationName ?? name, { name, m }]));
      for (const key of Object.keys(o)) {
        if (key === '__type' && shape.exception) continue; // awsJson error bodies name their type
        const entry = byWire.get(key);
        if (!entry) fail(`member ${key} is not in the model`);
        else checkValue(model, entry.m.shape, o[key], `${path}.${key}`, problems);
      }
      for (const req of shape.required ?? []) {
        const m = shape.members?.[req];
        if (m && m.location === undefined && o[m.jsonName ?? m.locationName ?? req] === undefined) fail(`required member ${req} is missing`);
      }
      if (shape.union && Object.keys(o).length !== 1) fail(`a union sets exactly one member, got ${Object.keys(o).length}`);
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return fail('expected a list');
      if (shape.min !== undefined && value.length < shape.min) fail(`${value.length} items, below min ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) fail(`${value.length} items, above max ${shape.max}`);
      value.forEach((v, i) => checkValue(model, shape.member?.shape ?? '', v, `${path}[${i}]`, problems));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail('expected a map object');
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        checkValue(model, shape.key?.shape ?? '', k, `${path}{key ${k}}`, problems);
        checkValue(model, shape.value?.shape ?? '', v, `${path}.${k}`, problems);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return fail(`expected a string, got ${JSON.stringify(value)}`);
      if (shape.enum && !shape.enum.includes(value)) fail(`${value} is not one of ${shape.enum.join(', ')}`);
      if (shape.min !== undefined && value.length < shape.min) fail(`length ${value.length} below min ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) fail(`length ${value.length} above max ${shape.max}`);
      const re = shape.pattern === undefined ? null : pattern(shape.pattern);
      if (re && !re.test(value)) fail(`${value} does not match ${shape.pattern}`);
      return;
    }
    case 'integer': case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`expected an integer, got ${JSON.stringify(value)}`);
      if (shape.min !== undefined && value < shape.min) fail(`${value} below min ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) fail(`${value} above max ${shape.max}`);
      return;
    }
    case 'float': case 'double':
      if (typeof value !== 'number') fail(`expected a number, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'timestamp': {
      // JSON protocols default to epoch seconds; a shape may say iso8601.
      if ((shape.timestampFormat ?? 'unixTimestamp') === 'iso8601') {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) fail(`expected an ISO-8601 string, got ${JSON.stringify(value)}`);
      } else if (typeof value !== 'number') fail(`expected epoch seconds, got ${JSON.stringify(value)}`);
      return;
    }
    case 'blob':
      if (typeof value !== 'string') fail('expected a base64 string');
      return;
    default:
      return; // document: any JSON
  }
}

/** Problems of a 2xx response of `operation`: its status, its JSON body (and required headers) against the output shape. */
export function checkOutput(model: ServiceModel, operation: string, status: number, body: string, headers: Record<string, string>): string[] {
  const op = model.operations[operation];
  if (!op) return [`the model has no operation ${operation}`];
  const problems: string[] = [];
  const code = op.http?.responseCode ?? 200;
  if (status !== code) problems.push(`${operation}: status ${status}, the model says ${code}`);
  if (!op.output) {
    if (body.trim() !== '' && body.trim() !== '{}') problems.push(`${operation}: the model has no output, the body is ${body.slice(0, 80)}`);
    return problems;
  }
  const shape = model.shapes[op.output.shape];
  for (const [name, m] of Object.entries(shape?.members ?? {})) {
    if (m.location === 'header' && shape?.required?.includes(name) && headers[(m.locationName ?? name).toLowerCase()] === undefined) {
      problems.push(`${operation}: required header ${m.locationName ?? name} is missing`);
    }
  }
  if (shape?.payload) return problems; // a streamed or blob payload: the body is the model's own bytes
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return [`${operation}: the body is not JSON`];
  }
  checkValue(model, op.output.shape, parsed, operation, problems);
  return problems;
}

const GENERIC_ERRORS = ['ThrottlingException', 'ExpiredTokenException', 'AccessDeniedException', 'ServiceUnavailableException'];

/** Problems of an error response: the code must be a modelled exception of the operation, its body that shape. */
export function checkError(model: ServiceModel, operation: string, status: number, body: string, headers: Record<string, string>): string[] {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return [`${operation} ${status}: the error body is not JSON`];
  }
  const raw = headers['x-amzn-errortype'] ?? (typeof parsed['__type'] === 'string' ? parsed['__type'] : '');
  const code = raw.split(':')[0]?.split('#').pop() ?? '';
  const op = model.operations[operation];
  const problems: string[] = [];
  // AWS's front end answers these for any operation; a model that has no shape for one does not list it anywhere.
  const generic = GENERIC_ERRORS.includes(code) && !model.shapes[code];
  if (!generic && !op?.errors?.some((e) => e.shape === code)) problems.push(`${operation}: error ${code || '(none)'} is not one the model lists for it`);
  if (model.shapes[code]) checkValue(model, code, parsed, `${operation}!${code}`, problems);
  return problems;
}
