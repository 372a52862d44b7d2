/** One page of a List call, for "Load more" UIs: pass `nextToken` back to get the next page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

/** Lazily walks every page: the next List call happens only when the consumer asks for more items. */
export async function* iteratePages<T>(fetchPage: (nextToken: string | undefined) => Promise<Page<T>>): AsyncGenerator<T, void, undefined> {
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    yield* page.items;
    nextToken = page.nextToken;
  } while (nextToken !== undefined && nextToken !== '');
}
