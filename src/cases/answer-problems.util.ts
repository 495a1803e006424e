import { AnswerProblem } from '../forms/answers/validate-answers';
import { QuestionDefinition } from '../forms/definition/question.types';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';

/** The short German name of a question: "Familienname", else its label or its text. */
export function questionLabel(question: QuestionDefinition): string {
  return question.pdfLabel ?? question.label?.de ?? question.text.de;
}

/** "Kind 2" for the second item of `children`; null for answers given once. */
export function itemTitle(
  application: LoadedApplication,
  repeatId: string | null,
  item: number | null,
): string | null {
  if (repeatId === null || item === null) {
    return null;
  }
  const group = application.questions.get(repeatId)?.question;
  return `${group?.pdfLabel ?? 'Eintrag'} ${item + 1}`;
}

/**
 * Why a case cannot be approved yet, in plain German (then English), naming each answer with its
 * section and child: "Diese Angaben fehlen noch: Familienname, Vorname (Angaben zu Ihrem Partner
 * oder Ihrer Partnerin)."
 */
export function describeAnswerProblems(
  application: LoadedApplication,
  problems: readonly AnswerProblem[],
): [string, string] {
  const missing = new Map<string, string[]>();
  const invalid: string[] = [];
  for (const problem of problems) {
    const indexed = application.questions.get(problem.questionId);
    const label = indexed ? questionLabel(indexed.question) : problem.questionId;
    const place = [
      indexed?.section.title.de,
      itemTitle(application, indexed?.repeatId ?? null, problem.item ?? null),
    ]
      .filter((part) => part)
      .join(', ');
    if (problem.code === 'REQUIRED') {
      missing.set(place, [...(missing.get(place) ?? []), label]);
    } else {
      invalid.push(`${label} (${place}): ${problem.message.de}`);
    }
  }
  const parts = ['Die Freigabe geht noch nicht.'];
  if (missing.size > 0) {
    const lists = [...missing].map(([place, labels]) => `${labels.join(', ')} (${place})`);
    parts.push(`Diese Angaben fehlen noch: ${lists.join('; ')}.`);
  }
  if (invalid.length > 0) {
    parts.push(`Diese Angaben passen nicht: ${invalid.join('; ')}`);
  }
  parts.push('Tragen Sie sie auf dieser Seite ein oder fragen Sie die Familie.');
  return [
    parts.join(' '),
    `Not approved: ${problems.length} answer(s) missing or invalid; they are listed on the case page.`,
  ];
}
