// The consequence of each commitment choice for a provisioned throughput, spelled out (docs/reference/bedrock-tmme.md
// §4.4).
import type { Commitment } from './types';

export interface CommitmentChoice {
  value: Commitment | undefined;
  label: string;
  consequence: string;
}

export const COMMITMENT_CHOICES: readonly CommitmentChoice[] = [
  {
    value: undefined,
    label: 'No commitment',
    consequence: 'Billed every hour until you delete it. Deleting it stops the billing at once.',
  },
  {
    value: 'OneMonth',
    label: 'One month',
    consequence: 'Billed for one full month at the committed rate; it cannot be deleted before the month ends.',
  },
  {
    value: 'SixMonths',
    label: 'Six months',
    consequence: 'Billed for six full months at the committed rate; it cannot be deleted before the term ends.',
  },
];

export function commitmentConsequence(value: string | undefined): string {
  const choice = COMMITMENT_CHOICES.find((c) => (c.value ?? '') === (value ?? ''));
  return choice?.consequence ?? `Commitment ${value ?? ''}: see the AWS pricing page.`;
}

export function commitmentLabel(value: string | undefined): string {
  return COMMITMENT_CHOICES.find((c) => (c.value ?? '') === (value ?? ''))?.label ?? String(value);
}

/**
 * A cost sentence from a price the user configured (never an invented number). `hourlyPrice` is per model unit
 * per hour; undefined or non-positive means the price is unknown and the sentence says where to set it.
 */
export function throughputCostWording(
  modelUnits: number, commitment: string | undefined, hourlyPrice: number | undefined, settingName: string,
): string {
  if (hourlyPrice === undefined || !(hourlyPrice > 0)) {
    return `Price unknown: set ${settingName} to see an estimate.`;
  }
  const perHour = modelUnits * hourlyPrice;
  const hours = commitment === 'OneMonth' ? 730 : commitment === 'SixMonths' ? 6 * 730 : undefined;
  const hourly = `about $${perHour.toFixed(2)} per hour (${modelUnits} model unit(s) at your configured $${hourlyPrice}/h)`;
  return hours === undefined
    ? `${hourly}, about $${(perHour * 24).toFixed(2)} per day while it exists.`
    : `${hourly}, about $${(perHour * hours).toFixed(2)} over the commitment term.`;
}
