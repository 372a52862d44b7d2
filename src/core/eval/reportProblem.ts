// Why a value read from disk is not a report this version reads. Pure (no vscode), unit-tested.
import { isComparisonReport, READABLE_REPORT_VERSIONS, REPORT_SCHEMA_VERSION } from '../../protocol/report';

/** Why a parsed value is not a report this version reads (pure, for tests and the CLI alike). */
export function reportProblem(value: unknown): string | undefined {
  if (isComparisonReport(value)) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a comparison report (expected a JSON object)';
  const version = (value as Record<string, unknown>)['schemaVersion'];
  if (typeof version === 'number' && version > REPORT_SCHEMA_VERSION) {
    return `was written by a newer version (report schema ${version}, this extension reads ${REPORT_SCHEMA_VERSION}): update the extension`;
  }
  if (version === undefined) return 'is not a comparison report (no "schemaVersion"); open a report written by "Compare Models" or `bedrock-mm evaluate --format json`';
  return `is not a comparison report this version can read (schema ${String(version)}, needs one of ${READABLE_REPORT_VERSIONS.join(', ')} with "models" and "modes")`;
}
