import { AnswerValue } from '../forms/definition/answers.types';
import { answerPath, parseAnswerPath } from './answer-path.util';
import { answerAt } from './flow.util';
import { lowerCaseText, removeDiacritics, tidyText } from './input';
import { InterviewState, PendingProposal } from './interview-state.types';

/**
 * Adds values found in letters. A newer proposal for the same path replaces the older one; a value
 * that says the same as the answer already given (see sameAnswer) is dropped. Answers are never
 * overwritten here: the family confirms each value (see proposal-flow.ts).
 */
export function addProposals(state: InterviewState, proposals: readonly PendingProposal[]): InterviewState {
  const fresh = proposals.filter((proposal) => {
    const target = parseAnswerPath(proposal.path);
    if (target === null || answerPath(target, target.repeatId) !== proposal.path) {
      return false;
    }
    return !sameAnswer(answerAt(state.answers, target, target.repeatId), proposal.value);
  });
  const paths = new Set(fresh.map((proposal) => proposal.path));
  return {
    ...state,
    proposals: [...state.proposals.filter((proposal) => !paths.has(proposal.path)), ...fresh],
  };
}

/**
 * True when a letter's value says what the family's answer says: the same value, or text that
 * differs only by accents, capitals, "ı" for "i" or "ß" for "ss". A letter read by OCR often loses
 * such marks ("Ayse Yilmaz" for "Ayşe Yılmaz"); the family's own spelling wins and is not put to
 * them again.
 */
export function sameAnswer(given: AnswerValue | undefined, found: AnswerValue): boolean {
  if (given === undefined) {
    return false;
  }
  if (typeof given === 'string' && typeof found === 'string') {
    return spellingKey(given) === spellingKey(found);
  }
  return JSON.stringify(given) === JSON.stringify(found);
}

/** Unicode NFD without combining marks, lower case, ı -> i, ß -> ss, single spaces. */
function spellingKey(value: string): string {
  return removeDiacritics(lowerCaseText(tidyText(value)));
}

export function proposalFor(state: InterviewState, path: string): PendingProposal | undefined {
  return state.proposals.find((proposal) => proposal.path === path);
}

export function withoutProposal(state: InterviewState, path: string): PendingProposal[] {
  return state.proposals.filter((proposal) => proposal.path !== path);
}
