// The OpenSearch data-plane subset. Paths under `/_aoss/<collectionId>/` act as that Serverless collection
// (GET / is 404, no _refresh, classic collections refuse document ids, SigV4 with x-amz-content-sha256 required);
// every other path acts as a managed domain (ids, _refresh and GET / work). Documents become searchable
// `visibilityDelayMs` of simulated time after they are written, as on Serverless.
import type { Clock } from '../clock';
import { json, type EmuRequest, type EmuResponse, type ServiceDefinition } from '../http';
import type { AossState } from '../aoss/state';
import { runBulk } from './bulk';
import {
  addDocument, buildIndex, checkDocument, knnSearch, OpenSearchError, parseKnnQuery, visibleDocs, type IndexData,
} from './indexes';

interface Scope { key: string; serverless: boolean; path: string[] }

export function osError(status: number, type: string, reason: string, index?: string): EmuResponse {
  const cause = { type, reason, ...(index ? { index } : {}) };
  return json(status, { error: { root_cause: [cause], ...cause }, status });
}

export class OpenSearchData {
  private readonly scopes = new Map<string, Map<string, IndexData>>();

  constructor(
    private readonly clock: Clock,
    private readonly aoss: AossState,
    private readonly options: { visibilityDelayMs: number; collectionKind: 'classic' | 'nextgen'; knnMissRate: () => number },
  ) {}

  reset(): void {
    this.scopes.clear();
  }

  definition(): ServiceDefinition {
    return {
      name: 'opensearch',
      iamPrefix: 'aoss',
      // The data plane authorises everything as aoss:APIAccessAll; the log still names the REST operation.
      operation: (method, segments) => {
        const rest = segments[0] === '_aoss' ? segments.slice(2) : segments;
        return rest.find((s) => s.startsWith('_')) ?? `${method} index`;
      },
      handle: async (req) => {
        try {
          return this.handle(req);
        } catch (err) {
          if (err instanceof OpenSearchError) return osError(err.status, err.type, err.message, err.index);
          throw err;
        }
      },
      errorResponse(kind, message) {
        switch (kind) {
          case 'denied': return json(403, { message: message ?? 'Forbidden' });
          case 'throttle': return osError(429, 'rejected_execution_exception', 'Too Many Requests');
          case 'expired': return json(403, { message: 'The security token included in the request is expired' });
          default: return osError(500, 'internal_server_error', message ?? 'Internal server error');
        }
      },
    };
  }

  private indexes(scope: Scope): Map<string, IndexData> {
    let m = this.scopes.get(scope.key);
    if (!m) {
      m = new Map();
      this.scopes.set(scope.key, m);
    }
    return m;
  }

  private resolveScope(req: EmuRequest): Scope | EmuResponse {
    if (req.segments[0] !== '_aoss') return { key: '_domain', serverless: false, path: req.segments };
    const id = req.segments[1] ?? '';
    if (!req.headers.authorization) return json(403, { message: 'Missing Authentication Token' });
    if (!req.headers['x-amz-content-sha256']) {
      return json(403, { message: 'The request signature we calculated does not match the signature you provided. (x-amz-content-sha256 is required)' });
    }
    if (!this.aoss.activeCollection(id)) return json(404, { message: `Collection ${id} not found or not ACTIVE` });
    return { key: id, serverless: true, path: req.segments.slice(2) };
  }

  private body(req: EmuRequest): Record<string, unknown> {
    if (req.body.length === 0) return {};
    try {
      const v: unknown = JSON.parse(req.body.toString('utf8'));
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new OpenSearchError(400, 'parse_exception', 'request body is required to be a JSON object');
  }

  private index(scope: Scope, name: string): IndexData {
    const idx = this.indexes(scope).get(name);
    if (!idx) throw new OpenSearchError(404, 'index_not_found_exception', `no such index [${name}]`, name);
    return idx;
  }

  private handle(req: EmuRequest): EmuResponse {
    const scope = this.resolveScope(req);
    if (!('key' in scope)) return scope;
    const [first, second, third] = scope.path;
    const m = req.method;
    const now = this.clock.now();
    const visibleAt = now + this.options.visibilityDelayMs;
    const idsAllowed = !scope.serverless || this.options.collectionKind === 'nextgen';
    if (first === undefined) {
      if (scope.serverless || (m !== 'GET' && m !== 'HEAD')) return json(404, { message: 'Not Found' });
      return json(200, { name: 'emulator', cluster_name: 'bedrock-mm-emulator', version: { distribution: 'opensearch', number: '2.17.0' }, tagline: 'The OpenSearch Project: https://opensearch.org/' });
    }
    if (first === '_bulk' && (m === 'POST' || m === 'PUT')) return json(200, runBulk(this.indexes(scope), undefined, req.body, { idsAllowed, visibleAt, refresh: !scope.serverless && isRefresh(req) ? now : undefined }));
    if (first === '_refresh') return this.refresh(scope, [...this.indexes(scope).keys()], now);
    if (first.startsWith('_')) return osError(400, 'illegal_argument_exception', `unsupported operation [${m} /${scope.path.join('/')}] in the emulator`);
    const name = first;
    if (second === undefined) {
      if (m === 'PUT') {
        if (this.indexes(scope).has(name)) throw new OpenSearchError(400, 'resource_already_exists_exception', `index [${name}] already exists`, name);
        this.indexes(scope).set(name, buildIndex(name, this.body(req), scope.serverless, now));
        return json(200, { acknowledged: true, shards_acknowledged: true, index: name });
      }
      if (m === 'DELETE') {
        this.index(scope, name);
        this.indexes(scope).delete(name);
        return json(200, { acknowledged: true });
      }
      if (m === 'HEAD') return { status: this.indexes(scope).has(name) ? 200 : 404 };
      if (m === 'GET') {
        const idx = this.index(scope, name);
        return json(200, { [name]: { aliases: {}, mappings: idx.mappings, settings: idx.settings } });
      }
    }
    if (second === '_mapping' && m === 'GET') return json(200, { [name]: { mappings: this.index(scope, name).mappings } });
    if (second === '_bulk' && (m === 'POST' || m === 'PUT')) return json(200, runBulk(this.indexes(scope), name, req.body, { idsAllowed, visibleAt, refresh: !scope.serverless && isRefresh(req) ? now : undefined }));
    if (second === '_refresh') return this.refresh(scope, [name], now);
    if (second === '_count' && (m === 'GET' || m === 'POST')) {
      const idx = this.index(scope, name);
      const n = visibleDocs(idx, now).length;
      return json(200, { count: n, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } });
    }
    if (second === '_search' && (m === 'GET' || m === 'POST')) return this.search(this.index(scope, name), this.body(req), now);
    if (second === '_doc') return this.doc(scope, name, third, m, this.body(req), { idsAllowed, visibleAt, now, refresh: isRefresh(req) && !scope.serverless });
    return osError(400, 'illegal_argument_exception', `unsupported operation [${m} /${scope.path.join('/')}] in the emulator`);
  }

  private refresh(scope: Scope, names: string[], now: number): EmuResponse {
    if (scope.serverless) return json(404, { message: 'Not Found: _refresh is not supported on OpenSearch Serverless' });
    for (const n of names) for (const d of this.index(scope, n).docs.values()) d.visibleAt = Math.min(d.visibleAt, now);
    return json(200, { _shards: { total: 1, successful: 1, failed: 0 } });
  }

  private doc(scope: Scope, name: string, id: string | undefined, m: string, body: Record<string, unknown>,
    o: { idsAllowed: boolean; visibleAt: number; now: number; refresh: boolean }): EmuResponse {
    const idx = this.index(scope, name);
    if (m === 'POST' && id === undefined) return this.put(idx, undefined, body, o);
    if (id !== undefined && !o.idsAllowed) {
      throw new OpenSearchError(400, 'illegal_argument_exception', 'Document ID is not supported in create/index operation request');
    }
    if (id !== undefined && (m === 'PUT' || m === 'POST')) return this.put(idx, id, body, o);
    if (id !== undefined && m === 'GET') {
      const d = idx.docs.get(id);
      return json(d ? 200 : 404, { _index: name, _id: id, found: Boolean(d), ...(d ? { _source: d.source } : {}) });
    }
    if (id !== undefined && m === 'DELETE') {
      const existed = idx.docs.delete(id);
      return json(existed ? 200 : 404, { _index: name, _id: id, result: existed ? 'deleted' : 'not_found' });
    }
    return osError(405, 'method_not_allowed', `Incorrect HTTP method for uri [/${name}/_doc] and method [${m}]`);
  }

  private put(idx: IndexData, id: string | undefined, body: Record<string, unknown>, o: { visibleAt: number; now: number; refresh: boolean }): EmuResponse {
    const problem = checkDocument(idx, body);
    if (problem) throw new OpenSearchError(400, 'mapper_parsing_exception', problem, idx.name);
    const r = addDocument(idx, id, body, o.refresh ? o.now : o.visibleAt);
    return json(r.created ? 201 : 200, { _index: idx.name, _id: r.id, _version: 1, result: r.created ? 'created' : 'updated', _shards: { total: 1, successful: 1, failed: 0 } });
  }

  private search(idx: IndexData, body: Record<string, unknown>, now: number): EmuResponse {
    const started = Date.now();
    const size = typeof body['size'] === 'number' ? body['size'] : 10;
    const query = (body['query'] ?? { match_all: {} }) as Record<string, unknown>;
    const sourceOpt = body['_source'];
    let hits: { doc: { id: string; source: Record<string, unknown> }; score: number }[];
    if ('knn' in query) hits = knnSearch(idx, parseKnnQuery(idx, query), now, this.options.knnMissRate());
    else if ('match_all' in query) hits = visibleDocs(idx, now).map((doc) => ({ doc, score: 1 }));
    else throw new OpenSearchError(400, 'parsing_exception', `the emulator supports only knn and match_all queries, not ${Object.keys(query).join(', ')}`, idx.name);
    const total = hits.length;
    const page = hits.slice(0, size);
    return json(200, {
      took: Date.now() - started,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: {
        total: { value: total, relation: 'eq' },
        max_score: page[0]?.score ?? null,
        hits: page.map((h) => ({ _index: idx.name, _id: h.doc.id, _score: h.score, ...(sourceOpt === false ? {} : { _source: filterSource(h.doc.source, sourceOpt) }) })),
      },
    });
  }
}

function isRefresh(req: EmuRequest): boolean {
  const r = req.query.get('refresh');
  return r === '' || r === 'true' || r === 'wait_for';
}

function filterSource(source: Record<string, unknown>, opt: unknown): Record<string, unknown> {
  const includes = Array.isArray(opt) ? opt : typeof opt === 'string' ? [opt] : (opt as { includes?: unknown } | undefined)?.includes;
  const excludes = (opt as { excludes?: unknown } | undefined)?.excludes;
  return Object.fromEntries(Object.entries(source).filter(([k]) => (!Array.isArray(includes) || includes.includes(k)) && !(Array.isArray(excludes) && excludes.includes(k))));
}
