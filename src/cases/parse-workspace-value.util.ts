import { QuestionDefinition } from '../forms/definition/question.types';

/**
 * What a Kümmerer typed into a form field, in the canonical shape validateAnswer expects:
 * "ja"/"nein" for yes/no, "1.234,50" for money, "03.04.2019" for dates. Anything it cannot read
 * is passed on unchanged, so validateAnswer names the problem.
 */
export function parseWorkspaceValue(question: QuestionDefinition, input: unknown): unknown {
  if (typeof input !== 'string') {
    return input;
  }
  const text = input.trim();
  switch (question.type) {
    case 'yesno':
      if (/^(ja|yes|true)$/i.test(text)) {
        return true;
      }
      return /^(nein|no|false)$/i.test(text) ? false : text;
    case 'number':
    case 'money': {
      const normalised = text.includes(',') ? text.replace(/\./g, '').replace(',', '.') : text;
      return normalised !== '' && Number.isFinite(Number(normalised)) ? Number(normalised) : text;
    }
    case 'date': {
      const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
      return german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : text;
    }
    default:
      return text;
  }
}
