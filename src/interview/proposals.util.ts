import { InterviewState, PendingProposal } from './interview-state.types';

/**
 * Adds values found in letters. A newer proposal for the same path replaces the older one; answers
 * the family already gave are never overwritten (the proposal waits until the question is asked again).
 */
export function addProposals(state: InterviewState, proposals: readonly PendingProposal[]): InterviewState {
  const paths = new Set(proposals.map((proposal) => proposal.path));
  return { ...state, proposals: [...state.proposals.filter((proposal) => !paths.has(proposal.path)), ...proposals] };
}

export function proposalFor(state: InterviewState, path: string): PendingProposal | undefined {
  return state.proposals.find((proposal) => proposal.path === path);
}

export function withoutProposal(state: InterviewState, path: string): PendingProposal[] {
  return state.proposals.filter((proposal) => proposal.path !== path);
}
