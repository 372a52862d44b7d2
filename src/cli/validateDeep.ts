// `--deep` for the CLI: reads the first bytes of every referenced image, S3 through the AWS SDK's default credential
// chain (AWS_PROFILE, AWS_REGION, ...; AWS_ENDPOINT_URL_S3 or BMC_EMULATOR redirects it, see endpoints.ts), local
// paths relative to the manifest. BEDROCK_MM_DEEP_CONCURRENCY bounds the parallel reads (default 32).
import { dirname } from 'node:path';
import { routedImageSource } from '../core/image/fileSource';
import { s3ImageSource } from '../core/image/s3Source';
import { decodeManifest, forEachLine, scanJsonLine, type ManifestDiagnostic } from '../core/manifest';
import { deepCheck, imageTargets } from '../core/manifest/deep';
import { loadAwsLayer, type AwsLayer } from './awsLayer';
import type { CliIo } from './run';

/** `endpoints`: what validate read once for the run (endpoints.ts). */
export async function deepCheckFile(path: string, bytes: Uint8Array, io: CliIo, endpoints: AwsLayer.AwsEndpoints): Promise<ManifestDiagnostic[] | string> {
  const { text } = decodeManifest(bytes);
  const lines: [number, string][] = [];
  forEachLine(text, (start, end, line) => { lines.push([line, text.slice(start, end)]); });
  const targets = imageTargets(lines);
  const concurrency = Number(process.env['BEDROCK_MM_DEEP_CONCURRENCY'] ?? 32) || 32;
  const session = loadAwsLayer().createAwsSession({
    profile: process.env['AWS_PROFILE'] || undefined,
    region: undefined, // the profile's region, else AWS_REGION, else us-east-1 (the session decides)
    endpoints,
  });
  try {
    const started = Date.now();
    const result = await deepCheck(targets, routedImageSource(s3ImageSource(session.s3), dirname(path)), {
      concurrency,
      rangeOf: (line) => {
        const m = scanJsonLine(lines[line]?.[1] ?? '').members.filter((x) => x.key === 'image-ref').pop();
        return m ? [m.valueStart, m.valueEnd] : [0, 0];
      },
    });
    io.stderr.write(`${path}: checked ${result.checked} images in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return result.diagnostics;
  } catch (err) {
    return `${path}: ${(err as Error).message}`;
  } finally {
    session.dispose();
  }
}
