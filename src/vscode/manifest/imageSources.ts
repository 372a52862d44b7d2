// The image reader the hover and "Validate images" share: S3 through the lazily loaded AWS layer (never at
// activation), local paths relative to the manifest. Rebuilt when the profile, region or S3 endpoint changes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { S3ImageSource } from '../../aws/index';
import { routedImageSource } from '../../core/image/fileSource';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../../core/image/header';
import type { ImageSource } from '../../core/image/source';
import { ImageCheckCache } from '../../core/manifest';
import { loadAws } from '../shell/awsLoader';
import type { Config } from '../shell/config';

export class ImageSources implements vscode.Disposable {
  private s3: S3ImageSource | undefined;
  /** Results by ETag, shared by hover and deep check, for the extension's lifetime. */
  readonly cache = new ImageCheckCache();
  private readonly sub: vscode.Disposable;

  constructor(private readonly config: Config) {
    this.sub = config.onDidChange(['profile', 'region', 'endpoints.s3'], () => this.reset());
  }

  s3Source(): S3ImageSource {
    this.s3 ??= loadAws().createS3ImageSource({
      region: this.config.get('region') || undefined,
      endpoint: this.config.get('endpoints.s3') || undefined,
      profile: this.config.get('profile') || undefined,
    });
    return this.s3;
  }

  /** S3 refs go to S3 (loaded on first use); other refs are files next to the manifest. */
  forDocument(doc: vscode.TextDocument): ImageSource {
    const lazyS3: ImageSource = { read: (ref, length, etag) => this.s3Source().read(ref, length, etag) };
    return routedImageSource(lazyS3, path.dirname(doc.uri.fsPath));
  }

  limits(): ImageLimits {
    return {
      ...DEFAULT_IMAGE_LIMITS,
      maxBytes: this.config.get('manifest.maxImageMegabytes') * 1024 * 1024,
      minSide: this.config.get('manifest.minImageSide'),
    };
  }

  private reset(): void {
    this.s3?.dispose();
    this.s3 = undefined;
  }

  dispose(): void {
    this.reset();
    this.sub.dispose();
  }
}
