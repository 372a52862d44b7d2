// The compare wizard's "add the strongest off-the-shelf contenders" step: a checklist of Nova Multimodal Embeddings
// and Cohere Embed v4 (core/eval/contenders.ts), ticked by default where offered in the session's region (the AWS
// layer's pre-flight check), each with its estimated embedding cost for this test set from the price settings.
import { readFile } from 'node:fs/promises';
import { CONTENDERS, contenderEstimate, testSetSize, type Contender } from '../../core/eval/contenders';
import { pricesFrom } from '../../core/eval/prices';
import type { InputDriver, PickManyEntry } from '../../core/lifecycle/steps';
import type { AwsContext } from '../session/awsContext';
import { loadAws } from '../shell/awsLoader';
import type { Config } from '../shell/config';

export const CONTENDERS_TITLE = 'Compare Models: add the strongest off-the-shelf contenders';

/** Why a contender cannot be compared here (not offered, or the check itself failed), or undefined. */
async function unavailable(aws: AwsContext, c: Contender): Promise<string | undefined> {
  try {
    return await loadAws().unavailability(await aws.session(), c.modelId);
  } catch (e) {
    // No session or a refused check: shown unticked with the reason; the run's pre-flight checks again.
    return `could not check it in ${aws.identity.region}: ${(e as Error).message}`;
  }
}

/** The contenders the user keeps ticked; undefined when the checklist is dismissed (the command stops). */
export async function pickContenders(driver: InputDriver, deps: { aws: AwsContext; config: Config }, manifestPath: string): Promise<Contender[] | undefined> {
  const size = testSetSize(await readFile(manifestPath, 'utf8').catch(() => ''));
  const prices = pricesFrom((key) => deps.config.get(key));
  const entries: PickManyEntry[] = [];
  for (const c of CONTENDERS) {
    const reason = await unavailable(deps.aws, c);
    entries.push({
      key: c.name,
      label: c.family.displayName,
      description: c.modelId,
      // The estimate first: the line is cut at the quick pick's width.
      detail: reason ? `Not offered: ${reason}` : `${contenderEstimate(c, size, prices)}; offered in ${deps.aws.identity.region}`,
      picked: reason === undefined,
    });
  }
  const answer = await driver.pickMany({
    title: CONTENDERS_TITLE,
    placeholder: 'Ticked models are compared with the fine-tuned one in the same report (embedded on demand, billed per image and text token)',
    groups: [{ title: 'Off-the-shelf multimodal embedders on Bedrock', entries }],
  });
  if (answer === undefined || !Array.isArray(answer)) return undefined;
  return CONTENDERS.filter((c) => answer.includes(c.name));
}
