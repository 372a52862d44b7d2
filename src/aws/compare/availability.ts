// Pre-flight for off-the-shelf contenders: is each one offered in the session's region (GetFoundationModel)? A
// contender that is not (or that the caller may not read) is left out with the reason, never a crash. Titan models
// (the base and fine-tuned ones) are not checked here: a comparison without them has no point, so their errors stop
// the run as before.
import { AwsUserError } from '../../core/awsRules/userError';
import { planOrThrow } from '../../core/eval/families/forModel';
import type { CompareSpec, ModelById } from '../../core/eval/spec';
import type { SkippedModel } from '../../protocol/report';
import type { AwsSession } from '../session';

export async function availableModels(spec: CompareSpec, session: Pick<AwsSession, 'bedrock' | 'region'>): Promise<{ models: ModelById[]; skipped: SkippedModel[] }> {
  const models: ModelById[] = [];
  const skipped: SkippedModel[] = [];
  for (const m of spec.models) {
    const { family } = planOrThrow(m, spec.embeddingLength);
    if (family.customizable || m.baseline) {
      models.push(m);
      continue;
    }
    const reason = await unavailability(session, m.modelId);
    if (reason) skipped.push({ name: m.name, modelId: m.modelId, reason });
    else models.push(m);
  }
  return { models, skipped };
}

/** Why a model is not offered in the session's region (the pre-flight's words), or undefined when it is. */
export async function unavailability(session: Pick<AwsSession, 'bedrock' | 'region'>, modelId: string): Promise<string | undefined> {
  try {
    const d = await session.bedrock.getFoundationModel(modelId);
    if (!d) return `${modelId} is not offered in ${session.region}`;
    if (d.modelLifecycle?.status && d.modelLifecycle.status !== 'ACTIVE') return `${modelId} is ${d.modelLifecycle.status} in ${session.region}`;
    if (d.inferenceTypesSupported && !d.inferenceTypesSupported.includes('ON_DEMAND')) return `${modelId} has no on-demand inference in ${session.region}`;
    return undefined;
  } catch (e) {
    if (!(e instanceof AwsUserError)) throw e;
    if (e.kind === 'validation' || e.kind === 'notFound') return `${modelId} is not offered in ${session.region} (GetFoundationModel: ${e.message})`;
    if (e.kind === 'accessDenied' || e.kind === 'modelAccess') return `cannot check ${modelId} in ${session.region}: ${e.message}`;
    throw e;
  }
}
