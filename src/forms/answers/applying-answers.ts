import { Answers, RepeatItemAnswers } from '../definition/answers.types';
import { LoadedApplication } from '../loading/loaded-definitions.types';
import { AnswerScope } from '../mapping/answer-scope.util';

export interface ApplyingAnswersOptions {
  /**
   * What to do with answers to ids that are no question of the application: 'drop' them (the
   * chat's submission), or 'keep' them so that validateAnswers names them (the filler).
   */
  unknownIds: 'drop' | 'keep';
}

/**
 * The answers that apply: answers of questions whose `when` is false under the other answers are
 * left out, repeated until nothing changes, because a dropped answer can switch off further
 * questions. A correction from "verheiratet" to "ledig" leaves the partner's answers stored; here
 * they go, and with them `partner.livesAtApplicantAddress == false`, which would otherwise still
 * switch on the partner's address, and `partner.consents`, which would date the partner's signature.
 */
export function applyingAnswers(
  application: LoadedApplication,
  answers: Answers,
  today: string,
  options: ApplyingAnswersOptions,
): Answers {
  let current = answers;
  // Each pass can only switch off questions, so the passes end; ten is far more than any chain.
  for (let pass = 0; pass < 10; pass += 1) {
    const next = prune(application, current, today, options);
    if (next === current) {
      return current;
    }
    current = next;
  }
  return current;
}

function prune(
  application: LoadedApplication,
  answers: Answers,
  today: string,
  options: ApplyingAnswersOptions,
): Answers {
  const scope = new AnswerScope(answers, today);
  let changed = false;
  const kept: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const known = application.questions.get(id);
    const unknown = !known || known.repeatId !== null;
    if (unknown ? options.unknownIds === 'drop' : !scope.isActive(known.question)) {
      changed = true;
      continue;
    }
    if (known?.question.type === 'repeat' && Array.isArray(value)) {
      const items = value.map((item, index) => pruneItem(application, scope, id, index, item, options));
      if (items.some((item, index) => item !== value[index])) {
        changed = true;
        kept[id] = items;
        continue;
      }
    }
    kept[id] = value;
  }
  return changed ? kept : answers;
}

function pruneItem(
  application: LoadedApplication,
  scope: AnswerScope,
  repeatId: string,
  index: number,
  item: RepeatItemAnswers,
  options: ApplyingAnswersOptions,
): RepeatItemAnswers {
  const itemScope = scope.forItem(repeatId, index, item);
  const kept: RepeatItemAnswers = {};
  let changed = false;
  for (const [id, value] of Object.entries(item)) {
    const known = application.questions.get(id);
    const unknown = !known || known.repeatId !== repeatId;
    if (unknown ? options.unknownIds === 'drop' : !itemScope.isActive(known.question)) {
      changed = true;
    } else {
      kept[id] = value;
    }
  }
  return changed ? kept : item;
}
