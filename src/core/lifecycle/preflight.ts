// Pre-flight rules run before anything is created: every finding says what is wrong and what to do. The inputs are
// facts already gathered by the glue (manifest validation summaries, region, whether the output is writable), so
// the rules themselves are pure and tested directly.

import { DEFAULT_MANIFEST_LIMITS } from '../manifest/types';

/** The manifest validator's limits are the one source of the record ranges. */
const RECORD_LIMITS = {
  training: { min: DEFAULT_MANIFEST_LIMITS.trainingRecords[0], max: DEFAULT_MANIFEST_LIMITS.trainingRecords[1] },
  validation: { min: DEFAULT_MANIFEST_LIMITS.validationRecords[0], max: DEFAULT_MANIFEST_LIMITS.validationRecords[1] },
} as const;

export interface ManifestFacts {
  uri: string;
  /** Undefined when the manifest could not be read (the reason is in `readError`). */
  records?: number;
  errors: number;
  warnings: number;
  readError?: string;
  /** A few first messages, to show in the finding. */
  samples?: string[];
  /** A sample of the referenced images checked for existence in S3 (the full check is "Validate images"). */
  images?: { checked: number; missing: string[] };
}

export interface PreflightInput {
  /** The session's region, whether it offers TMME customization, and where it is offered (src/core/awsRules/regions). */
  region: { name: string; offered: boolean; offeredIn: readonly string[] };
  training: ManifestFacts;
  validation?: ManifestFacts;
  output: { uri: string; writable: boolean; reason?: string };
}

export interface PreflightFinding { severity: 'error' | 'warning'; subject: string; message: string }

export interface PreflightResult {
  findings: PreflightFinding[];
  /** False when any error: nothing may be created. */
  canLaunch: boolean;
  /** True when only warnings: the user must choose "Launch anyway". */
  needsConfirmation: boolean;
}

function manifestFindings(kind: 'training' | 'validation', m: ManifestFacts): PreflightFinding[] {
  const subject = `${kind} manifest ${m.uri}`;
  if (m.readError !== undefined) return [{ severity: 'error', subject, message: `Could not read it: ${m.readError}` }];
  const out: PreflightFinding[] = [];
  const sample = m.samples && m.samples.length > 0 ? ` First: ${m.samples.slice(0, 3).join('; ')}` : '';
  if (m.errors > 0) out.push({ severity: 'error', subject, message: `${m.errors} error(s): Bedrock would reject the job. Open the file to fix them.${sample}` });
  if (m.warnings > 0) out.push({ severity: 'warning', subject, message: `${m.warnings} warning(s).${m.errors > 0 ? '' : sample}` });
  if (m.images && m.images.missing.length > 0) {
    out.push({
      severity: 'error', subject,
      message: `${m.images.missing.length} of ${m.images.checked} sampled images do not exist or cannot be read (first: ${m.images.missing[0]}). Run "Validate images" on the manifest for the full list.`,
    });
  }
  const { min, max } = RECORD_LIMITS[kind];
  if (m.records !== undefined && (m.records < min || m.records > max)) {
    out.push({ severity: 'error', subject, message: `${m.records} record(s); a ${kind} set needs ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.` });
  }
  return out;
}

export function runPreflight(input: PreflightInput): PreflightResult {
  const findings: PreflightFinding[] = [];
  if (!input.region.offered) {
    findings.push({
      severity: 'error', subject: `region ${input.region.name}`,
      message: `Titan Multimodal Embeddings fine-tuning is offered in ${input.region.offeredIn.join(' and ')} only: change bedrockCustomizer.region.`,
    });
  }
  findings.push(...manifestFindings('training', input.training));
  if (input.validation) findings.push(...manifestFindings('validation', input.validation));
  else findings.push({ severity: 'warning', subject: 'validation manifest', message: 'None given: a validation set is recommended (it gives the validation loss curve).' });
  if (!input.output.writable) {
    findings.push({
      severity: 'error', subject: `output ${input.output.uri}`,
      message: `Not writable: ${input.output.reason ?? 'unknown reason'}. Check the bucket exists and you may write to it.`,
    });
  }
  const canLaunch = findings.every((f) => f.severity !== 'error');
  return { findings, canLaunch, needsConfirmation: canLaunch && findings.length > 0 };
}
