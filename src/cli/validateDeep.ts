// `--deep` for the CLI: reads every referenced image (placeholder until the deep check lands).
import type { ManifestDiagnostic } from '../core/manifest';
import type { CliIo } from './run';

export async function deepCheckFile(_path: string, _bytes: Uint8Array, _io: CliIo): Promise<ManifestDiagnostic[] | string> {
  return 'the deep check is not available yet';
}
