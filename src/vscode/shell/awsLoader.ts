import * as path from 'node:path';
import type * as AwsLayer from '../../aws/index';

let loaded: typeof AwsLayer | undefined;

/**
 * The AWS layer lives in its own bundle (dist/aws.js) so activation never loads the AWS SDK.
 * The first call that needs AWS loads it; later calls reuse it.
 */
export function loadAws(): typeof AwsLayer {
  // A computed path keeps esbuild from inlining the AWS bundle into dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose
  loaded ??= require(path.join(__dirname, 'aws.js')) as typeof AwsLayer;
  return loaded;
}

/** True once the AWS layer has been loaded (used by tests to prove activation stays SDK-free). */
export function isAwsLoaded(): boolean {
  return loaded !== undefined;
}
