// ARN shapes seen in real runs (docs/reference/bedrock-tmme.md section 4): 12-character lowercase ids.
import { ACCOUNT_ID, REGION } from '../services';

export const TMME_MODEL_ID = 'amazon.titan-embed-image-v1';
export const TMME_CUSTOMIZABLE_ID = 'amazon.titan-embed-image-v1:0';

export const foundationModelArn = (modelId: string): string => `arn:aws:bedrock:${REGION}::foundation-model/${modelId}`;
export const jobArn = (id: string): string => `arn:aws:bedrock:${REGION}:${ACCOUNT_ID}:model-customization-job/${TMME_CUSTOMIZABLE_ID}/${id}`;
export const customModelArn = (id: string): string => `arn:aws:bedrock:${REGION}:${ACCOUNT_ID}:custom-model/${TMME_CUSTOMIZABLE_ID}/${id}`;
export const batchJobArn = (id: string): string => `arn:aws:bedrock:${REGION}:${ACCOUNT_ID}:model-invocation-job/${id}`;
export const provisionedModelArn = (id: string): string => `arn:aws:bedrock:${REGION}:${ACCOUNT_ID}:provisioned-model/${id}`;

/** The foundation model an identifier names (`id`, `id:0` or its ARN), or undefined. */
export function foundationModelId(identifier: string): string | undefined {
  const m = /^(?:arn:aws:bedrock:[a-z0-9-]+::foundation-model\/)?(amazon\.titan-embed-image-v1(?::0)?)$/.exec(identifier);
  return m?.[1];
}

export const lastSegment = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
