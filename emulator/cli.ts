// Command-line flags of `npm run emulator` / `node out/emulator/main.js` -> EmulatorOptions.
import type { FaultConfig } from './faults';
import type { EmulatorOptions } from './options';

export const USAGE = `Usage: node out/emulator/main.js [flags]   (npm run emulator -- [flags])
Starts the local AWS emulator and prints one JSON line with its endpoints once ready; runs until SIGINT/SIGTERM.
  --job-duration-ms N          simulated job run time (default 60000)
  --batch-duration-ms N        batch inference job submission -> end (default 60000)
  --batch-min-records N        minimum records per batch inference job (default 100, as AWS)
  --stop-duration-ms N         Stopping -> Stopped (default 5000)
  --throughput-duration-ms N   provisioned throughput Creating -> InService (default 10000)
  --collection-duration-ms N   Serverless collection CREATING -> ACTIVE (default 5000)
  --visibility-delay-ms N      indexed documents become searchable after N ms (default 2000)
  --min-training-records N     minimum training records a job accepts (default 1000, as AWS)
  --min-validation-records N   minimum validation records (default 8, as AWS)
  --max-concurrent-jobs N      ServiceQuotaExceededException beyond N running jobs (default 10)
  --runtime-rpm N              on-demand InvokeModel requests per minute before throttling (default 0: unlimited)
  --collection-kind K          classic (refuses document ids, default) or nextgen
  --manual-clock               simulated time moves only through admin POST /clock
  --seed N                     fault-injection seed (default 1)
  --throttle-rate R            0..1, every service (admin POST /faults sets them per service)
  --error-rate R               0..1
  --drop-rate R                0..1
  --latency-ms N               added to every response
  --expired-credentials        every request fails as with expired credentials
  --sample-data                generate and upload the sample dataset (26 letters) to s3://bedrock-mm-demo
  --sample-images-per-class N  originals per letter (default 25 -> 1,040 training records)
  --sample-bucket NAME         bucket for the sample dataset (default bedrock-mm-demo)
  --s3-dir DIR                 keep S3 data in DIR (default: a temp directory removed on stop)
  --help`;

export class UsageError extends Error {}

const NUMERIC: Record<string, keyof EmulatorOptions> = {
  '--job-duration-ms': 'jobDurationMs',
  '--stop-duration-ms': 'stopDurationMs',
  '--batch-duration-ms': 'batchDurationMs',
  '--batch-min-records': 'batchMinRecords',
  '--throughput-duration-ms': 'throughputDurationMs',
  '--collection-duration-ms': 'collectionDurationMs',
  '--visibility-delay-ms': 'visibilityDelayMs',
  '--min-training-records': 'minTrainingRecords',
  '--min-validation-records': 'minValidationRecords',
  '--seed': 'seed',
  '--max-concurrent-jobs': 'maxConcurrentJobs',
  '--runtime-rpm': 'runtimeRequestsPerMinute',
};
const FAULTS: Record<string, keyof FaultConfig> = {
  '--throttle-rate': 'throttleRate',
  '--error-rate': 'errorRate',
  '--drop-rate': 'dropRate',
  '--latency-ms': 'latencyMs',
};

export function parseFlags(argv: string[]): Partial<EmulatorOptions> & { help?: boolean } {
  const out: Partial<EmulatorOptions> & { help?: boolean } = {};
  const faults: Partial<FaultConfig> = {};
  let sample: { imagesPerClass?: number; bucket?: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const number = (): number => {
      const v = value();
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} needs a non-negative number, not ${v}`);
      return n;
    };
    const numeric = NUMERIC[flag];
    const fault = FAULTS[flag];
    if (numeric) (out as Record<string, unknown>)[numeric] = number();
    else if (fault) (faults as Record<string, unknown>)[fault] = number();
    else if (flag === '--expired-credentials') faults.expiredCredentials = true;
    else if (flag === '--manual-clock') out.manualClock = true;
    else if (flag === '--collection-kind') {
      const k = value();
      if (k !== 'classic' && k !== 'nextgen') throw new UsageError('--collection-kind must be classic or nextgen');
      out.collectionKind = k;
    } else if (flag === '--sample-data') sample ??= {};
    else if (flag === '--sample-images-per-class') (sample ??= {}).imagesPerClass = number();
    else if (flag === '--sample-bucket') (sample ??= {}).bucket = value();
    else if (flag === '--s3-dir') out.s3Directory = value();
    else if (flag === '--help' || flag === '-h') out.help = true;
    else throw new UsageError(`unknown flag ${flag}`);
  }
  if (Object.keys(faults).length > 0) out.faults = faults;
  if (sample) out.sampleData = Object.keys(sample).length > 0 ? sample : true;
  return out;
}
