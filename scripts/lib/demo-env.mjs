// The demo environment, shared by `npm run demo` and the e2e tests so both show the same thing: the emulator's
// sample dataset uploaded to its S3, a workspace with manifests (one with deliberate mistakes), a job spec and a
// compare spec, code-server user settings pointing the extension at the emulator, and a `demo` AWS profile with
// dummy keys (the emulator accepts any key; nothing here can reach real AWS).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_PROFILE = 'demo';
export const DEMO_ROLE_ARN = 'arn:aws:iam::123456789012:role/BedrockMmDemoFineTuning';
export const BASE_MODEL = 'amazon.titan-embed-image-v1';
/** In the compare spec until the user pastes the provisioned throughput's ARN (Copy ARN in the explorer). */
export const FINE_TUNED_PLACEHOLDER = 'PASTE-THE-PROVISIONED-THROUGHPUT-ARN-HERE';

/** Emulator flags for the demo: jobs finish in about a minute, throughputs in 10 s (the emulator's defaults). */
export const DEMO_EMULATOR_FLAGS = ['--job-duration-ms', '60000', '--throughput-duration-ms', '10000'];
/** Emulator flags for the e2e tests: the same path in seconds. */
export const E2E_EMULATOR_FLAGS = ['--job-duration-ms', '4000', '--stop-duration-ms', '1000', '--throughput-duration-ms', '2000', '--batch-duration-ms', '3000',
  '--collection-duration-ms', '1000', '--visibility-delay-ms', '500'];

/** Uploads the sample dataset (26 letters, 1,040 training / 260 validation / 78 test records) to the emulator's S3. */
export async function uploadSampleData(endpoints) {
  const r = await fetch(`${endpoints.admin}/sample-data`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!r.ok) throw new Error(`the emulator refused the sample data: ${r.status} ${await r.text()}`);
  return /** @type {{bucket: string, training: string, validation: string, test: string, counts: Record<string, number>}} */ (await r.json());
}

async function readS3Text(endpoints, s3Uri) {
  const u = new URL(s3Uri);
  const r = await fetch(`${endpoints.s3}/${u.host}${u.pathname}`); // the emulator's S3 takes any (or no) credentials
  if (!r.ok) throw new Error(`could not read ${s3Uri} from the emulator: ${r.status}`);
  return r.text();
}

/** A manifest with one mistake per line kind the editor flags, each on its own line (1-based numbers in comments). */
export function manifestWithMistakes(bucket) {
  const img = (k) => `s3://${bucket}/images/${k}`;
  const ok = (k, letter) => JSON.stringify({ 'image-ref': img(k), caption: `The letter ${letter} in sign language` });
  return [
    ok('A/A1.png', 'A'), // 1: fine
    `{"image-ref": "${img('B/B1.png')}", "caption": "The letter B in sign language",}`, // 2: trailing comma (quick fix)
    `{"image_ref": "${img('C/C1.png')}", "caption": "The letter C in sign language"}`, // 3: misspelled key (quick fix)
    `{"image-ref": "https://${bucket}.s3.amazonaws.com/images/D/D1.png", "caption": "The letter D in sign language"}`, // 4: not an s3:// URI
    ok('A/A1.png', 'A'), // 5: duplicate of line 1 (quick fix)
    JSON.stringify({ 'image-ref': img('E/E1.png'), caption: `The letter E in sign language ${'and more '.repeat(300)}` }), // 6: caption too long
    ok('F/F1.png', 'F'), // 7: fine
  ].join('\n') + '\n';
}

/**
 * Writes the demo workspace into `dir` from the uploaded sample data.
 * @returns the paths of the files written
 */
export async function writeDemoWorkspace(dir, endpoints, data) {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const files = {
    training: join(dir, 'data', 'train.jsonl'),
    validation: join(dir, 'data', 'validation.jsonl'),
    mistakes: join(dir, 'data', 'letters-draft.manifest.jsonl'),
    // A local copy of the test set, for Compare Models from a model in the explorer (it asks for a JSONL file).
    test: join(dir, 'data', 'test.jsonl'),
    jobSpec: join(dir, 'letters.bedrock-job.json'),
    compareSpec: join(dir, 'letters.compare.json'),
  };
  writeFileSync(files.training, await readS3Text(endpoints, data.training));
  writeFileSync(files.validation, await readS3Text(endpoints, data.validation));
  writeFileSync(files.test, await readS3Text(endpoints, data.test));
  writeFileSync(files.mistakes, manifestWithMistakes(data.bucket));
  writeFileSync(files.jobSpec, `${JSON.stringify({
    jobName: 'letters-finetune-1',
    customModelName: 'letters-tuned-1',
    roleArn: DEMO_ROLE_ARN,
    baseModel: `${BASE_MODEL}:0`,
    trainingData: data.training,
    validationData: data.validation,
    outputData: `s3://${data.bucket}/output/`,
    hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00005 },
    tags: { project: 'sign-language-letters' },
  }, null, 2)}\n`);
  writeFileSync(files.compareSpec, `${JSON.stringify({
    testSet: { manifest: data.test },
    trainingManifest: data.training,
    labelRegex: 'The letter (\\w) in sign language',
    queries: { template: 'The letter {label} in sign language' },
    models: [
      { name: 'base', modelId: BASE_MODEL, baseline: true },
      { name: 'fine-tuned', modelId: FINE_TUNED_PLACEHOLDER },
    ],
    embeddingLength: 384,
    modes: ['text-to-image', 'classify'],
    k: [1, 5],
    vectorStore: { type: 'exact' },
  }, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), [
    '# Bedrock Multimodal Customizer demo (local emulator, no AWS account)',
    '',
    '1. Open `data/letters-draft.manifest.jsonl`: the Problems panel lists its mistakes; the lightbulb fixes some.',
    '2. Open `letters.bedrock-job.json` and click **Launch** above it (or run **Bedrock Customizer: Launch Fine-Tuning...**).',
    '3. Watch the job in the **Bedrock Customizer** sidebar; it completes in about a minute.',
    '4. Right-click the custom model > **Provision Throughput...**.',
    '5. Right-click the throughput > **Copy ARN**, paste it into `letters.compare.json` for `fine-tuned`, then',
    '   click **Run comparison** above it (or run **Bedrock Customizer: Compare Models...**).',
    '6. Run **Bedrock Customizer: Clean Up...** to delete what the demo created.',
    '',
  ].join('\n'));
  return files;
}

/** code-server user settings: the extension's endpoints at the emulator and the demo profile. */
export function demoSettings(endpoints) {
  return {
    'bedrockCustomizer.endpoints.bedrock': endpoints.bedrock,
    'bedrockCustomizer.endpoints.bedrockRuntime': endpoints.bedrockRuntime,
    'bedrockCustomizer.endpoints.s3': endpoints.s3,
    'bedrockCustomizer.endpoints.opensearchServerless': endpoints.opensearchServerless,
    // Clean Up asks STS which account it is in (plans and the ledger are per account); IAM lists service roles.
    'bedrockCustomizer.endpoints.sts': endpoints.sts,
    'bedrockCustomizer.endpoints.iam': endpoints.iam,
    'bedrockCustomizer.endpoints.serviceQuotas': endpoints.serviceQuotas,
    'bedrockCustomizer.profile': DEMO_PROFILE,
    'bedrockCustomizer.region': 'us-east-1',
    'bedrockCustomizer.explorer.pollSeconds': 2,
  };
}

/**
 * Writes a `demo` profile with dummy keys under `home` and returns the environment for code-server (its extension
 * host inherits it): the AWS files point there, and the instance metadata service is never asked.
 */
export function demoAwsEnv(home, endpoints) {
  const aws = join(home, 'aws');
  mkdirSync(aws, { recursive: true });
  const credentials = join(aws, 'credentials');
  const config = join(aws, 'config');
  writeFileSync(credentials, `[${DEMO_PROFILE}]\naws_access_key_id = AKIAEMULATORDEMO0000\naws_secret_access_key = emulator-demo-secret\n`);
  writeFileSync(config, `[profile ${DEMO_PROFILE}]\nregion = us-east-1\n`);
  return {
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_CONFIG_FILE: config,
    AWS_EC2_METADATA_DISABLED: 'true',
    BMC_EMULATOR: JSON.stringify(endpoints),
  };
}
