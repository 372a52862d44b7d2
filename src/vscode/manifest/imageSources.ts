// The image reader the hover and "Validate images" share: S3 through the AWS session of the current profile and
// region (the SDK loads on first use, never at activation), local paths relative to the manifest.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { routedImageSource } from '../../core/image/fileSource';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../../core/image/header';
import { s3ImageSource } from '../../core/image/s3Source';
import type { ImageSource } from '../../core/image/source';
import { ImageCheckCache, parseS3Uri } from '../../core/manifest';
import type { AwsContext } from '../session/awsContext';
import type { Config } from '../shell/config';

export class ImageSources {
  /** Results by ETag, shared by hover and deep check, for the extension's lifetime. */
  readonly cache = new ImageCheckCache();

  constructor(private readonly config: Config, private readonly aws: AwsContext) {}

  /** S3 refs go to the current session's S3; other refs are files next to the manifest. */
  forDocument(doc: vscode.TextDocument): ImageSource {
    const s3: ImageSource = {
      read: async (ref, length, etag) => s3ImageSource((await this.aws.session()).s3).read(ref, length, etag),
    };
    return routedImageSource(s3, path.dirname(doc.uri.fsPath));
  }

  /** A whole small object (hover preview), or undefined when it is larger than `maxBytes`. */
  async readSmall(ref: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const loc = parseS3Uri(ref);
    if (!loc) return undefined;
    const s3 = (await this.aws.session()).s3;
    const head = await s3.headObject(loc.bucket, loc.key);
    return head.size <= maxBytes ? s3.getObject(loc.bucket, loc.key) : undefined;
  }

  async upload(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void> {
    await (await this.aws.session()).s3.putObject(bucket, key, body, contentType);
  }

  limits(): ImageLimits {
    return {
      ...DEFAULT_IMAGE_LIMITS,
      maxBytes: this.config.get('manifest.maxImageMegabytes') * 1024 * 1024,
      minSide: this.config.get('manifest.minImageSide'),
    };
  }
}
