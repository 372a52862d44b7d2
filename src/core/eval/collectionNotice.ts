// What the user is told before a comparison creates an OpenSearch Serverless collection (VS Code's confirmation,
// the CLI's refusal without --yes). It bills by the hour while it exists, so the words say how, never a price:
// prices differ by region and change, and the extension does not invent them.

export interface CollectionCreationFacts {
  /** The collection's name (from the spec's vectorStore.collection). */
  name: string;
  region: string;
  /** The spec asking for it. */
  spec: string;
  allowPublicAccess: boolean;
}

export function collectionCreationNotice(f: CollectionCreationFacts): { message: string; detail: string } {
  return {
    message: `Create the OpenSearch Serverless collection "${f.name}" in ${f.region} for this comparison? It is billed while it exists.`,
    detail: [
      `${f.spec} asks for it ("create": true) and it does not exist yet.`,
      'OpenSearch Serverless bills compute in OCU-hours for as long as the collection exists, even when idle, plus its storage (GB-month).',
      'Created without standby replicas, it starts at 1 OCU for indexing and 1 OCU for search and can scale down to 0.5 + 0.5 OCU at the minimum, unless other vector collections with the same encryption key already pay that capacity.',
      'See the Amazon OpenSearch Service pricing page for the price per OCU-hour in your region.',
      ...(f.allowPublicAccess ? ['Its network policy allows access from the public internet (allowPublicAccess: true).'] : []),
      'It is tagged and recorded in the workspace ledger (.bedrock-mm/ledger.jsonl); Bedrock Customizer: Clean Up deletes it with its encryption, network and data access policies.',
    ].join('\n'),
  };
}
