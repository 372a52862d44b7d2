// The one interface both vector stores implement: exact top-k for a set of query vectors against a corpus.
// The embedded exact index is the default and the ground truth; an approximate store (OpenSearch) reports where
// its top-k differs from exact.

import { exactKnnFast } from './knnFast';
import type { KnnFn } from './modes';

export interface VectorStore {
  readonly kind: 'exact' | 'opensearch';
  readonly knn: KnnFn;
  /** Differences from exact search and other notes, for the report. */
  warnings(): string[];
  close(): Promise<void>;
}

export function exactStore(): VectorStore {
  return { kind: 'exact', knn: exactKnnFast, warnings: () => [], close: async () => undefined };
}
