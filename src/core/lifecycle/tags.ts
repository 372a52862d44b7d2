// Tags on every resource the extension creates, so the clean-up plan (and the user) can find them later.

export const CREATED_BY_TAG = { key: 'created-by', value: 'bedrock-mm-customizer' } as const;
export const PROJECT_TAG_KEY = 'bedrock-mm-project';

/** AWS tag values allow letters, digits, spaces and `_.:/=+-@`, up to 256 characters. */
export function sanitizeTagValue(v: string): string {
  const cleaned = v.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '-').slice(0, 256);
  return cleaned === '' ? 'unnamed' : cleaned;
}

/**
 * The tags for a new resource: the user's own tags, then ours (ours win, so "created-by" cannot be spoofed away
 * by a spec file). `project` is the workspace name.
 */
export function resourceTags(project: string, userTags: Record<string, string> = {}): { key: string; value: string }[] {
  const merged = new Map<string, string>(Object.entries(userTags));
  merged.set(CREATED_BY_TAG.key, CREATED_BY_TAG.value);
  merged.set(PROJECT_TAG_KEY, sanitizeTagValue(project));
  return [...merged].map(([key, value]) => ({ key, value }));
}
