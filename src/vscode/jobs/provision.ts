// "Provision Throughput" from one custom model (bound to that model, never "the first completed job"):
// name, model units, commitment with its consequence, a confirmation with the cost where known; then the new
// throughput is watched Creating -> InService by the explorer's poller.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { COMMITMENT_CHOICES } from '../../core/lifecycle/commitment';
import { defaultThroughputName, provisionStatement } from '../../core/lifecycle/launchStatement';
import { ledgerEntry, type LedgerSink } from '../../core/cleanup/ledger';
import { deriveClientRequestToken } from '../../core/lifecycle/requestToken';
import { runSteps, type InputDriver, type Step } from '../../core/lifecycle/steps';
import { resourceTags } from '../../core/lifecycle/tags';
import type { Commitment, CreateThroughputRequest } from '../../core/lifecycle/types';
import { validateModelUnits, validateThroughputName } from '../../core/lifecycle/validators';
import type { Explorer } from '../explorer/explorer';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import { projectName } from './launcher';
import { recordCreated } from '../shell/recordCreated';

interface ProvisionState { name?: string; units?: string; commitment?: string }

const NONE = 'none';
type PriceKey = 'pricing.throughputHourlyNoCommitment' | 'pricing.throughputHourlyOneMonth' | 'pricing.throughputHourlySixMonths';
const PRICE_SETTING: Record<string, PriceKey> = {
  [NONE]: 'pricing.throughputHourlyNoCommitment',
  OneMonth: 'pricing.throughputHourlyOneMonth',
  SixMonths: 'pricing.throughputHourlySixMonths',
};

function steps(modelName: string): Step<ProvisionState>[] {
  const title = `Provision Throughput for ${modelName}`;
  return [
    {
      kind: 'text', id: 'name', title, prompt: 'Name of the provisioned throughput', validate: validateThroughputName,
      initial: (s) => s.name ?? defaultThroughputName(modelName), apply: (s, v) => { s.name = v; },
    },
    {
      kind: 'text', id: 'units', title, prompt: 'Model units (each unit is billed; your quota may limit them)', validate: validateModelUnits,
      initial: (s) => s.units ?? '1', apply: (s, v) => { s.units = v.trim(); },
    },
    {
      kind: 'pick', id: 'commitment', title, placeholder: 'Commitment term',
      choices: () => COMMITMENT_CHOICES.map((c) => ({ label: c.label, value: c.value ?? NONE, detail: c.consequence })),
      apply: (s, v) => { s.commitment = v; },
    },
  ];
}

export async function provisionThroughput(
  modelArn: string, explorer: Explorer, config: Config, log: Log, driver: InputDriver, ledger: LedgerSink,
): Promise<string | undefined> {
  const source = await explorer.host.current();
  let model;
  try { model = await source.getModel(modelArn); } catch (err) {
    throw source.failure(err, 'reading the custom model');
  }
  if (model.modelStatus !== undefined && model.modelStatus !== 'Active') {
    void vscode.window.showWarningMessage(`Model "${model.modelName}" is ${model.modelStatus}: only an Active model can be provisioned.`);
    return undefined;
  }
  const state: ProvisionState = {};
  if (!(await runSteps(steps(model.modelName), state, driver))) return undefined;
  const commitment = state.commitment === NONE ? undefined : (state.commitment as Commitment);
  const units = Number(state.units);
  const settingKey = PRICE_SETTING[state.commitment ?? NONE] ?? 'pricing.throughputHourlyNoCommitment';
  const detail = provisionStatement({
    name: state.name ?? '', modelName: model.modelName, units, commitment,
    hourlyPrice: config.get(settingKey), priceSource: `bedrockCustomizer.${settingKey}`,
  }).join('\n');
  if ((await driver.confirm(`Provision throughput "${state.name}"?`, detail, ['Provision'])) !== 'Provision') return undefined;
  const base = { provisionedModelName: state.name ?? '', modelId: modelArn, modelUnits: units, tags: resourceTags(projectName()) };
  const request: CreateThroughputRequest = {
    ...base, ...(commitment ? { commitmentDuration: commitment } : {}),
    clientRequestToken: deriveClientRequestToken(base, randomUUID()),
  };
  try {
    const arn = await source.createThroughput(request);
    log.info(`Provisioning ${state.name}: ${arn}`);
    await recordCreated(ledger, log, () => [ledgerEntry('provisioned-throughput', { arn, name: state.name ?? '' }, `Provision Throughput for ${model.modelName}`)]);
    const node = explorer.put('throughput', await source.getThroughput(arn));
    await explorer.views.throughput.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
    return arn;
  } catch (err) {
    throw source.failure(err, 'provisioning throughput');
  }
}
