// The compare spec written for a model picked in the explorer. Pure (no vscode), checked against the schema in tests.
import { modelKindOf } from './batch/route';
import { DEFAULT_K, DEFAULT_MODES } from './spec';

export const BASE_MODEL_ID = 'amazon.titan-embed-image-v1';

/** The ARN a tree item carries (explorer nodes expose `arn`), or an ARN string. */
export function arnOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.startsWith('arn:')) return arg;
  const arn = typeof arg === 'object' && arg !== null ? (arg as { arn?: unknown }).arn : undefined;
  return typeof arn === 'string' && arn.startsWith('arn:') ? arn : undefined;
}

/**
 * The spec's JSON text: base model as baseline, the item's model, the off-the-shelf contenders chosen (their family
 * is inferred from the id), defaults the pipeline states in the report.
 */
export function modelSpecText(arn: string, testManifest: string, schemaRef: string, contenders: readonly { name: string; modelId: string }[] = []): string {
  const spec = {
    $schema: schemaRef,
    testSet: { manifest: testManifest },
    models: [
      { name: 'base', modelId: BASE_MODEL_ID, baseline: true },
      // A custom model (not its provisioned throughput) is compared through batch inference: no throughput needed.
      { name: 'fine-tuned', modelId: arn, ...(modelKindOf(arn) === 'custom-model' ? { inference: 'batch' } : {}) },
      ...contenders.map((c) => ({ name: c.name, modelId: c.modelId })),
    ],
    modes: DEFAULT_MODES,
    k: DEFAULT_K,
    vectorStore: { type: 'exact' },
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}
