// The AWS SDK is most of the CLI's size: bundled into dist/cli.js it cost every `validate` and `evaluate` run ~80 ms
// of script compilation and ~15 MB of memory. So the CLI loads the AWS layer (dist/aws.js, the same bundle the
// extension loads lazily) only in the subcommands that call AWS, and only when they do.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as AwsLayer from '../aws/index';

export type { AwsLayer };

let loaded: typeof AwsLayer | undefined;

export function loadAwsLayer(): typeof AwsLayer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose (see above)
  loaded ??= require(awsBundlePath()) as typeof AwsLayer;
  return loaded;
}

/** dist/aws.js beside dist/cli.js when installed; tests run the CLI's code from out/test/..., so look upward too. */
function awsBundlePath(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'aws.js'), join(dir, 'dist', 'aws.js')]) if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`the AWS layer (dist/aws.js) is missing next to ${__dirname}: reinstall bedrock-mm, or run npm run build in a clone`);
  }
}
