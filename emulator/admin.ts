// The admin API (never fault-injected): what tests use to look at and steer the emulator.
//   GET  /requests?service=bedrock&since=N   requests received (after seq N), oldest first: {requests: LoggedRequest[]}
//   DELETE /requests                 forget them
//   GET  /faults                     {faults: {service: FaultConfig}}
//   POST /faults                     {service?, throttleRate?, errorRate?, dropRate?, latencyMs?, expiredCredentials?,
//                                     accessDenied?, knnMissRate? (opensearch: searches that miss their best hit)}
//                                    (no service: every service)
//   POST /reset                      clears all state, faults, the request log and the clock; S3 too unless {keepS3: true}
//   POST /seed                       {jobs?, customModels?, provisionedThroughputs?, batchJobs?, batchRecordFailures?: {count,
//                                    errorCode?, errorMessage?}, serviceQuotas?: [{quotaCode, value}]}
//                                    -> {jobArns, modelArns, provisionedModelArns, batchJobArns, serviceQuotas}
//   GET  /clock, POST /clock         {advanceMs} -> {now}
//   POST /sample-data                {imagesPerClass?, bucket?} -> the uploaded dataset's manifest URIs
//   POST /options                    {batchDurationMs?, jobDurationMs?, throughputDurationMs?} -> {previous: values};
//                                    applies to what is created afterwards, e.g. one slow batch job in a fast e2e run
//   GET  /health                     {ok: true}
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BedrockError } from './bedrock/errors';
import type { Clock } from './clock';
import type { FaultConfig, FaultInjector } from './faults';
import { json, listen, readBody, send, type EmuResponse, type RunningServer } from './http';
import type { EmulatorOptions } from './options';
import type { RequestLog } from './requestLog';
import { isServiceName, SERVICES } from './services';

export interface AdminDeps {
  log: RequestLog;
  faults: FaultInjector;
  clock: Clock;
  /** The running emulator's options, read when a resource is created (so a change applies to later ones). */
  options: EmulatorOptions;
  reset(keepS3: boolean): void;
  seed(body: Record<string, unknown>): Promise<object>;
  sampleData(body: Record<string, unknown>): Promise<object>;
}

// The durations read when a resource is created (the others are fixed at start).
const DURATIONS = ['jobDurationMs', 'batchDurationMs', 'throughputDurationMs'] as const;
type Duration = typeof DURATIONS[number];

const bad = (message: string): EmuResponse => json(400, { message });

async function route(deps: AdminDeps, method: string, url: URL, body: Record<string, unknown>): Promise<EmuResponse> {
  switch (`${method} ${url.pathname}`) {
    case 'GET /health':
      return json(200, { ok: true });
    case 'GET /requests': {
      const service = url.searchParams.get('service') ?? undefined;
      if (service !== undefined && !isServiceName(service)) return bad(`service must be one of ${SERVICES.join(', ')}`);
      const since = Number(url.searchParams.get('since') ?? 0);
      if (!Number.isInteger(since) || since < 0) return bad('since must be a request sequence number');
      return json(200, { requests: deps.log.list(service).filter((r) => r.seq > since) });
    }
    case 'DELETE /requests':
      deps.log.clear();
      return json(200, {});
    case 'GET /faults':
      return json(200, { faults: Object.fromEntries(SERVICES.map((s) => [s, deps.faults.get(s)])) });
    case 'POST /faults': {
      const { service, ...patch } = body;
      if (service !== undefined && service !== 'all' && !isServiceName(service)) return bad(`service must be one of ${SERVICES.join(', ')} or all`);
      deps.faults.set(isServiceName(service) ? service : undefined, patch as Partial<FaultConfig>);
      return json(200, { faults: Object.fromEntries(SERVICES.map((s) => [s, deps.faults.get(s)])) });
    }
    case 'POST /reset':
      deps.reset(body['keepS3'] === true);
      return json(200, {});
    case 'POST /seed':
      return json(200, await deps.seed(body));
    case 'GET /clock':
      return json(200, { now: new Date(deps.clock.now()).toISOString() });
    case 'POST /clock': {
      const ms = body['advanceMs'];
      if (typeof ms !== 'number') return bad('advanceMs must be a number of milliseconds');
      return json(200, { now: new Date(deps.clock.advance(ms)).toISOString() });
    }
    case 'POST /options': {
      const previous: Record<string, number> = {};
      for (const [key, value] of Object.entries(body)) {
        if (!(DURATIONS as readonly string[]).includes(key)) return bad(`only ${DURATIONS.join(', ')} can be changed`);
        if (typeof value !== 'number' || !(value >= 0)) return bad(`${key} must be a number of milliseconds`);
      }
      for (const [key, value] of Object.entries(body)) {
        const k = key as Duration;
        previous[k] = deps.options[k];
        deps.options[k] = value as number;
      }
      return json(200, { previous });
    }
    case 'POST /sample-data':
      return json(200, await deps.sampleData(body));
    default:
      return json(404, { message: `No admin operation ${method} ${url.pathname}` });
  }
}

async function serve(deps: AdminDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://admin');
  let body: Record<string, unknown> = {};
  const raw = await readBody(req);
  if (raw.length > 0) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      send(res, bad('The body must be a JSON object.'));
      return;
    }
  }
  try {
    send(res, await route(deps, req.method ?? 'GET', url, body));
  } catch (err) {
    send(res, err instanceof RangeError || err instanceof BedrockError ? bad(err.message) : json(500, { message: String(err) }));
  }
}

export function startAdmin(deps: AdminDeps): Promise<RunningServer> {
  return listen((req, res) => void serve(deps, req, res));
}
