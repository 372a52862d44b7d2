// What stops a comparison before it starts: a bad spec, a write the user did not approve, a collection not confirmed.
import type { CollectionCreationFacts } from '../../core/eval/collectionNotice';
import { describeIssue, type WriteIssue } from '../../core/files/placement';

/** A spec that failed validation: `problems` are `file:line:column: message` lines. */
export class SpecError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Writes the user did not approve: nothing was written and no AWS call was made. */
export class WriteRefused extends Error {
  constructor(readonly issues: WriteIssue[]) {
    super(`Not written: ${issues.map(describeIssue).join('; ')}`);
  }
}

/** Batch inference jobs were not confirmed (or no confirmation was possible): nothing was submitted or embedded. */
export class BatchDeclined extends Error {
  constructor(readonly notice: { message: string; detail: string }) {
    super(`Nothing was submitted: the batch inference jobs were not confirmed.\n${notice.detail}`);
  }
}

/** The spec asks to create a collection and the user did not confirm it: nothing was created, nothing embedded. */
export class CreationDeclined extends Error {
  constructor(readonly facts: CollectionCreationFacts, readonly notice: { message: string; detail: string }) {
    super(`Nothing was created: the OpenSearch Serverless collection "${facts.name}" was not confirmed. ${notice.message}`);
  }
}
