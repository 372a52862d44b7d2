// `--deep` for the CLI: reads the first bytes of every referenced image, S3 through the AWS SDK's default credential
// chain (AWS_PROFILE, AWS_REGION, ...; AWS_ENDPOINT_URL_S3 or BMC_EMULATOR redirects it, see endpoints.ts), local
// paths relative to the manifest. BEDROCK_MM_DEEP_CONCURRENCY bounds the parallel reads (default 32).
import { dirname } from 'node:path';
import { routedImageSource } from '../core/image/fileSource';
import { s3ImageSource } from '../core/image/s3Source';
import { decodeManifest, forEachLine, scanJsonLine, type ManifestDiagnostic } from '../core/manifest';
import { deepCheck, imageTargets } from '../core/manifest/deep';
import { imageRefsAt, placeImages, sharedImageDiagnostics, type ImageAt } from '../core/manifest/sharedImages';
import { DEFAULT_NEAR_DUPLICATE_DISTANCE } from '../core/eval/leakage';
import { loadAwsLayer, type AwsLayer } from './awsLayer';
import type { CliIo } from './run';

function sessionFor(endpoints: AwsLayer.AwsEndpoints): AwsLayer.AwsSession {
  return loadAwsLayer().createAwsSession({ profile: process.env['AWS_PROFILE'] || undefined, region: undefined, endpoints });
}

/** Warnings on the validation manifest for images it shares with the training one (core/manifest/sharedImages.ts). */
export async function sharedImagesCheck(training: { path: string; bytes: Uint8Array }, validation: { path: string; bytes: Uint8Array }, endpoints: AwsLayer.AwsEndpoints): Promise<ManifestDiagnostic[] | string> {
  const concurrency = Number(process.env['BEDROCK_MM_DEEP_CONCURRENCY'] ?? 32) || 32;
  const session = sessionFor(endpoints);
  try {
    const side = async (f: { path: string; bytes: Uint8Array }): Promise<{ path: string; images: ImageAt[] }> => {
      const refs = imageRefsAt(decodeManifest(f.bytes).text);
      const ids = await loadAwsLayer().readImageIdentities(() => session.s3, dirname(f.path), [...new Set(refs.map((r) => r.ref))], concurrency);
      return { path: f.path, images: placeImages(refs, ids) };
    };
    return sharedImageDiagnostics(await side(validation), await side(training), DEFAULT_NEAR_DUPLICATE_DISTANCE);
  } catch (err) {
    return `${validation.path} and ${training.path}: ${(err as Error).message}`;
  } finally {
    session.dispose();
  }
}

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
