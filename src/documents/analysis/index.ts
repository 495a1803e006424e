// Letter analysis: what a letter from an authority says, as data and in plain words.
export { analyzeLetter } from './analyze-letter';
export { explainLetter, EXPLAIN_LOCALES, ExplainLocale } from './explain-letter';
export { deadlineAfterDelivery, deliveryDate, periodEnd, DeliveryRegime, Period } from './delivery-rule';
export { isWorkingDay, nationwideHolidays } from './holidays';
export * from './letter-analysis.types';
export * from './ocr-document.types';
