// Every request the emulated services receive, so tests can assert what the client really sent
// (admin `GET /requests?service=bedrock`). Bounded so a long demo cannot grow it without limit.
import type { ServiceName } from './services';

export interface LoggedRequest {
  seq: number;
  time: string;
  service: ServiceName;
  method: string;
  path: string;
  query: Record<string, string>;
  /** `x-amz-target` for awsJson services, else undefined. */
  target: string | undefined;
  /** The API operation, e.g. CreateModelCustomizationJob, InvokeModel, PutObject, _bulk. */
  operation: string;
  /** Parsed JSON body when the request carried JSON, else undefined (S3 bodies are never kept). */
  body: unknown;
  status: number;
  /** What the fault injector did to this request, if anything. */
  fault: string | undefined;
}

const MAX_ENTRIES = 20_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, 'seq' | 'time'>): void {
    this.entries.push({ seq: ++this.seq, time: new Date().toISOString(), ...entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(service?: ServiceName): LoggedRequest[] {
    return service ? this.entries.filter((e) => e.service === service) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
