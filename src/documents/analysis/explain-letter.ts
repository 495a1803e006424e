import { EXPLAIN_LOCALES, EXPLAIN_TEXTS, ExplainLocale } from './explain-letter.texts';
import type { LetterAnalysis } from './letter-analysis.types';

export { EXPLAIN_LOCALES, ExplainLocale };

/**
 * A plain-language explanation of an analysed letter for the family, in their chat language:
 * who wrote, what they want, what to do, by when, and what the service can help with next.
 * Dates are written DD.MM.YYYY in every language (the way the letter writes them).
 * Unknown locales fall back to German.
 */
export function explainLetter(analysis: LetterAnalysis, locale: string): string {
  const texts =
    EXPLAIN_TEXTS[(EXPLAIN_LOCALES as readonly string[]).includes(locale) ? (locale as ExplainLocale) : 'de'];
  const sentences: string[] = [
    fill(texts.wrote, { who: texts.authority[analysis.authority] }),
    texts.want[analysis.letterType],
  ];
  if (analysis.requestedDocuments.length > 0) {
    sentences.push(fill(texts.send, { documents: analysis.requestedDocuments.join(', ') }));
  }
  if (analysis.appointment) {
    sentences.push(
      fill(texts.appointment, {
        date: dayMonthYear(analysis.appointment.slice(0, 10)),
        time: analysis.appointment.slice(11, 16),
      }),
    );
  } else if (analysis.deadline) {
    const template = analysis.deadline.estimated ? texts.deadlineEstimated : texts.deadline;
    sentences.push(fill(template, { date: dayMonthYear(analysis.deadline.date) }));
  } else if (analysis.letterType !== 'bewilligung' && analysis.letterType !== 'other') {
    sentences.push(texts.noDeadline);
  }
  if (analysis.validUntil) {
    sentences.push(fill(texts.validUntil, { date: dayMonthYear(analysis.validUntil) }));
  }
  if (analysis.letterType === 'rueckforderung' && analysis.amounts.length > 0) {
    sentences.push(fill(texts.amount, { amount: euro(Math.max(...analysis.amounts)) }));
  }
  sentences.push(offer(analysis, texts));
  return sentences.join(' ');
}

function offer(analysis: LetterAnalysis, texts: (typeof EXPLAIN_TEXTS)['de']): string {
  if (analysis.requestedDocuments.includes('Anlage Kind')) {
    return texts.offerAnlageKind;
  }
  if (
    analysis.letterType === 'ablehnung' ||
    analysis.letterType === 'rueckforderung' ||
    analysis.letterType === 'anhoerung'
  ) {
    return texts.offerObjection;
  }
  if (analysis.letterType === 'weiterbewilligung') {
    return texts.offerRenewal;
  }
  return texts.offerGeneral;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function dayMonthYear(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

function euro(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents} €`;
}
