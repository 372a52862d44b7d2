// The one price model: per model family what an image costs on demand and in batch and what 1,000 text tokens
// cost, plus a provisioned throughput's hourly price. Every number is the user's (settings, or the CLI's --prices
// file in the same shape); 0 or absent means "not set" and gives no amount: prices differ by region and change,
// so none is ever assumed (docs/reference/model-families.md "Prices").
import type { FamilyId } from './families/types';
import { jsonLocations } from './jsonLocations';

export interface FamilyPrices {
  /** USD per image embedded on demand. */
  readonly onDemandPerImage: number;
  /** USD per image embedded by a batch inference job. */
  readonly batchPerImage: number;
  /** USD per 1,000 input text tokens. */
  readonly per1000TextTokens: number;
}

export interface Prices {
  readonly families: Readonly<Record<FamilyId, FamilyPrices>>;
  /** USD per model unit per hour of a provisioned throughput, no commitment. */
  readonly throughputHourly: number;
}

export type PriceField = keyof FamilyPrices;

/** Each price setting (under bedrockCustomizer.) and the price it sets. Titan's keep their original names. */
export const PRICE_SETTINGS = {
  'pricing.onDemandPerImage': { family: 'titan-mm-g1', field: 'onDemandPerImage' },
  'pricing.batchPerImage': { family: 'titan-mm-g1', field: 'batchPerImage' },
  'pricing.textPer1000Tokens': { family: 'titan-mm-g1', field: 'per1000TextTokens' },
  'pricing.nova.onDemandPerImage': { family: 'nova-mme', field: 'onDemandPerImage' },
  'pricing.nova.batchPerImage': { family: 'nova-mme', field: 'batchPerImage' },
  'pricing.nova.textPer1000Tokens': { family: 'nova-mme', field: 'per1000TextTokens' },
  'pricing.cohere.onDemandPerImage': { family: 'cohere-embed-v4', field: 'onDemandPerImage' },
  'pricing.cohere.textPer1000Tokens': { family: 'cohere-embed-v4', field: 'per1000TextTokens' },
  'pricing.throughputHourlyNoCommitment': { family: undefined, field: 'throughputHourly' },
} as const satisfies Record<string, { family: FamilyId | undefined; field: PriceField | 'throughputHourly' }>;

export type PriceSettingKey = keyof typeof PRICE_SETTINGS;
export const PRICE_SETTING_KEYS = Object.keys(PRICE_SETTINGS) as PriceSettingKey[];

const UNSET: FamilyPrices = { onDemandPerImage: 0, batchPerImage: 0, per1000TextTokens: 0 };
export const NO_PRICES: Prices = { families: { 'titan-mm-g1': UNSET, 'nova-mme': UNSET, 'cohere-embed-v4': UNSET }, throughputHourly: 0 };

export const isSet = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** The prices from a getter of the price settings (VS Code's Config, or a --prices file's values). */
export function pricesFrom(get: (key: PriceSettingKey) => number | undefined): Prices {
  const families: Record<FamilyId, Record<PriceField, number>> = {
    'titan-mm-g1': { ...UNSET }, 'nova-mme': { ...UNSET }, 'cohere-embed-v4': { ...UNSET },
  };
  let throughputHourly = 0;
  for (const key of PRICE_SETTING_KEYS) {
    const v = get(key);
    const value = isSet(v) ? v : 0;
    const s = PRICE_SETTINGS[key];
    if (s.family === undefined) throughputHourly = value;
    else families[s.family][s.field] = value;
  }
  return { families, throughputHourly };
}

/** The setting that sets a family's price (for "set bedrockCustomizer.… to see an estimate"), if there is one. */
export function priceSettingFor(family: FamilyId, field: PriceField): string | undefined {
  const key = PRICE_SETTING_KEYS.find((k) => { const s = PRICE_SETTINGS[k]; return s.family === family && s.field === field; });
  return key === undefined ? undefined : `bedrockCustomizer.${key}`;
}

const PREFIX = 'bedrockCustomizer.';

/**
 * A --prices file: a JSON object of price settings, the keys as in settings.json (with or without the
 * `bedrockCustomizer.` prefix). Problems name the file, line and column, the key and the value.
 */
export function parsePricesFile(text: string, file: string): { prices: Prices } | { problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problems: [`${file}: not JSON: ${(e as Error).message}`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problems: [`${file}:1:1: expected a JSON object of price settings such as {"${PREFIX}pricing.onDemandPerImage": 0.00006}`] };
  const where = jsonLocations(text);
  const problems: string[] = [];
  const values = new Map<PriceSettingKey, number>();
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = where.get(`/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    const place = `${file}:${at?.line ?? 1}:${at?.column ?? 1}`;
    const name = (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key) as PriceSettingKey;
    if (!PRICE_SETTING_KEYS.includes(name)) {
      problems.push(`${place}: "${key}" is not a price setting; known: ${PRICE_SETTING_KEYS.map((k) => PREFIX + k).join(', ')}`);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push(`${place}: "${key}" must be a number of USD at least 0 (0: not set), got ${JSON.stringify(value)}`);
    } else values.set(name, value);
  }
  return problems.length > 0 ? { problems } : { prices: pricesFrom((k) => values.get(k)) };
}

/** Text tokens estimated from characters (English averages about 4.7 characters a token; the tokenizers are not public). */
export const estimateTokens = (chars: number): number => Math.ceil(chars / 4.7);
