// What a launch states before anything is created: the job and model it creates, the data, the region and the cost
// (from a price the user configured, never an invented number). One text for the editor's confirmation and
// `bedrock-mm launch`.
import { commitmentConsequence, commitmentLabel, throughputCostWording } from './commitment';
import type { JobSpec } from './jobSpec';

/** The training cost sentence; `priceSource` says where the user sets the price (a setting, or a flag). */
export function trainingCostLine(spec: JobSpec, records: number | undefined, price: number | undefined, priceSource: string): string {
  if (price === undefined || !(price > 0)) return `Training cost: set ${priceSource} (from the AWS pricing page) to see an estimate.`;
  const epochs = Number(spec.hyperParameters.epochCount);
  if (!Number.isFinite(epochs) || records === undefined) return `Training cost: depends on the epoch count Bedrock picks (your price: $${price} per record per epoch).`;
  return `Training cost: about $${(records * epochs * price).toFixed(2)} (${records} records x ${epochs} epochs x your configured $${price}).`;
}

export interface LaunchStatementInput {
  spec: JobSpec;
  region: string;
  /** Lines about local files uploaded first (the editor's wizard). */
  uploads?: readonly string[];
  trainingRecords: number | undefined;
  price: number | undefined;
  priceSource: string;
  /** The pre-flight's warnings, already worded. */
  warnings?: readonly string[];
}

export function launchStatement(i: LaunchStatementInput): string[] {
  const { spec } = i;
  return [
    `Creates customization job "${spec.jobName}" and, when it completes, custom model "${spec.customModelName}" (billed monthly for storage).`,
    `Base model ${spec.baseModel}; epochs ${spec.hyperParameters.epochCount}, batch size ${spec.hyperParameters.batchSize}, learning rate ${spec.hyperParameters.learningRate}.`,
    `Data ${spec.trainingData}${spec.validationData ? ` + ${spec.validationData}` : ''}; output ${spec.outputData}; region ${i.region}.`,
    ...(i.uploads ?? []),
    trainingCostLine(spec, i.trainingRecords, i.price, i.priceSource),
    ...(i.warnings ?? []),
  ];
}

export interface ProvisionStatementInput {
  name: string;
  modelName: string;
  units: number;
  commitment: string | undefined;
  /** Per model unit per hour, as the user configured it; undefined: unknown. */
  hourlyPrice: number | undefined;
  priceSource: string;
}

/** What Provision Throughput states before it creates anything: what, its commitment and what it bills. */
export function provisionStatement(i: ProvisionStatementInput): string[] {
  return [
    `Creates provisioned throughput "${i.name}" serving ${i.modelName} with ${i.units} model unit(s).`,
    `${commitmentLabel(i.commitment)}: ${commitmentConsequence(i.commitment)}`,
    throughputCostWording(i.units, i.commitment, i.hourlyPrice, i.priceSource),
  ];
}

/** The throughput name offered for a model: `<model>-pt`, in the characters and length Bedrock allows. */
export function defaultThroughputName(modelName: string): string {
  return `${modelName}-pt`.replace(/[^0-9a-zA-Z_-]/g, '-').slice(0, 63);
}
