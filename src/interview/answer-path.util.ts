import { QuestionPointer } from './interview-state.types';

const ITEM_PATH = /^([A-Za-z0-9_.]+)\[(\d+)\]\.(.+)$/;

/** "applicant.lastName", or "children[0].children.firstName" for the first child's answer. */
export function answerPath(pointer: QuestionPointer, repeatId: string | null): string {
  return repeatId === null || pointer.item === null
    ? pointer.questionId
    : `${repeatId}[${pointer.item}].${pointer.questionId}`;
}

/** The reverse of answerPath; null for text that is no answer path. */
export function parseAnswerPath(
  path: string,
): { questionId: string; repeatId: string | null; item: number | null } | null {
  const match = ITEM_PATH.exec(path);
  if (match) {
    return { repeatId: match[1], item: Number(match[2]), questionId: match[3] };
  }
  return /^[A-Za-z0-9_.]+$/.test(path) ? { questionId: path, repeatId: null, item: null } : null;
}
