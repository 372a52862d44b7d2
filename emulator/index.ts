// The local AWS emulator: Bedrock control plane and runtime, S3 (s3rver), OpenSearch Serverless control plane and
// an OpenSearch data-plane subset, each on its own loopback port, plus an admin API. Any access key is accepted;
// region us-east-1, account 123456789012. See emulator/README.md.
import { startAdmin } from './admin';
import { AossState } from './aoss/state';
import { aossControl } from './aoss/control';
import { seedBedrock } from './bedrock/seed';
import { bedrockControl } from './bedrock/control';
import { bedrockRuntime } from './bedrock/runtime';
import { RateLimiter } from './bedrock/rateLimit';
import { BedrockState } from './bedrock/state';
import { Clock } from './clock';
import { uploadSampleDataset, type DatasetOptions } from './dataset/upload';
import { FaultInjector } from './faults';
import { iamService, IamState, stsService } from './iam';
import { startServiceServer, type RunningServer } from './http';
import { DEFAULT_OPTIONS, type EmulatorOptions } from './options';
import { OpenSearchData } from './opensearch/data';
import { RequestLog } from './requestLog';
import { createS3Emulation, type ObjectStore } from './s3';
import { serviceQuotasService, ServiceQuotaState } from './serviceQuotas';
import type { Endpoints } from './services';

export type { EmulatorOptions } from './options';
export type { Endpoints } from './services';
export type { FaultConfig } from './faults';
export { DEFAULT_OPTIONS } from './options';
export { DEFAULT_DATASET, generateDataset, planDataset, type DatasetImage, type PlannedImage } from './dataset/generate';

export interface RunningEmulator {
  endpoints: Endpoints;
  /** Direct access to the emulated buckets (bypasses faults), e.g. to upload fixtures. */
  store: ObjectStore;
  /** Uploads the sample dataset (see dataset/) and returns its manifest URIs. */
  uploadSampleData(options?: Partial<DatasetOptions>): ReturnType<typeof uploadSampleDataset>;
  stop(): Promise<void>;
}

export async function startEmulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const opts: EmulatorOptions = { ...DEFAULT_OPTIONS, ...options };
  // POST /options changes some durations while running; POST /reset puts back the ones the emulator started with.
  const started = { ...opts };
  const clock = new Clock(opts.manualClock);
  const log = new RequestLog();
  const faults = new FaultInjector(opts.seed, opts.faults);
  const s3 = createS3Emulation(opts.s3Directory);
  const bedrock = new BedrockState(clock, s3.store, opts);
  const aoss = new AossState(clock, opts);
  const iam = new IamState(clock);
  const quotas = new ServiceQuotaState(opts);
  const ctx = { faults, log };
  const servers: RunningServer[] = [];
  try {
    const start = async (def: Parameters<typeof startServiceServer>[0]): Promise<string> => {
      const server = await startServiceServer(def, ctx);
      servers.push(server);
      return server.url;
    };
    const limiter = new RateLimiter(opts.runtimeRequestsPerMinute);
    const openSearch = new OpenSearchData(clock, aoss, { ...opts, knnMissRate: () => faults.get('opensearch').knnMissRate });
    const openSearchUrl = await start(openSearch.definition());
    aoss.setDataEndpoint(openSearchUrl);
    const endpoints: Omit<Endpoints, 'admin'> = {
      bedrock: await start(bedrockControl(bedrock, () => opts.jobDurationMs)),
      bedrockRuntime: await start(bedrockRuntime(bedrock, limiter)),
      s3: await start(s3.definition),
      opensearchServerless: await start(aossControl(aoss)),
      opensearch: openSearchUrl,
      sts: await start(stsService(clock)),
      iam: await start(iamService(iam)),
      serviceQuotas: await start(serviceQuotasService(quotas)),
    };
    const uploadSampleData = (o: Partial<DatasetOptions> = {}): ReturnType<typeof uploadSampleDataset> => uploadSampleDataset(s3.store, o);
    const admin = await startAdmin({
      log,
      faults,
      clock,
      options: opts,
      reset(keepS3) {
        bedrock.reset();
        limiter.reset();
        aoss.reset();
        iam.reset();
        quotas.reset();
        openSearch.reset();
        log.clear();
        faults.reset();
        clock.reset();
        Object.assign(opts, started);
        if (!keepS3) s3.reset();
      },
      seed: async (body) => ({ ...(await seedBedrock(bedrock, body, opts.jobDurationMs)), ...aoss.seed(body), ...quotas.seed(body) }),
      sampleData: (body) => uploadSampleData(body as Partial<DatasetOptions>),
    });
    servers.push(admin);
    if (opts.sampleData) await uploadSampleData(opts.sampleData === true ? {} : opts.sampleData);
    return {
      endpoints: { ...endpoints, admin: admin.url },
      store: s3.store,
      uploadSampleData,
      async stop() {
        await Promise.all(servers.map((s) => s.close()));
        s3.dispose();
      },
    };
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    s3.dispose();
    throw err;
  }
}
