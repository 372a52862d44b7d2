// The emulator's admin API from inside the extension host (scripts/test.mjs passes its endpoints in BMC_EMULATOR).
export interface EmulatorEndpoints { bedrock: string; s3: string; admin: string }

export function emulatorEndpoints(): EmulatorEndpoints {
  const line = process.env['BMC_EMULATOR'];
  if (!line) throw new Error('BMC_EMULATOR is not set: run integration tests through scripts/test.mjs');
  return JSON.parse(line) as EmulatorEndpoints;
}

export async function admin<T = Record<string, unknown>>(path: string, body?: unknown, method?: string): Promise<T> {
  const res = await fetch(`${emulatorEndpoints().admin}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`admin ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface LoggedRequest { method: string; path: string; query: Record<string, string>; body: unknown; status: number; operation?: string }

export async function bedrockRequests(): Promise<LoggedRequest[]> {
  return (await admin<{ requests: LoggedRequest[] }>('/requests?service=bedrock')).requests;
}
