import { SectionDefinition } from '../definition/form.types';
import { QuestionDefinition } from '../definition/question.types';
import { formatDate, formatMoney, formatNumber, formatYesNo } from './format-value.util';

/** An answer as written into a PDF text field: choices by pdfValue or German label, yes/no as ja/nein. */
export function formatForPdf(question: QuestionDefinition, value: unknown, datePattern?: string): string {
  if (question.type === 'choice') {
    const option = question.options?.find((candidate) => candidate.value === value);
    return option ? (option.pdfValue ?? option.label.de) : String(value);
  }
  return formatCommon(question, value, datePattern);
}

/** An answer as a person reads it in the summary: choices by their German label, yes/no as Ja/Nein. */
export function formatForReading(question: QuestionDefinition, value: unknown): string {
  if (question.type === 'choice') {
    return question.options?.find((candidate) => candidate.value === value)?.label.de ?? String(value);
  }
  if (question.type === 'yesno') {
    return value === true ? 'Ja' : 'Nein';
  }
  return formatCommon(question, value);
}

function formatCommon(question: QuestionDefinition, value: unknown, datePattern?: string): string {
  switch (question.type) {
    case 'date':
      return typeof value === 'string' ? formatDate(value, datePattern) : String(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'yesno':
      return formatYesNo(value === true);
    default:
      return String(value);
  }
}

/** Short German name of a question: its pdfLabel, else its German text. */
export function questionLabel(question: QuestionDefinition): string {
  return question.pdfLabel ?? question.text.de;
}

/** "Punkt 1: Familienname" */
export function fieldLabel(section: SectionDefinition, question: QuestionDefinition): string {
  return section.pdfLabel ? `${section.pdfLabel}: ${questionLabel(question)}` : questionLabel(question);
}

/** "Kind 3" for the third item of a repeat group labelled "Kind", otherwise "Nr. 3". */
export function itemLabel(repeat: QuestionDefinition, index: number): string {
  return `${repeat.pdfLabel ?? 'Nr.'} ${index + 1}`;
}
