import { validateAnswer } from '../forms/answers/answer-validator';
import { AnswerValue } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { parseChoice } from '../interview/input';
import { readAnswer } from '../interview/read-answer.util';
import { text } from '../interview/texts';

export type WorkspaceReading =
  { ok: true; value: AnswerValue } | { ok: false; code: string; message: { de: string; en: string } };

/**
 * What a Kümmerer typed or picked in a correction field, read with the chat's own parsers and
 * checked with its rules (readAnswer): dates as 3.5.2010, 03.05.2010 or 2010-05-03, money as
 * 1.234,50, yes/no as ja/nein. An empty field clears an optional answer. A choice must be one of
 * the options, by its code (what the page's list sends) or its exact label; the chat's guesses
 * from a prefix or a typo are not taken here, so nothing is stored that nobody picked.
 */
export function readWorkspaceValue(
  question: QuestionDefinition,
  input: string,
  today: string,
): WorkspaceReading {
  const typed = input.trim();
  if (typed === '') {
    const checked = validateAnswer(question, '', { today });
    return checked.ok ? checked : { ok: false, code: checked.code, message: checked.message };
  }
  if (question.type === 'choice') {
    const options = question.options ?? [];
    const match = parseChoice(typed, options);
    if (!match.ok || (match.matchedBy !== 'value' && match.matchedBy !== 'label')) {
      return { ok: false, code: 'NOT_AN_OPTION', message: notAnOption(question) };
    }
    return { ok: true, value: match.value };
  }
  const read = readAnswer(question, typed, today);
  if (read.ok) {
    return { ok: true, value: read.value };
  }
  const problem = read.problem;
  return 'key' in problem
    ? { ok: false, code: problem.key, message: { de: text('de', problem.key), en: text('en', problem.key) } }
    : { ok: false, code: problem.code ?? 'INVALID', message: problem.validation };
}

function notAnOption(question: QuestionDefinition): { de: string; en: string } {
  const options = question.options ?? [];
  return {
    de: `Das ist keine der Möglichkeiten. Bitte wählen Sie eine aus: ${options.map((option) => option.label.de).join(', ')}.`,
    en: `That is not one of the options. Please choose one: ${options.map((option) => option.label.en ?? option.label.de).join(', ')}.`,
  };
}
