// Near-miss key names: the mistakes people make when writing a manifest by hand or converting another format.

export const MANIFEST_KEYS = ['image-ref', 'caption'] as const;

const KNOWN_NEAR_MISSES: Record<string, string> = {
  'image_ref': 'image-ref', 'imageRef': 'image-ref', 'imageref': 'image-ref', 'image': 'image-ref',
  'image-uri': 'image-ref', 'image_uri': 'image-ref', 'imageUri': 'image-ref', 'image-url': 'image-ref',
  'image_url': 'image-ref', 'img': 'image-ref', 'source-ref': 'image-ref', 's3_uri': 'image-ref', 'uri': 'image-ref',
  'path': 'image-ref', 'image_path': 'image-ref', 'file': 'image-ref',
  'text': 'caption', 'label': 'caption', 'captions': 'caption', 'description': 'caption', 'title': 'caption',
  'prompt': 'caption', 'alt': 'caption',
};

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The manifest key an unknown key probably meant, if any. */
export function suggestKey(key: string): string | undefined {
  const known = KNOWN_NEAR_MISSES[key] ?? KNOWN_NEAR_MISSES[key.toLowerCase()];
  if (known) return known;
  if (key.length > 40) return undefined;
  const lower = key.toLowerCase().replace(/[_ ]/g, '-');
  for (const k of MANIFEST_KEYS) {
    if (lower === k || editDistance(lower, k) <= 2) return k;
  }
  return undefined;
}
