// knn_vector mapping checks and exact k-NN scoring with OpenSearch's score conventions per space type.

export const SPACE_TYPES: Record<string, readonly string[]> = {
  faiss: ['l2', 'innerproduct', 'cosinesimil'],
  nmslib: ['l2', 'innerproduct', 'cosinesimil', 'l1', 'linf'],
  lucene: ['l2', 'innerproduct', 'cosinesimil'],
};

export interface KnnField { dimension: number; spaceType: string; engine: string }

/** Validates one knn_vector property; returns its settings or an error reason as OpenSearch words it. */
export function parseKnnField(name: string, prop: Record<string, unknown>, knnEnabled: boolean, serverless: boolean): KnnField | string {
  const dim = prop['dimension'];
  if (typeof dim !== 'number' || !Number.isInteger(dim) || dim < 1 || dim > 16_000) {
    return `Dimension value must be an integer from 1 to 16000 for vector: ${name}`;
  }
  const method = prop['method'] as Record<string, unknown> | undefined;
  if (method === undefined) return { dimension: dim, spaceType: String(prop['space_type'] ?? 'l2'), engine: 'faiss' };
  if (!knnEnabled) return 'Cannot set modelId or method parameters when index.knn setting is false';
  const methodName = method['name'];
  if (methodName !== 'hnsw' && methodName !== 'ivf') return `Invalid method name: ${String(methodName)}`;
  const engine = String(method['engine'] ?? 'faiss');
  const allowed = SPACE_TYPES[engine];
  if (!allowed) return `Invalid engine type: ${engine}`;
  if (serverless && engine === 'lucene') return 'The lucene engine is not supported on this collection; use faiss or nmslib';
  const spaceType = String(method['space_type'] ?? prop['space_type'] ?? 'l2');
  if (!allowed.includes(spaceType)) return `Validation Failed: 1: space type [${spaceType}] is not supported with [${engine}] engine;`;
  return { dimension: dim, spaceType, engine };
}

export function score(spaceType: string, a: readonly number[], b: readonly number[]): number {
  let dot = 0, na = 0, nb = 0, l2 = 0, l1 = 0, linf = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y; na += x * x; nb += y * y;
    const d = x - y;
    l2 += d * d; l1 += Math.abs(d); linf = Math.max(linf, Math.abs(d));
  }
  switch (spaceType) {
    case 'cosinesimil': {
      const cos = na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
      return (1 + cos) / 2;
    }
    case 'innerproduct': return dot >= 0 ? 1 + dot : 1 / (1 - dot);
    case 'l1': return 1 / (1 + l1);
    case 'linf': return 1 / (1 + linf);
    default: return 1 / (1 + l2);
  }
}
