// Pagination shared by the list operations: an opaque nextToken that encodes the offset into the filtered,
// sorted list, refused when tampered with (as AWS does, with a validation error).

export interface Page<T> { items: T[]; nextToken: string | undefined }

export function paginate<T>(items: T[], max: number, token: string | null | undefined, invalid: (msg: string) => Error): Page<T> {
  let start = 0;
  if (token) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!decoded?.[1]) throw invalid('The nextToken is not valid. Start the listing again without a nextToken.');
    start = Number(decoded[1]);
  }
  const end = start + max;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(`o${end}`, 'utf8').toString('base64url') : undefined,
  };
}
