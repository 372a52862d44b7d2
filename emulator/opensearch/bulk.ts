// `_bulk` (NDJSON): index/create without or with ids (refused on classic Serverless collections), and delete.
// Per-item errors as OpenSearch reports them; `errors: true` when any item failed.
import { addDocument, checkDocument, OpenSearchError, type IndexData } from './indexes';

export interface BulkOptions { idsAllowed: boolean; visibleAt: number; refresh: number | undefined }

export function runBulk(indexes: Map<string, IndexData>, defaultIndex: string | undefined, raw: Buffer, o: BulkOptions): object {
  const started = Date.now();
  const lines = raw.toString('utf8').split('\n').filter((l) => l.trim() !== '');
  const items: object[] = [];
  let errors = false;
  const parse = (l: string | undefined): Record<string, unknown> => {
    try {
      const v: unknown = JSON.parse(l ?? '');
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new OpenSearchError(400, 'illegal_argument_exception', 'Malformed action/metadata line in _bulk body');
  };
  for (let i = 0; i < lines.length; i++) {
    const action = parse(lines[i]);
    const [op] = Object.keys(action);
    if (!op || !['index', 'create', 'delete'].includes(op)) throw new OpenSearchError(400, 'illegal_argument_exception', `Malformed action/metadata line [${i + 1}], expected one of [create, delete, index, update] but found [${op}]`);
    const meta = (action[op] ?? {}) as Record<string, unknown>;
    const name = typeof meta['_index'] === 'string' ? meta['_index'] : defaultIndex;
    const id = typeof meta['_id'] === 'string' || typeof meta['_id'] === 'number' ? String(meta['_id']) : undefined;
    const source = op === 'delete' ? {} : parse(lines[++i]);
    const fail = (status: number, type: string, reason: string): void => {
      errors = true;
      items.push({ [op]: { _index: name, _id: id ?? null, status, error: { type, reason } } });
    };
    const idx = name === undefined ? undefined : indexes.get(name);
    if (!idx) { fail(404, 'index_not_found_exception', `no such index [${name}]`); continue; }
    if (id !== undefined && !o.idsAllowed) { fail(400, 'illegal_argument_exception', 'Document ID is not supported in create/index operation request'); continue; }
    if (op === 'delete') {
      if (id === undefined) { fail(400, 'action_request_validation_exception', 'Validation Failed: 1: id is missing;'); continue; }
      const existed = idx.docs.delete(id);
      items.push({ delete: { _index: idx.name, _id: id, status: existed ? 200 : 404, result: existed ? 'deleted' : 'not_found' } });
      continue;
    }
    if (op === 'create' && id !== undefined && idx.docs.has(id)) { fail(409, 'version_conflict_engine_exception', `[${id}]: version conflict, document already exists`); continue; }
    const problem = checkDocument(idx, source);
    if (problem) { fail(400, 'mapper_parsing_exception', problem); continue; }
    const r = addDocument(idx, id, source, o.refresh ?? o.visibleAt);
    items.push({ [op]: { _index: idx.name, _id: r.id, _version: 1, result: r.created ? 'created' : 'updated', status: r.created ? 201 : 200 } });
  }
  return { took: Date.now() - started, errors, items };
}
