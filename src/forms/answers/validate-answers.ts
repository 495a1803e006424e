import { Answers, RepeatItemAnswers } from '../definition/answers.types';
import { LocalizedText } from '../definition/localized-text.types';
import { LoadedApplication } from '../loading/loaded-definitions.types';
import { AnswerScope } from '../mapping/answer-scope.util';
import { validateAnswer } from './answer-validator';

export interface AnswerProblem {
  questionId: string;
  /** 0-based item of the repeat group, for answers of one child. */
  item?: number;
  code: string;
  message: LocalizedText & { en: string };
}

export interface AnswersCheck {
  problems: AnswerProblem[];
  /** The answers with every value normalised (IBAN without spaces ...). */
  answers: Answers;
}

const unknownQuestion = {
  de: 'Diese Antwort gehört zu keiner Frage des Antrags.',
  en: 'This answer belongs to no question of the application.',
};

export interface ValidateAnswersOptions {
  /**
   * The day the family gave the answers (YYYY-MM-DD). A condition on dates can ask more as time
   * passes (Punkt 3 of the Anlage Kind for a child who turns 18 within three months): a missing
   * answer to a question that was not asked on that day is no problem, the family never saw it.
   */
  answeredOn?: string;
}

/**
 * Checks a whole set of answers against an application: every question that is asked under the
 * answers' own conditions, every item of repeat groups, and no answers to unknown questions.
 */
export function validateAnswers(
  application: LoadedApplication,
  answers: Answers,
  today: string,
  options: ValidateAnswersOptions = {},
): AnswersCheck {
  const problems: AnswerProblem[] = [];
  const normalised: Answers = { ...answers };
  const base = new AnswerScope(answers, today);
  const then = options.answeredOn === undefined ? base : new AnswerScope(answers, options.answeredOn);
  const items = new Map<string, RepeatItemAnswers[]>();

  for (const id of Object.keys(answers)) {
    const known = application.questions.get(id);
    if (!known || known.repeatId !== null) {
      problems.push({ questionId: id, code: 'UNKNOWN_QUESTION', message: unknownQuestion });
    }
  }

  for (const { question, repeatId } of application.questions.values()) {
    if (repeatId === null) {
      if (!base.isActive(question)) {
        continue;
      }
      const result = validateAnswer(question, answers[question.id], { today });
      if (!result.ok) {
        if (!(result.code === 'REQUIRED' && !then.isActive(question))) {
          problems.push({ questionId: question.id, code: result.code, message: result.message });
        }
      } else if (question.type !== 'repeat') {
        normalised[question.id] = result.value;
      }
      continue;
    }
    const group = application.questions.get(repeatId)?.question;
    if (group && !base.isActive(group)) {
      continue;
    }
    const list = itemsOf(items, normalised, base, repeatId);
    list.forEach((values, item) => {
      if (!base.forItem(repeatId, item, values).isActive(question)) {
        return;
      }
      const result = validateAnswer(question, values[question.id], { today });
      if (!result.ok) {
        if (!(result.code === 'REQUIRED' && !then.forItem(repeatId, item, values).isActive(question))) {
          problems.push({ questionId: question.id, item, code: result.code, message: result.message });
        }
      } else {
        values[question.id] = result.value;
      }
    });
  }

  for (const [repeatId, list] of items) {
    list.forEach((values, item) => {
      for (const id of Object.keys(values)) {
        if (application.questions.get(id)?.repeatId !== repeatId) {
          problems.push({ questionId: id, item, code: 'UNKNOWN_QUESTION', message: unknownQuestion });
        }
      }
    });
  }
  return { problems, answers: normalised };
}

/** Copies a repeat group's items once, so normalising never changes the caller's answers. */
function itemsOf(
  cache: Map<string, RepeatItemAnswers[]>,
  normalised: Answers,
  base: AnswerScope,
  repeatId: string,
): RepeatItemAnswers[] {
  let list = cache.get(repeatId);
  if (!list) {
    list = base.itemsOf(repeatId).map((values) => ({ ...values }));
    cache.set(repeatId, list);
    if (Array.isArray(normalised[repeatId])) {
      normalised[repeatId] = list;
    }
  }
  return list;
}
