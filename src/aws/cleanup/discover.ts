// Discovery: the facts AWS gives now (facts.ts), judged by the ownership rules (src/core/cleanup/ownership.ts).
// A resource is a candidate only with proof that this work created it (our tag, the ledger), or offered unticked
// when it is related (the role an owned job used, a throughput serving an owned model) or added by the user.
import { ownedCandidates } from '../../core/cleanup/ownership';
import type { Candidate } from '../../core/cleanup/planner';
import type { AwsSession } from '../session';
import { gatherFacts, type FactsInput } from './facts';

export type DiscoveryInput = FactsInput;

export interface Discovery { account: string; candidates: Candidate[]; notes: string[] }

export async function discover(session: AwsSession, input: DiscoveryInput): Promise<Discovery> {
  const { facts, notes } = await gatherFacts(session, input);
  const owned = ownedCandidates(facts, input);
  return { account: facts.account, candidates: owned.candidates, notes: [...notes, ...owned.notes] };
}
