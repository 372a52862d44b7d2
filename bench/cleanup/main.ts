// bench/cleanup: emptying an S3 prefix of 2,000 objects through the clean-up's S3 target (listing while deleting,
// DeleteObjects batches of 1,000 keys, 4 in flight) against the anchor measured in the same run on an identical
// prefix: one DeleteObject per key, in sequence (what a hand-written clean-up loop does). Both go through the real
// AWS SDK to the local emulator (s3rver). Ratio = ours / anchor (lower is better; target <= 0.25).
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createAwsSession } from '../../src/aws/session';
import { s3PrefixTarget } from '../../src/aws/cleanup/s3Target';
import { abortableSleep } from '../../src/core/cleanup/retry';
import type { PlanResource } from '../../src/core/cleanup/plan';
import { startEmulator } from '../../emulator';

const N = 2000;
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

async function main(): Promise<void> {
  const emulator = await startEmulator({});
  const session = createAwsSession({ region: 'us-east-1', endpoints: { s3: emulator.endpoints.s3 }, credentials: async () => credentials });
  const raw = new S3Client({ region: 'us-east-1', endpoint: emulator.endpoints.s3, forcePathStyle: true, credentials });
  try {
    await session.s3.createBucket('bench');
    const fill = async (prefix: string): Promise<string[]> => {
      const keys = Array.from({ length: N }, (_, i) => `${prefix}obj-${i}.bin`);
      for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => session.s3.putObject('bench', k, 'x')));
      return keys;
    };
    const anchorKeys = await fill('anchor/');
    await fill('ours/');

    let t = performance.now();
    for (const Key of anchorKeys) await raw.send(new DeleteObjectCommand({ Bucket: 'bench', Key }));
    const anchorMs = performance.now() - t;

    const resource: PlanResource = { key: 's3-prefix:s3://bench/ours/', kind: 's3-prefix', label: 's3://bench/ours/', identity: { bucket: 'bench', prefix: 'ours/' }, region: 'us-east-1', reasons: [], cost: { kind: 's3-storage' }, after: [], selected: true };
    const target = s3PrefixTarget(session.s3, { sleep: abortableSleep });
    t = performance.now();
    await target.delete(resource, { signal: new AbortController().signal, report: () => undefined });
    const oursMs = performance.now() - t;
    const left = (await target.exists(resource, new AbortController().signal)).present;
    if (left) throw new Error('objects left under the prefix after the clean-up');

    const ratio = oursMs / anchorMs;
    console.log(`anchor (DeleteObject per key, sequential): ${anchorMs.toFixed(0)} ms for ${N} objects`);
    console.log(`ours (batched DeleteObjects, 4 in flight):  ${oursMs.toFixed(0)} ms for ${N} objects`);
    console.log(`RESULT cleanup ratio=${ratio.toFixed(3)} anchor=sequential-DeleteObject-per-key target=0.25`);
  } finally {
    raw.destroy();
    session.dispose();
    await emulator.stop();
  }
}

main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
