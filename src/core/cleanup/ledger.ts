// The ledger: one JSON line per resource this work created, written at the moment of creation (the job launched,
// the throughput provisioned, the collection created...). With our tag on the resource itself, it is the only
// proof a clean-up accepts that something is ours: a name in a spec file is a pointer, never proof.
// Kept append-only in the workspace (`.bedrock-mm/ledger.jsonl`) and, by the extension, mirrored in its global
// storage. Pure: ledgerFile.ts reads and appends the files.
import { parseArn } from '../awsRules/arn';
import { asPrefix } from '../awsRules/s3Uri';
import { readIdentityFields, type ResourceIdentity, type ResourceKind } from './plan';

export const LEDGER_VERSION = 1;
/** Where the ledger lives, relative to the workspace folder (the CLI: its --workspace folder). */
export const LEDGER_PATH = '.bedrock-mm/ledger.jsonl';

/** What can be created by this work (the job creates its model; its output folder is derived from the job). */
export type LedgerKind = Extract<ResourceKind,
  'customization-job' | 'batch-job' | 'provisioned-throughput' | 'aoss-collection' | 'aoss-security-policy' | 'aoss-access-policy' | 'opensearch-index' | 's3-prefix'>;
const LEDGER_KINDS: readonly LedgerKind[] = ['customization-job', 'batch-job', 'provisioned-throughput', 'aoss-collection', 'aoss-security-policy', 'aoss-access-policy', 'opensearch-index', 's3-prefix'];

export interface LedgerEntry {
  v: typeof LEDGER_VERSION;
  kind: LedgerKind;
  /** The 12-digit AWS account the resource is in. */
  account: string;
  region: string;
  /** ARN for jobs, throughputs and collections; name + type for policies; endpoint + name for indexes; bucket + prefix (ending in `/`). */
  identity: ResourceIdentity;
  /** The spec file or run it came from (a workspace-relative path, or e.g. `Launch Fine-Tuning wizard`). */
  source: string;
  /** ISO time of creation. */
  at: string;
}

/** Anything that records creations: the workspace + global files in the extension, the workspace file in the CLI. */
export interface LedgerSink {
  record(entries: readonly LedgerEntry[]): Promise<void>;
}

/** Account and region of an ARN (`arn:aws:bedrock:us-east-1:123456789012:...`), when it names both. */
export function scopeOfArn(arn: string): { account: string; region: string } | undefined {
  const a = parseArn(arn);
  return a && /^\d{12}$/.test(a.account) && a.region !== '' ? { account: a.account, region: a.region } : undefined;
}

/** An entry for a resource created now. Throws when the ARN does not say its account and region and none is given. */
export function ledgerEntry(
  kind: LedgerKind, identity: ResourceIdentity, source: string,
  o: { at?: Date; account?: string; region?: string } = {},
): LedgerEntry {
  const scope = identity.arn ? scopeOfArn(identity.arn) : undefined;
  const account = o.account ?? scope?.account;
  const region = o.region ?? scope?.region;
  if (!account || !/^\d{12}$/.test(account) || !region) throw new Error(`ledger entry for ${kind} needs an account id and a region`);
  const id = kind === 's3-prefix' && identity.prefix !== undefined ? { ...identity, prefix: asPrefix(identity.prefix) } : identity;
  return { v: LEDGER_VERSION, kind, account, region, identity: id, source, at: (o.at ?? new Date()).toISOString() };
}

export function ledgerLines(entries: readonly LedgerEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readEntry(v: unknown): LedgerEntry | string {
  if (!isRecord(v)) return 'not a JSON object';
  if (v['v'] !== LEDGER_VERSION) return `unsupported version ${JSON.stringify(v['v'])}`;
  const kind = v['kind'];
  if (typeof kind !== 'string' || !(LEDGER_KINDS as readonly string[]).includes(kind)) return `"kind" must be one of ${LEDGER_KINDS.join(', ')}`;
  const account = v['account'];
  if (typeof account !== 'string' || !/^\d{12}$/.test(account)) return '"account" must be a 12-digit account id';
  for (const f of ['region', 'source', 'at'] as const) if (typeof v[f] !== 'string' || v[f] === '') return `"${f}" must be a non-empty string`;
  const raw = v['identity'];
  if (!isRecord(raw)) return '"identity" must be an object';
  const { identity, problems } = readIdentityFields(raw);
  if (problems[0] !== undefined) return problems[0];
  if (kind === 's3-prefix' && !(identity.bucket && identity.prefix && identity.prefix.endsWith('/'))) return 'an s3-prefix entry needs "bucket" and a "prefix" ending in "/"';
  if (identity.arn) {
    const scope = scopeOfArn(identity.arn);
    if (scope && (scope.account !== account || scope.region !== v['region'])) return 'its ARN names another account or region than the entry';
  }
  return { v: LEDGER_VERSION, kind: kind as LedgerKind, account, region: v['region'] as string, identity, source: v['source'] as string, at: v['at'] as string };
}

/** Reads a ledger file's text. A bad line (hand edit, a write cut short) is reported by its number and skipped. */
export function parseLedger(text: string): { entries: LedgerEntry[]; problems: string[] } {
  const entries: LedgerEntry[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let doc: unknown;
    try { doc = JSON.parse(line); } catch { problems.push(`line ${i + 1}: not valid JSON; skipped`); return; }
    const e = readEntry(doc);
    if (typeof e === 'string') problems.push(`line ${i + 1}: ${e}; skipped`);
    else entries.push(e);
  });
  return { entries, problems };
}

/** Whether an entry is of this account and region: same names elsewhere are other resources. */
export function inScope(e: LedgerEntry, account: string, region: string): boolean {
  return e.account === account && e.region === region;
}

/** The entries of one account and region: a ledger may span several. */
export function entriesFor(entries: readonly LedgerEntry[], account: string, region: string): LedgerEntry[] {
  return entries.filter((e) => inScope(e, account, region));
}
